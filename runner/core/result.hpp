#pragma once

#include "core/errors.hpp"
#include "core/suite.hpp"
#include "http/message.hpp"

#include <cstdint>
#include <map>
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
};

/// What one case did.
struct CaseResult {
  std::string suite;
  std::string id;
  std::string title;
  std::string file;  ///< suite file
  std::vector<std::string> requirements;
  std::vector<std::string> tags;
  Level level = Level::must;
  Outcome outcome = Outcome::passed;
  std::string skip_reason;
  std::string error;
  std::vector<StepResult> steps;
  std::int64_t elapsed_ms = 0;

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
};

/// A whole run against one profile.
struct RunResult {
  std::string profile_id;
  std::string profile_name;
  std::string emulation;  ///< the profile's `emulation` label; empty for real providers
  std::string issuer;
  std::string tool_version;
  std::string started_at;  ///< ISO 8601 UTC
  bool tls_verified = true;
  bool embedded_server = false;
  std::vector<CaseResult> cases;  ///< in plan order
  std::int64_t elapsed_ms = 0;
};

/// Counts the verdicts of `result`.
Totals totals(const RunResult& result);
/// The documented exit code for a finished run (errored > failed > ok).
ExitCode exit_code_for(const RunResult& result);

}  // namespace parity
