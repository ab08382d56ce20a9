#include "report/console_reporter.hpp"

#include "report/cause_groups.hpp"
#include "report/result_text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

namespace parity::report {
namespace {

constexpr std::string_view k_green = "\033[32m";
constexpr std::string_view k_yellow = "\033[33m";
constexpr std::string_view k_red = "\033[31m";
constexpr std::string_view k_bold_red = "\033[1;31m";
constexpr std::string_view k_cyan = "\033[36m";
constexpr std::string_view k_reset = "\033[0m";
constexpr std::size_t k_max_line = 300;
// Names and reasons are ours, but may quote the server; keep them on one line, unabridged.
constexpr std::size_t k_max_name = 4096;
// The recap lists case ids on lines of about this many characters.
constexpr std::size_t k_recap_width = 100;
// Waits at least this long get a plain line of their own (a terminal shows them live): the
// reference server's expiry waits (2.5 s) included.
constexpr auto k_long_wait = std::chrono::seconds(2);

struct Tag {
  std::string_view text;
  std::string_view ansi;
};

Tag tag_for(Outcome outcome) {
  switch (outcome) {
    case Outcome::passed:
      return {"[ PASS ]", k_green};
    case Outcome::warned:
      return {"[ WARN ]", k_yellow};
    case Outcome::failed:
      return {"[ FAIL ]", k_red};
    case Outcome::errored:
      return {"[ERROR ]", k_red};
    case Outcome::skipped:
      return {"[ SKIP ]", k_cyan};
  }
  return {"[  ??  ]", k_reset};
}

// RFC 9126 §2 requires https; a declared plain-HTTP rig is said at the start and in the recap.
std::string plain_http_warning() {
  return "WARNING: plain HTTP — the profile declares a plain-HTTP test rig (transport: "
         "plain_http); the cases that require https (RFC 9126 §2) are skipped";
}

std::string seconds_text(std::int64_t ms) {
  std::array<char, 32> buffer{};
  std::snprintf(
      buffer.data(), buffer.size(), "%.1f s", static_cast<double>(ms < 0 ? 0 : ms) / 1000.0);
  return buffer.data();
}

std::string cases_text(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " case" : " cases");
}

std::string counts_text(const Totals& counts) {
  return std::to_string(counts.passed) + " passed, " + std::to_string(counts.warned) + " warned, " +
         std::to_string(counts.failed) + " failed, " + std::to_string(counts.errored) +
         " errored, " + std::to_string(counts.skipped) + " skipped";
}

/// "3 passed, 1 failed": the non-zero counts of a suite.
std::string short_counts(const Totals& counts) {
  std::string out;
  const auto add = [&out](int count, std::string_view name) {
    if (count > 0) {
      out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + std::string(name);
    }
  };
  add(counts.passed, "passed");
  add(counts.warned, "warned");
  add(counts.failed, "failed");
  add(counts.errored, "errored");
  add(counts.skipped, "skipped");
  return out;
}

/// `ids` joined by ", " on lines of about k_recap_width characters, each indented by `indent`.
std::string wrapped(const std::vector<std::string>& ids, std::size_t indent) {
  std::string out;
  std::string line;
  for (const std::string& id : ids) {
    const std::string shown = single_line(id, k_max_name);
    if (!line.empty() && line.size() + shown.size() + 2 > k_recap_width) {
      out += std::string(indent, ' ') + line + ",\n";
      line.clear();
    }
    line += (line.empty() ? "" : ", ") + shown;
  }
  if (!line.empty()) {
    out += std::string(indent, ' ') + line + "\n";
  }
  return out;
}

}  // namespace

std::string summary_line(const RunResult& result) {
  const Totals counts = totals(result);
  return "parity: profile " + single_line(result.profile_id, k_max_name) + " — " +
         std::to_string(counts.total()) + (counts.total() == 1 ? " case: " : " cases: ") +
         counts_text(counts) + " (" + seconds_text(result.elapsed_ms) + ")";
}

ConsoleReporter::ConsoleReporter(std::ostream& out, ConsoleOptions options)
    : m_out(out), m_options(options) {}

