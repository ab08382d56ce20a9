#pragma once

#include "core/errors.hpp"
#include "core/http_message.hpp"
#include "core/suite.hpp"
#include "core/transport.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity {

/// Verdict of a step or case. `warned`: only a "should"-level expectation failed.
enum class Outcome { passed, warned, failed, errored, skipped };

/// Returns "passed", "warned", …
std::string_view to_string(Outcome outcome);

/// One evaluated expectation.
struct Check {
  std::string description;  ///< e.g. "json:/expires_in between [1, 600]"
  bool passed = false;
  std::string expected;
  std::string actual;
  SourceLocation where;  ///< the YAML line of the expectation
};

/// What one step did. `observed` keeps the behaviour worth comparing across providers
/// ("status", "error", "expires_in", "redirect", "error_page", "alternative", …).
struct StepResult {
  std::string name;
  StepKind kind = StepKind::push;
  Outcome outcome = Outcome::passed;
  std::vector<http::Exchange> exchanges;  ///< redacted before they are stored here
  std::vector<Check> checks;
  std::string error;  ///< for errored steps: what went wrong
  std::map<std::string, std::string> observed;
  std::int64_t elapsed_ms = 0;
  bool ends_case = false;  ///< passed through an `ends_case` alternative: later steps are moot
  /// A browser login that failed in this step: its screenshot, relative to the directory of
  /// the reports (profiles/README.md, "Browser login"); empty otherwise.
  std::string login_screenshot;
};

/// What one case did.
struct CaseResult {
  std::string suite;
  std::string id;
  std::string title;
  std::string file;  ///< suite file
  std::vector<std::string> requirements;
  std::vector<std::string> tags;
  Level level = Level::must;  ///< the level against the run's profile
  /// Why the profile decides `level` (a `level: fapi2` case); empty for a fixed level.
  std::string level_reason;
  Outcome outcome = Outcome::passed;
  std::string skip_reason;
  std::string error;
  std::vector<StepResult> steps;
  std::int64_t elapsed_ms = 0;
  /// The screenshot of the browser login that errored the case (its step's
  /// login_screenshot), relative to the directory of the reports; empty otherwise.
  std::string login_screenshot;

  std::string full_id() const { return suite + "/" + id; }
};

/// Verdict counts.
struct Totals {
  int passed = 0;
  int warned = 0;
  int failed = 0;
  int errored = 0;
  int skipped = 0;
  int total() const { return passed + warned + failed + errored + skipped; }
  /// Counts one more case whose verdict is `outcome`.
  void add(Outcome outcome);
};

/// A whole run against one profile.
struct RunResult {
  std::string profile_id;
  std::string profile_name;
  std::string emulation;  ///< the profile's `emulation` label; empty for real providers
  std::string issuer;
  std::string tool_version;
  std::string started_at;  ///< ISO 8601 UTC
  std::string hostname;    ///< the machine parity ran on (JUnit `hostname`)
  bool tls_verified = true;
  /// `plain_http` when the profile declares a plain-HTTP test rig; every report says so.
  Transport transport = Transport::https;
  bool embedded_server = false;
  /// `--reveal-credentials`: exchanges hold live tokens, codes and cookies; reports say so.
  bool credentials_revealed = false;
  std::vector<CaseResult> cases;  ///< in plan order
  std::int64_t elapsed_ms = 0;
  /// Non-empty when the run could not start (discovery unreachable, TLS failure, a profile
  /// that cannot be planned): why. Every selected case is then errored with this reason.
  std::string setup_error;
};

/// How many skipped cases a run may have before its exit code says so (`--allow-empty`,
/// `--max-skipped N|P%`).
struct SkipPolicy {
  bool allow_empty = false;                   ///< a run where no case ran exits 0, not 6
  std::optional<int> max_skipped_cases;       ///< more skipped cases than this: exit 6
  std::optional<double> max_skipped_percent;  ///< a larger share of skipped cases: exit 6
};

/// Why a run's skips make it exit ExitCode::no_case_ran under `policy` ("" when they do not):
/// "no case ran: 136 of 136 cases were skipped", "no case matched the selection", or
/// "40 of 136 cases were skipped, more than --max-skipped 10%".
std::string skip_verdict(const Totals& counts, const SkipPolicy& policy);

/// Counts the verdicts of `result`.
Totals totals(const RunResult& result);
/// Counts the verdicts of `cases` (one suite's, say).
Totals totals(const std::vector<const CaseResult*>& cases);
/// The documented exit code for a finished run: errored > failed > no case ran (or too many
/// skipped under `policy`) > ok.
ExitCode exit_code_for(const RunResult& result, const SkipPolicy& policy = {});

}  // namespace parity
