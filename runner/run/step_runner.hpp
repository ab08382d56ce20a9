#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"
#include "http/redactor.hpp"
#include "login/browser_service.hpp"
#include "run/case_deadline.hpp"
#include "run/client_factory.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace parity::run {

/// The secrets the steps of one case have sent, shared by its steps and by the threads of a
/// `concurrently` step: a server may echo a credential into a value that a later step sends
/// on (a request_uri), so every later exchange of the case masks it too. Thread-safe.
class CaseCredentials {
 public:
  /// Adds every secret `redactor` knows.
  void merge(const http::Redactor& redactor);
  /// Adds the secrets collected so far to `redactor`.
  void apply_to(http::Redactor& redactor) const;

 private:
  mutable std::mutex m_mutex;
  http::Redactor m_redactor;
};

/// What one step runs with. `vars` already has client.* bound to `client`.
struct StepContext {
  const Profile& profile;
  const Client& client;  ///< the step's client
  http::HttpClient& http;
  const http::Redactor& redactor;  ///< the profile's secrets; the step adds its own
  std::chrono::milliseconds max_wait;
  eval::Vars& vars;  ///< captures are stored here
  /// For `concurrently` steps: each repetition's thread gets its own client (empty: such a
  /// step is errored).
  HttpClientFactory make_client = {};
  /// The case's sent secrets (none: the step masks only its own and the profile's).
  CaseCredentials* case_credentials = nullptr;
  /// The case's deadline, which `wait` steps move (none: waits move nothing). The deadline
  /// bounds requests through `http` and `make_client` (run/case_deadline.hpp).
  CaseDeadline* deadline = nullptr;
  /// Told when a wait step starts sleeping: the step's name ("" for an unnamed one) and how
  /// long (progress display). Empty: nobody listens.
  std::function<void(const std::string&, std::chrono::milliseconds)> on_wait = {};
  /// The run's browsers (a profile with a browser login; null otherwise).
  login::BrowserService* browser = nullptr;
  /// The case's full id (names a failed browser login's screenshot).
  std::string case_id = {};
};

/// Runs one step (suites/README.md, "Steps"): a wait sleeps (errored beyond `max_wait`); a
/// request step is built, sent, captured from and judged. A transport error or a missing
/// applicable expectation makes it errored; a failed capture or check makes it failed.
/// Exchanges are redacted (http/redactor.hpp) and cut to excerpts of the profile's
/// max_recorded_bytes (http/excerpt.hpp) before they are stored; checks judge the whole
/// exchange. Never throws for test outcomes.
StepResult run_step(const Step& step, const StepContext& context);

/// "61 s", "1.5 s": a duration as reported in wait errors.
std::string format_seconds(std::chrono::milliseconds duration);

}  // namespace parity::run