ConsoleReporter::ConsoleReporter(std::ostream& out, bool color, bool verbose)
    : ConsoleReporter(out, ConsoleOptions{color, verbose, false, 80}) {}

ConsoleReporter::~ConsoleReporter() {
  if (m_live) {
    m_live->stop();
  }
}

void ConsoleReporter::on_run_started(const std::string& profile_id,
                                     const std::string& issuer,
                                     std::size_t case_count,
                                     bool tls_verified) {
  m_case_count = case_count;
  m_done = 0;
  m_out << "parity: profile " << single_line(profile_id, k_max_name) << " — issuer "
        << single_line(issuer, k_max_name) << " — " << cases_text(case_count) << '\n';
  if (!tls_verified) {
    m_out << paint(
                 "WARNING: TLS verification OFF — server certificates are not checked; "
                 "results do not show that this deployment is secure",
                 k_bold_red)
          << '\n';
  }
  m_out.flush();
}

void ConsoleReporter::on_plain_http_rig() {
  m_out << paint(plain_http_warning(), k_yellow) << '\n';
  m_out.flush();
}

void ConsoleReporter::on_plan_skips(const std::vector<SkipCause>& causes) {
  std::size_t skipped = 0;
  for (const SkipCause& cause : causes) {
    skipped += cause.cases;
  }
  if (skipped > 0) {
    std::string text = "parity: " + std::to_string(skipped) + " of " + cases_text(m_case_count) +
                       " will be skipped, by cause:\n";
    for (const SkipCause& cause : causes) {
      std::string count = std::to_string(cause.cases);
      count.insert(0, count.size() < 4 ? 4 - count.size() : 0, ' ');
      text += count + (cause.cases == 1 ? " case:  " : " cases: ") +
              single_line(cause.reason, k_max_name) + "\n";
    }
    m_out << text;
  }
  m_out.flush();
  if (m_options.live) {
    m_board = std::make_unique<ProgressBoard>();
    m_board->add_cases(m_case_count);
    m_live = std::make_unique<LiveLine>(
        m_out, [this] { return m_board->line(ProgressBoard::Clock::now(), m_options.width); });
  }
}

void ConsoleReporter::on_case_started(const std::string& full_id) {
  if (m_board) {
    m_board->case_started(full_id);
    m_live->refresh();
  }
}

void ConsoleReporter::on_wait(const std::string& full_id,
                              const std::string& label,
                              std::chrono::milliseconds duration) {
  if (m_board) {
    m_board->wait_started(full_id, label, duration);
    m_live->refresh();
    return;
  }
  if (duration >= k_long_wait) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(duration).count();
    emit("        " + single_line(full_id, k_max_name) + ": waiting " + std::to_string(seconds) +
         " s" + (label.empty() ? "" : " for " + single_line(label, k_max_name)) + "\n");
  }
}

void ConsoleReporter::on_case_finished(const CaseResult& result) {
  ++m_done;
  if (m_board) {
    m_board->case_finished(result.full_id());
    m_live->refresh();
    return;
  }
  std::string count = std::to_string(m_done) + "/" + std::to_string(m_case_count);
  const std::size_t width = 2 * std::to_string(m_case_count).size() + 1;
  count.insert(0, count.size() < width ? width - count.size() : 0, ' ');
  emit(count + "  " + case_line(result) + "\n");
}

void ConsoleReporter::on_run_finished(const RunResult& result) {
  if (m_live) {
    m_live->stop();
  }
  // Every case again, grouped by suite in plan order, whatever order they finished in.
  for (const SuiteCases& suite : cases_by_suite(result)) {
    const Totals counts = totals(suite.cases);
    m_out << '\n'
          << single_line(suite.suite, k_max_name) << " — " << cases_text(suite.cases.size()) << ": "
          << short_counts(counts) << '\n';
    for (const CaseResult* one : suite.cases) {
      print_case(*one);
    }
  }
  print_recap(result);
  if (!result.tls_verified) {
    m_out << paint("WARNING: TLS verification was OFF for this run", k_bold_red) << '\n';
  }
  if (result.transport == Transport::plain_http) {
    m_out << paint(plain_http_warning(), k_yellow) << '\n';
  }
  if (result.credentials_revealed) {
    m_out << paint(
                 "WARNING: credentials revealed (--reveal-credentials): the output and the "
                 "reports hold live tokens, codes and cookies",
                 k_bold_red)
          << '\n';
  }
  m_out << '\n' << summary_line(result) << '\n';
  m_out.flush();
}

