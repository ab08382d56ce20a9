#include "report/console_reporter.hpp"

#include "report/result_text.hpp"

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

std::string seconds_text(std::int64_t ms) {
  std::array<char, 32> buffer{};
  std::snprintf(
      buffer.data(), buffer.size(), "%.1f s", static_cast<double>(ms < 0 ? 0 : ms) / 1000.0);
  return buffer.data();
}

}  // namespace

ConsoleReporter::ConsoleReporter(std::ostream& out, bool color, bool verbose)
    : m_out(out), m_color(color), m_verbose(verbose) {}

void ConsoleReporter::on_run_started(const std::string& profile_id,
                                     const std::string& issuer,
                                     std::size_t case_count,
                                     bool tls_verified) {
  m_out << "parity: profile " << single_line(profile_id, k_max_name) << " — issuer "
        << single_line(issuer, k_max_name) << " — " << case_count
        << (case_count == 1 ? " case" : " cases") << '\n';
  if (!tls_verified) {
    m_out << paint(
                 "WARNING: TLS verification OFF — server certificates are not checked; "
                 "results do not show that this deployment is secure",
                 k_bold_red)
          << '\n';
  }
  m_out.flush();
}

void ConsoleReporter::on_case_finished(const CaseResult& result) {
  const Tag tag = tag_for(result.outcome);
  m_out << paint(tag.text, tag.ansi) << ' ' << single_line(result.full_id(), k_max_name);
  if (result.outcome == Outcome::skipped) {
    m_out << ": " << single_line(result.skip_reason, k_max_name) << '\n';
    m_out.flush();
    return;
  }
  m_out << " (" << result.elapsed_ms << " ms)\n";
  if (result.outcome == Outcome::failed || result.outcome == Outcome::warned) {
    print_checks(result);
  }
  if (result.outcome == Outcome::errored || result.outcome == Outcome::failed) {
    print_indented(visible_text(all_errors(result)), 4);
  }
  if (m_verbose && result.outcome != Outcome::passed) {
    print_indented(visible_text(format_exchanges(result)), 6);
  }
  m_out.flush();
}

void ConsoleReporter::on_run_finished(const RunResult& result) {
  const Totals counts = totals(result);
  if (!result.tls_verified) {
    m_out << paint("WARNING: TLS verification was OFF for this run", k_bold_red) << '\n';
  }
  m_out << "parity: profile " << single_line(result.profile_id, k_max_name) << " — "
        << counts.total() << (counts.total() == 1 ? " case: " : " cases: ") << counts.passed
        << " passed, " << counts.warned << " warned, " << counts.failed << " failed, "
        << counts.errored << " errored, " << counts.skipped << " skipped ("
        << seconds_text(result.elapsed_ms) << ")\n";
  // Fixed shape for CI log parsers: warnings pass, errors fail.
  m_out << counts.passed + counts.warned << " passed, " << counts.failed + counts.errored
        << " failed, " << counts.skipped << " skipped\n";
  m_out.flush();
}

std::string ConsoleReporter::paint(std::string_view text, std::string_view ansi) const {
  if (!m_color) {
    return std::string(text);
  }
  return std::string(ansi) + std::string(text) + std::string(k_reset);
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
