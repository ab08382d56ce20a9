#include "selftest/selftest_output.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace parity::selftest {
namespace {

std::string caught_by(const FaultVerdict& verdict) {
  std::vector<std::string> caught = verdict.failed;
  for (const std::string& id : verdict.warned) {
    caught.push_back(id + " (warned)");
  }
  std::string text = join(caught, ", ");
  if (text.empty()) {
    text = verdict.error.empty() ? "nothing" : "run failed: " + verdict.error;
    if (!verdict.errored.empty()) {
      text += "; errored: " + join(verdict.errored, ", ");
    }
  }
  return text;
}

/// The first rule a fault breaks, and how many more: "RFC9126-2.1-b1#secret +1".
std::string breaks_text(const server::FaultInfo& fault) {
  if (fault.breaks.empty()) {
    return "-";
  }
  std::string text = fault.breaks.front();
  if (const std::size_t more = fault.breaks.size() - 1; more > 0) {
    text += " +";
    text += std::to_string(more);
  }
  return text;
}

std::string percent(std::size_t part, std::size_t whole) {
  return whole == 0 ? "-" : std::to_string(part * 100 / whole) + "%";
}

void write_clean(const SelftestReport& report, std::ostream& out) {
  out << "clean reference server (every case must pass or be skipped)\n";
  for (const CleanRun& clean : report.clean) {
    out << "  " << std::left << std::setw(28) << clean.profile << clean.totals.passed << " passed, "
        << clean.totals.skipped << " skipped  " << (clean.ok() ? "ok" : "NOT CLEAN") << "\n";
    if (!clean.error.empty()) {
      out << "    error: " << clean.error << "\n";
    }
    for (const std::string& line : clean.not_passing) {
      out << "    " << line << "\n";
    }
  }
}

void write_faults(const SelftestReport& report, std::ostream& out) {
  std::size_t name_width = 5;
  std::size_t requirement_width = 11;
  for (const FaultVerdict& verdict : report.faults) {
    name_width = std::max(name_width, verdict.fault.name.size());
    requirement_width = std::max(requirement_width, breaks_text(verdict.fault).size());
  }
  out << "\nfaults: each must be caught (MUST: a case fails; SHOULD: a case fails or warns)\n";
  out << "  " << std::left << std::setw(static_cast<int>(name_width) + 2) << "FAULT" << std::setw(8)
      << "LEVEL" << std::setw(static_cast<int>(requirement_width) + 2) << "BREAKS" << std::setw(8)
      << "VERDICT"
      << "CAUGHT BY\n";
  for (const FaultVerdict& verdict : report.faults) {
    out << "  " << std::left << std::setw(static_cast<int>(name_width) + 2) << verdict.fault.name
        << std::setw(8) << (verdict.should_level ? "SHOULD" : "MUST")
        << std::setw(static_cast<int>(requirement_width) + 2) << breaks_text(verdict.fault)
        << std::setw(8) << (verdict.caught() ? "caught" : "MISSED") << caught_by(verdict)
        << (verdict.profile == "reference" ? "" : "  [profile " + verdict.profile + "]") << "\n";
  }
}

}  // namespace

void write_selftest_text(const SelftestReport& report, std::ostream& out) {
  write_clean(report, out);
  write_faults(report, out);
  out << "\ncases that caught no fault (" << report.never_catching.size()
      << "; candidates for review or for a new fault):\n";
  for (const std::string& id : report.never_catching) {
    out << "  " << id << "\n";
  }
  std::ostringstream seconds;
  seconds << std::fixed << std::setprecision(1) << report.seconds;
  out << "\nscore: " << report.caught() << "/" << report.faults.size() << " faults caught ("
      << percent(report.caught(), report.faults.size()) << "); clean server "
      << (std::ranges::all_of(report.clean, &CleanRun::ok) ? "passes" : "DOES NOT PASS") << "; "
      << seconds.str() << " s\n";
}

nlohmann::json selftest_json(const SelftestReport& report) {
  nlohmann::json clean = nlohmann::json::array();
  for (const CleanRun& run : report.clean) {
    clean.push_back({{"profile", run.profile},
                     {"passed", run.totals.passed},
                     {"skipped", run.totals.skipped},
                     {"not_passing", run.not_passing},
                     {"error", run.error}});
  }
  nlohmann::json faults = nlohmann::json::array();
  for (const FaultVerdict& verdict : report.faults) {
    faults.push_back({{"name", verdict.fault.name},
                      {"description", verdict.fault.description},
                      {"breaks", verdict.fault.breaks},
                      {"level", verdict.should_level ? "SHOULD" : "MUST"},
                      {"profile", verdict.profile},
                      {"caught", verdict.caught()},
                      {"failed", verdict.failed},
                      {"warned", verdict.warned},
                      {"errored", verdict.errored},
                      {"error", verdict.error}});
  }
  return {{"ok", report.ok()},
          {"seconds", report.seconds},
          {"score", {{"caught", report.caught()}, {"faults", report.faults.size()}}},
          {"clean", clean},
          {"faults", faults},
          {"never_catching", report.never_catching}};
}

}  // namespace parity::selftest
