#include "report/progress.hpp"

#include "report/result_text.hpp"

#include <algorithm>
#include <map>

namespace parity::report {
namespace {

/// Waits shorter than this are not worth a mention (the reference server's expiry waits, 2.5 s,
/// are).
constexpr auto k_long_wait = std::chrono::seconds(2);

std::string counter(std::size_t done, std::size_t total) {
  std::string count = std::to_string(done);
  const std::string all = std::to_string(total);
  if (count.size() < all.size()) {
    count.insert(0, all.size() - count.size(), ' ');
  }
  return count + "/" + all;
}

}  // namespace

ProgressBoard::ProgressBoard(std::string title) : m_title(std::move(title)) {}

void ProgressBoard::add_cases(std::size_t cases) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_cases += cases;
}

void ProgressBoard::add_runs(std::size_t runs) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_runs += runs;
}

void ProgressBoard::run_finished() {
  const std::lock_guard<std::mutex> lock(m_mutex);
  ++m_runs_done;
}

void ProgressBoard::case_started(const std::string& key) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_running.push_back({key, Clock::now()});
}

void ProgressBoard::case_finished(const std::string& key) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  ++m_done;
  std::erase_if(m_running, [&](const Running& one) { return one.key == key; });
  std::erase_if(m_waits, [&](const Wait& one) { return one.key == key; });
}

void ProgressBoard::wait_started(const std::string& key,
                                 const std::string& label,
                                 std::chrono::milliseconds duration,
                                 Clock::time_point now) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::erase_if(m_waits, [&](const Wait& one) { return one.key == key; });
  if (duration >= k_long_wait) {
    m_waits.push_back({key, label, now + duration});
  }
}

std::string ProgressBoard::waits_text(Clock::time_point now) const {
  struct Group {
    Clock::duration longest{};
    std::size_t cases = 0;
    std::string key;  ///< the case, when there is one
  };
  std::map<std::string, Group> groups;  // by label; a wait that is over is no longer shown
  for (const Wait& one : m_waits) {
    if (one.until <= now) {
      continue;
    }
    Group& group = groups[one.label];
    group.longest = std::max(group.longest, one.until - now);
    ++group.cases;
    group.key = one.key;
  }
  std::string out;
  for (const auto& [label, group] : groups) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(group.longest).count();
    out += " · waiting " + std::to_string(seconds) + " s";
    if (!label.empty()) {
      out += " for " + label;
    }
    if (group.cases == 1 && label.empty()) {
      out += " in " + group.key;
    } else {
      out += ", " + std::to_string(group.cases) + (group.cases == 1 ? " case" : " cases");
    }
  }
  return out;
}

std::string ProgressBoard::line(Clock::time_point now, std::size_t width) const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::string out = m_title.empty() ? "" : m_title + " ";
  if (m_runs > 0) {
    out += "[runs " + counter(m_runs_done, m_runs) + ", cases " + counter(m_done, m_cases) + "]";
  } else {
    out += "[" + counter(m_done, m_cases) + "]";
  }
  // The waits come before the running cases: they say why a run seems to stand still.
  out += waits_text(now);
  if (!m_running.empty()) {
    out += " · running ";
    const std::size_t budget = width > out.size() + 12 ? width - out.size() - 12 : 0;
    std::string names;
    std::size_t shown = 0;
    for (const Running& one : m_running) {  // the longest-running first
      const std::string next = (shown == 0 ? "" : ", ") + one.key;
      if (shown > 0 && names.size() + next.size() > budget) {
        break;
      }
      names += next;
      ++shown;
    }
    out += names;
    if (shown < m_running.size()) {
      out += " (+" + std::to_string(m_running.size() - shown) + ")";
    }
  }
  // Short of the last column, so that the terminal never wraps the line.
  return single_line(out, width > 2 ? width - 2 : 1);
}

ProgressListener::ProgressListener(ProgressBoard& board, std::string prefix)
    : m_board(board), m_prefix(std::move(prefix)) {}

void ProgressListener::on_run_started(const std::string& /*profile_id*/,
                                      const std::string& /*issuer*/,
                                      std::size_t case_count,
                                      bool /*tls_verified*/) {
  m_board.add_cases(case_count);
}

void ProgressListener::on_case_started(const std::string& full_id) {
  m_board.case_started(m_prefix + full_id);
}

void ProgressListener::on_wait(const std::string& full_id,
                               const std::string& label,
                               std::chrono::milliseconds duration) {
  m_board.wait_started(m_prefix + full_id, label, duration);
}

void ProgressListener::on_case_finished(const CaseResult& result) {
  m_board.case_finished(m_prefix + result.full_id());
}

void ProgressListener::on_run_finished(const RunResult& /*result*/) {
  m_board.run_finished();
}

}  // namespace parity::report
