#include "report/runs_progress.hpp"

#include "report/result_text.hpp"

namespace parity::report {

/// Feeds the board, and reports the end of its run.
class RunsProgress::Listener final : public RunListener {
 public:
  Listener(RunsProgress& owner, std::string name)
      : m_owner(owner), m_name(std::move(name)), m_board(owner.m_board, m_name + ": ") {}

  void on_run_started(const std::string& profile_id,
                      const std::string& issuer,
                      std::size_t case_count,
                      bool tls_verified) override {
    m_board.on_run_started(profile_id, issuer, case_count, tls_verified);
  }
  void on_case_started(const std::string& full_id) override { m_board.on_case_started(full_id); }
  void on_wait(const std::string& full_id,
               const std::string& label,
               std::chrono::milliseconds duration) override {
    m_board.on_wait(full_id, label, duration);
  }
  void on_case_finished(const CaseResult& result) override { m_board.on_case_finished(result); }
  void on_run_finished(const RunResult& result) override {
    m_board.on_run_finished(result);
    m_owner.run_done(m_name, result);
  }

 private:
  RunsProgress& m_owner;
  std::string m_name;
  ProgressListener m_board;
};

RunsProgress::RunsProgress(std::ostream& out, std::string title, TerminalStyle style)
    : m_out(out), m_title(std::move(title)), m_board(m_title) {
  if (style.live) {
    const std::size_t width = style.width;
    m_live = std::make_unique<LiveLine>(
        m_out, [this, width] { return m_board.line(ProgressBoard::Clock::now(), width); });
  }
}

RunsProgress::~RunsProgress() {
  stop();
}

void RunsProgress::plan_runs(std::size_t runs) {
  m_board.add_runs(runs);
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_runs += runs;
}

std::unique_ptr<RunListener> RunsProgress::listener_for(const std::string& name) {
  return std::make_unique<Listener>(*this, name);
}

void RunsProgress::stop() {
  if (m_live) {
    m_live->stop();
  }
}

void RunsProgress::run_done(const std::string& name, const RunResult& result) {
  if (m_live) {
    m_live->refresh();
    return;
  }
  const std::lock_guard<std::mutex> lock(m_mutex);
  ++m_done;
  const Totals counts = totals(result);
  m_out << m_title << ": [" << m_done << "/" << m_runs << "] " << single_line(name, 200)
        << " done: " << counts.total() << " cases, " << counts.passed << " passed, "
        << counts.warned << " warned, " << counts.failed << " failed, " << counts.errored
        << " errored, " << counts.skipped << " skipped\n";
  m_out.flush();
}

}  // namespace parity::report