void ConsoleReporter::on_setup_failed(const RunResult& result) {
  const Totals counts = totals(result);
  m_out << "parity: profile " << single_line(result.profile_id, k_max_name) << " — issuer "
        << single_line(result.issuer, k_max_name) << " — " << cases_text(counts.total()) << '\n'
        << paint("[ERROR ]", k_red)
        << " setup failed: " << single_line(result.setup_error, k_max_name) << '\n'
        << "    no case could run; the reports list " << cases_text(counts.total())
        << " as errored with this reason\n"
        << '\n'
        << summary_line(result) << '\n';
  m_out.flush();
}

void ConsoleReporter::print_recap(const RunResult& result) {
  const std::vector<CauseGroup> groups = cause_groups(result);
  if (groups.empty()) {
    return;
  }
  std::size_t cases = 0;
  for (const CauseGroup& group : groups) {
    cases += group.cases.size();
  }
  m_out << "\nFailures, warnings and errors by cause: " << groups.size()
        << (groups.size() == 1 ? " cause, " : " causes, ") << cases_text(cases) << '\n';
  for (const CauseGroup& group : groups) {
    const Tag tag = tag_for(group.outcome);
    m_out << paint(tag.text, tag.ansi) << ' ' << cases_text(group.cases.size());
    const std::string detail = short_counts(group.totals);
    if (group.totals.failed + group.totals.warned + group.totals.errored !=
        std::max({group.totals.failed, group.totals.warned, group.totals.errored})) {
      m_out << " (" << detail << ")";
    }
    m_out << ": " << single_line(group.cause, k_max_name) << '\n';
    m_out << wrapped(group.cases, 9);
    if (!group.requirements.empty()) {
      std::vector<std::string> line{"requirements: " + group.requirements.front()};
      line.insert(line.end(), group.requirements.begin() + 1, group.requirements.end());
      m_out << wrapped(line, 9);
    }
  }
}

void ConsoleReporter::emit(const std::string& text) {
  if (m_live) {
    m_live->print(text);
    return;
  }
  m_out << text;
  m_out.flush();
}

std::string ConsoleReporter::paint(std::string_view text, std::string_view ansi) const {
  if (!m_options.color) {
    return std::string(text);
  }
  return std::string(ansi) + std::string(text) + std::string(k_reset);
}

std::string ConsoleReporter::case_line(const CaseResult& result) const {
  const Tag tag = tag_for(result.outcome);
  std::string line = paint(tag.text, tag.ansi) + ' ' + single_line(result.full_id(), k_max_name);
  if (result.outcome == Outcome::skipped) {
    return line + ": " + single_line(result.skip_reason, k_max_name);
  }
  return line + " (" + std::to_string(result.elapsed_ms) + " ms)";
}

void ConsoleReporter::print_case(const CaseResult& result) {
  m_out << case_line(result) << '\n';
  if (result.outcome == Outcome::failed || result.outcome == Outcome::warned) {
    print_checks(result);
  }
  if (result.outcome == Outcome::errored || result.outcome == Outcome::failed) {
    print_indented(visible_text(all_errors(result)), 4);
  }
  if (m_options.verbose && result.outcome != Outcome::passed &&
      result.outcome != Outcome::skipped) {
    print_indented(visible_text(format_exchanges(result)), 6);
  }
}

void ConsoleReporter::print_checks(const CaseResult& result) {
  for (const Check* check : failing_checks(result)) {
    m_out << "    " << single_line(check_heading(*check), k_max_name) << '\n';
    m_out << "      expected: " << value_text(check->expected, k_max_line) << '\n';
    m_out << "      actual:   " << value_text(check->actual, k_max_line) << '\n';
  }
}

void ConsoleReporter::print_indented(const std::string& text, std::size_t indent) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    m_out << std::string(indent, ' ') << line << '\n';
  }
}

}  // namespace parity::report
