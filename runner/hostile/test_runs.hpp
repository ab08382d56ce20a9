#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "plan/plan.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

// Shared by the parity_hostile tests only: run a plan with the real CurlClient and keep every
// output it produces.
namespace parity::hostile::test_support {

/// What one run produced: the result and every output, as text.
struct RunOutputs {
  RunResult result;
  std::string console;  ///< verbose console output
  std::string junit;    ///< JUnit XML
  std::string json;     ///< JSON report
  /// The provider comparison of this one run (parity compare), as HTML and as Markdown.
  std::string comparison_html;
  std::string comparison_markdown;
  std::int64_t wall_ms = 0;
};

/// Every secret and credential seen on the wire during a run (collected by a wrapper around
/// each CurlClient). Sent: Authorization values after their scheme, DPoP proofs, cookies, and
/// the client_secret, client_assertion, code, code_verifier, refresh_token, access_token and
/// id_token parameters of bodies and query strings. Received: the access_token,
/// refresh_token and id_token members of JSON bodies, code and token parameters of Location
/// headers, Set-Cookie values.
class SentCredentials {
 public:
  /// Collects the credentials of `request` (thread-safe).
  void record(const http::Request& request);
  /// Collects the credentials of `response` (thread-safe).
  void record_response(const http::Response& response);
  /// What was collected so far, but for values also sent as public parameters.
  std::set<std::string> values() const;
  /// The kinds collected so far ("access_token", "code", "dpop_proof", "basic", …).
  std::set<std::string> kinds() const;
  /// The values of `kind` collected so far.
  std::set<std::string> values_of(const std::string& kind) const;

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, std::string> m_values;  ///< value → kind
  std::set<std::string> m_public;  ///< values also sent as public parameters (code_challenge)
};

/// fixtures/hostile/profile.yaml with its issuer and endpoints on `base_url`.
Profile hostile_profile(const std::string& base_url);

/// Runs `plan` on `jobs` threads with CurlClient (options from the plan's profile, as
/// `parity run` sets them) and writes the verbose console, JUnit and JSON outputs. Every
/// exchange's credentials go to `sent` when given. `reveal_credentials`: as
/// `--reveal-credentials`.
RunOutputs run_with_reports(const run::Plan& plan,
                            int jobs,
                            SentCredentials* sent = nullptr,
                            bool reveal_credentials = false);

/// The case `suite`/`id` of `result`; fails the test (and returns a blank result) when absent.
CaseResult find_case(const RunResult& result, const std::string& id);

/// Validates `xml` with xmllint against fixtures/junit/junit-10.xsd; "" when valid, else the
/// xmllint messages.
std::string junit_schema_errors(const std::string& xml);

/// The peak resident set size of this process, in MiB.
long peak_rss_mib();

}  // namespace parity::hostile::test_support
