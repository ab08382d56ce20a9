#pragma once

#include "core/result.hpp"
#include "report/run_listener.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace parity::report {

/// Streaming human-readable reporter, one line per case as it finishes:
///
///     parity: profile reference — issuer https://as.example — 12 cases
///     [ PASS ] par.basic/push_returns_request_uri (231 ms)
///     [ FAIL ] par.basic/rejects_request_uri_param (12 ms)
///         suites/par/basic.yaml:18:11: status equals 400
///           expected: 400
///           actual:   201
///     [ SKIP ] par.jar/signed_request_object: profile lacks capability 'jar'
///     parity: profile reference — 12 cases: 10 passed, 1 warned, 0 failed, 0 errored, 1 skipped
///     (2.3 s) 11 passed, 0 failed, 1 skipped
///
/// The last line has a fixed shape for CI tools: warned cases count as passed and errored
/// ones as failed. A run with TLS verification off says so loudly in its first lines. All
/// text that may come from the server is made terminal-safe (no escape sequences pass).
class ConsoleReporter final : public RunListener {
 public:
  /// Writes to `out` (which must outlive the reporter), with ANSI colours when `color`, and
  /// with the redacted exchanges of every non-passing case when `verbose`.
  ConsoleReporter(std::ostream& out, bool color, bool verbose);

  /// Prints the profile, issuer and case count, and a warning when `tls_verified` is false.
  void on_run_started(const std::string& profile_id,
                      const std::string& issuer,
                      std::size_t case_count,
                      bool tls_verified) override;
  /// Prints the case line and, for non-passing cases, what went wrong.
  void on_case_finished(const CaseResult& result) override;
  /// Prints the two summary lines.
  void on_run_finished(const RunResult& result) override;

 private:
  std::string paint(std::string_view text, std::string_view ansi) const;
  void print_checks(const CaseResult& result);
  void print_indented(const std::string& text, std::size_t indent);

  std::ostream& m_out;
  bool m_color;
  bool m_verbose;
};

}  // namespace parity::report
