#pragma once

#include "report/live_line.hpp"
#include "report/progress.hpp"
#include "report/run_listener.hpp"
#include "report/terminal.hpp"

#include <memory>
#include <mutex>
#include <ostream>
#include <string>

namespace parity::report {

/// Progress of several runs at once (`parity selftest`, `parity compare`): on a terminal one
/// live line ("selftest [runs 3/41, cases 812/5576] · waiting 58 s for request_uri expiry,
/// 4 cases · running …"); otherwise one plain line per finished run. Thread-safe.
class RunsProgress {
 public:
  /// `title` starts every line ("selftest", "compare").
  RunsProgress(std::ostream& out, std::string title, TerminalStyle style);
  RunsProgress(const RunsProgress&) = delete;
  RunsProgress& operator=(const RunsProgress&) = delete;
  RunsProgress(RunsProgress&&) = delete;
  RunsProgress& operator=(RunsProgress&&) = delete;
  ~RunsProgress();

  /// `runs` runs are planned.
  void plan_runs(std::size_t runs);
  /// The listener of run `name` (its cases are keyed "name: suite/case" on the live line).
  std::unique_ptr<RunListener> listener_for(const std::string& name);
  /// Erases the live line; call before printing the results.
  void stop();

 private:
  class Listener;
  void run_done(const std::string& name, const RunResult& result);

  std::ostream& m_out;
  std::string m_title;
  ProgressBoard m_board;
  std::unique_ptr<LiveLine> m_live;
  std::mutex m_mutex;  // plain lines
  std::size_t m_runs = 0;
  std::size_t m_done = 0;
};

}  // namespace parity::report
