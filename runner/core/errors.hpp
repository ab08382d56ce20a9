#pragma once

#include <stdexcept>
#include <string>

namespace parity {

/// A position in an input file; line and column are 1-based (0 = unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  /// Returns "file:line:col" (or just "file" when the position is unknown).
  std::string str() const;
};

/// Bad input: a suite, profile, server config or key file that cannot be used.
/// `what()` is "file:line:col: message". Caught only at the top level (exit code 2).
class LoadError : public std::runtime_error {
 public:
  LoadError(SourceLocation where, const std::string& message);
  const SourceLocation& where() const { return m_where; }
  const std::string& message() const { return m_message; }

 private:
  SourceLocation m_where;
  std::string m_message;
};

/// Bad command-line usage (exit code 1).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Documented process exit codes (README, "Verdicts, reports and exit codes"). For a run:
/// bad input > errored > failed > no_case_ran > ok.
enum class ExitCode : int {
  ok = 0,         ///< every case that ran passed or warned; at least one ran
  usage = 1,      ///< command-line usage error
  bad_input = 2,  ///< a suite, profile, fixture, config or output path cannot be used
  errored = 3,    ///< at least one case errored (network, server malfunction, runtime)
  failed = 4,     ///< at least one case failed an expectation, none errored
  /// `parity drift` / `compare --baseline`: cases changed, none regressed.
  drift_changed = 5,
  /// No case ran (every selected case was skipped, or the selection matched nothing), or more
  /// cases were skipped than --max-skipped allows; --allow-empty accepts an empty run.
  no_case_ran = 6,
};

}  // namespace parity
