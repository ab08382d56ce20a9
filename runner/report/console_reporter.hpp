#pragma once

#include "core/result.hpp"
#include "report/live_line.hpp"
#include "report/progress.hpp"
#include "report/run_listener.hpp"

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace parity::report {

/// How the console reporter writes.
struct ConsoleOptions {
  bool color = false;    ///< ANSI colours on the verdict tags
  bool verbose = false;  ///< the redacted exchanges of every non-passing case
  /// A terminal: one live status line during the run (done/total, running cases, long waits)
  /// instead of a line per case. See terminal_style().
  bool live = false;
  std::size_t width = 80;  ///< terminal columns, for the live line
};

/// Human-readable reporter for `parity run`:
///
///     parity: profile reference — issuer https://as.example — 12 cases
///     parity: 1 of 12 cases will be skipped:
///       1 case: profile lacks capability 'jar'
///     (during the run: a live line on a terminal, else one line per case as it finishes)
///       3/12  [ FAIL ] par.basic/rejects_request_uri_param (12 ms)
///     (at the end: every case, grouped by suite in plan order, with what went wrong)
///     par.basic — 11 cases: 10 passed, 1 failed
///     [ PASS ] par.basic/push_returns_request_uri (231 ms)
///     [ FAIL ] par.basic/rejects_request_uri_param (12 ms)
///         suites/par/basic.yaml:18:11: status equals 400
///           expected: 400
///           actual:   201
///     (the non-passing cases grouped by cause, largest group first: see cause_groups)
///     parity: profile reference — 12 cases: 10 passed, 0 warned, 1 failed, 0 errored, 1 skipped
///
/// The last line is the one summary, with all five counts; the JUnit and JSON totals are the
/// same numbers. A run with TLS verification off says so loudly in its first and last lines.
/// All text that may come from the server is made terminal-safe (no escape sequences pass).
class ConsoleReporter final : public RunListener {
 public:
  /// Writes to `out` (which must outlive the reporter), as `options` says.
  ConsoleReporter(std::ostream& out, ConsoleOptions options);
  /// Plain lines (no live line), with colours when `color` and the exchanges of non-passing
  /// cases when `verbose`.
  ConsoleReporter(std::ostream& out, bool color, bool verbose);
  ConsoleReporter(const ConsoleReporter&) = delete;
  ConsoleReporter& operator=(const ConsoleReporter&) = delete;
  ConsoleReporter(ConsoleReporter&&) = delete;
  ConsoleReporter& operator=(ConsoleReporter&&) = delete;
  ~ConsoleReporter() override;

  /// Prints the profile, issuer and case count, and a warning when `tls_verified` is false.
  void on_run_started(const std::string& profile_id,
                      const std::string& issuer,
                      std::size_t case_count,
                      bool tls_verified) override;
  /// Prints one line per cause of skips, with the cases it costs.
  /// Prints a warning that the transport is plain HTTP.
  void on_plain_http_rig() override;
  void on_plan_skips(const std::vector<SkipCause>& causes) override;
  void on_case_started(const std::string& full_id) override;
  /// Shows a long wait: on the live line, or as a plain line.
  void on_wait(const std::string& full_id,
               const std::string& label,
               std::chrono::milliseconds duration) override;
  /// Updates the live line, or prints the case's plain progress line.
  void on_case_finished(const CaseResult& result) override;
  /// Prints every case grouped by suite, the cause recap and the summary.
  void on_run_finished(const RunResult& result) override;
  /// For a run that could not start (RunResult::setup_error): the profile, the reason, and
  /// the summary, in which every selected case is errored.
  void on_setup_failed(const RunResult& result);

 private:
  std::string paint(std::string_view text, std::string_view ansi) const;
  std::string case_line(const CaseResult& result) const;
  void print_case(const CaseResult& result);
  void print_checks(const CaseResult& result);
  void print_indented(const std::string& text, std::size_t indent);
  void print_recap(const RunResult& result);
  void emit(const std::string& text);

  std::ostream& m_out;
  ConsoleOptions m_options;
  std::size_t m_case_count = 0;
  std::size_t m_done = 0;
  std::unique_ptr<ProgressBoard> m_board;
  std::unique_ptr<LiveLine> m_live;
};

/// The one summary line: "parity: profile reference — 5 cases: 1 passed, 1 warned, 1 failed,
/// 1 errored, 1 skipped (2.3 s)".
std::string summary_line(const RunResult& result);

}  // namespace parity::report
