#pragma once

#include "report/run_listener.hpp"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace parity::report {

/// What is going on in one or more runs, for a live status line: cases done of planned, the
/// cases running now, and the long waits in progress. Thread-safe.
class ProgressBoard {
 public:
  using Clock = std::chrono::steady_clock;

  /// `title` starts the line ("" for none: a plain `parity run`).
  explicit ProgressBoard(std::string title = "");

  /// `cases` more cases are planned (a run started).
  void add_cases(std::size_t cases);
  /// `runs` more runs are planned (selftest, compare: the line shows runs done of planned).
  void add_runs(std::size_t runs);
  /// One of the planned runs is over.
  void run_finished();
  /// Case `key` runs (key: its full id, prefixed by the run when several runs share a board).
  void case_started(const std::string& key);
  /// Case `key` is over (or was skipped).
  void case_finished(const std::string& key);
  /// Case `key` sleeps `duration` in a wait step named `label` ("" when unnamed).
  void wait_started(const std::string& key,
                    const std::string& label,
                    std::chrono::milliseconds duration,
                    Clock::time_point now = Clock::now());

  /// The status line at `now`, at most `width` characters, e.g.
  /// "[ 57/136] running par.core/a, par.pkce/b (+2) · waiting 58 s for request_uri expiry,
  /// 2 cases".
  std::string line(Clock::time_point now, std::size_t width) const;

 private:
  struct Running {
    std::string key;
    Clock::time_point started;
  };
  struct Wait {
    std::string key;
    std::string label;
    Clock::time_point until;
  };

  std::string waits_text(Clock::time_point now) const;

  mutable std::mutex m_mutex;
  std::string m_title;
  std::size_t m_cases = 0;
  std::size_t m_done = 0;
  std::size_t m_runs = 0;
  std::size_t m_runs_done = 0;
  std::vector<Running> m_running;  ///< in start order
  std::vector<Wait> m_waits;
};

/// Feeds one run's events to a ProgressBoard, each case keyed `prefix` + its full id. For the
/// runs of selftest and compare, whose results are read when they end.
class ProgressListener final : public RunListener {
 public:
  ProgressListener(ProgressBoard& board, std::string prefix);

  void on_run_started(const std::string& profile_id,
                      const std::string& issuer,
                      std::size_t case_count,
                      bool tls_verified) override;
  void on_case_started(const std::string& full_id) override;
  void on_wait(const std::string& full_id,
               const std::string& label,
               std::chrono::milliseconds duration) override;
  void on_case_finished(const CaseResult& result) override;
  void on_run_finished(const RunResult& result) override;

 private:
  ProgressBoard& m_board;
  std::string m_prefix;
};

}  // namespace parity::report
