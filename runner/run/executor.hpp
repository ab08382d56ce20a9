#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "login/browser_service.hpp"
#include "plan/plan.hpp"
#include "report/run_listener.hpp"
#include "run/client_factory.hpp"

#include <chrono>
#include <functional>
#include <memory>

namespace parity::run {

/// Makes one HttpClient per worker thread.
using ClientFactory = HttpClientFactory;

/// How a plan runs.
struct RunOptions {
  int jobs = 4;                                ///< cases run concurrently
  std::chrono::milliseconds max_wait{300000};  ///< longer waits make the case errored
  /// Clients for the threads of `concurrently` steps; run_plan fills it from its factory
  /// when empty. Empty in run_case: such steps are errored.
  ClientFactory make_client;
  /// Told when a wait step of case `full_id` starts (its name, its duration); run_plan sets it
  /// to forward to the listener.
  std::function<void(
      const std::string& full_id, const std::string& label, std::chrono::milliseconds duration)>
      on_wait;
  /// `--reveal-credentials`: tokens, codes, code_verifier, DPoP proofs and cookies are
  /// recorded as they were (client secrets and passwords stay masked); reports say so.
  bool reveal_credentials = false;
  /// The run's browsers, for profiles whose login is done in a browser (profiles/README.md,
  /// "Browser login"); null: such logins are errored.
  login::BrowserService* browser = nullptr;
  /// Where files a run leaves next to its reports go (failed browser logins' screenshots);
  /// empty: none are written. target::run_suites uses it, run_plan does not.
  std::string artifacts_dir;
};

/// Runs one planned case with `client` (suites/README.md, "Verdicts"). Skipped cases return
/// at once with their reason. Steps run in order and the case stops at the first step that
/// does not pass. errored > failed; a failed `level: should` case is warned. Every request of
/// the case ends by its deadline (profile's case_deadline_ms, run/case_deadline.hpp). Never
/// throws: anything unexpected makes the case errored with the message.
CaseResult run_case(const PlannedCase& planned,
                    const Profile& profile,
                    http::HttpClient& client,
                    const RunOptions& options);

/// Runs every case of `plan` on `options.jobs` worker threads, each with its own client from
/// `make_client`. Results keep plan order; `listener` is called from one thread at a time:
/// on_run_started, on_case_finished as each case finishes, on_run_finished.
RunResult run_plan(const Plan& plan,
                   const RunOptions& options,
                   report::RunListener& listener,
                   const ClientFactory& make_client);

/// The result of a run that could not start (README, "A report on every exit"): every case of
/// `suites` that `selection` picks is errored with "setup failed: `reason`", and the run
/// carries `reason` as its setup_error, so that the reports say why nothing ran.
RunResult setup_failed_run(const Profile& profile,
                           const std::vector<Suite>& suites,
                           const Selection& selection,
                           const std::string& reason);

}  // namespace parity::run
