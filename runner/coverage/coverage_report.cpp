#include "coverage/coverage_report.hpp"

#include <algorithm>
#include <map>

namespace parity::coverage {
namespace {

bool is_one_of(const std::string& level, const std::vector<std::string>& levels) {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

void count(Tally& tally, bool covered) {
  ++tally.total;
  if (covered) {
    ++tally.covered;
  }
}

void add_to(SpecFigures& figures, const RequirementCoverage& row) {
  ++figures.requirements;
  if (!row.requirement.is_testable()) {
    return;
  }
  const bool covered = !row.cases.empty();
  count(figures.observable, covered);
  if (is_must_level(row.requirement.level)) {
    count(figures.must_level, covered);
  } else if (is_should_level(row.requirement.level)) {
    count(figures.should_level, covered);
  }
}

// Requirement id → full ids of the cases citing it, each case once.
std::map<std::string, std::vector<std::string>> cases_by_requirement(
    const std::vector<Suite>& suites) {
  std::map<std::string, std::vector<std::string>> cases;
  for (const Suite& suite : suites) {
    for (const Case& kase : suite.cases) {
      for (const std::string& id : kase.requirements) {
        std::vector<std::string>& list = cases[id];
        if (std::find(list.begin(), list.end(), kase.full_id()) == list.end()) {
          list.push_back(kase.full_id());
        }
      }
    }
  }
  return cases;
}

}  // namespace

bool is_must_level(const std::string& level) {
  return is_one_of(level, {"MUST", "MUST NOT", "SHALL", "SHALL NOT", "REQUIRED"});
}

bool is_should_level(const std::string& level) {
  return is_one_of(level, {"SHOULD", "SHOULD NOT", "RECOMMENDED"});
}

CoverageReport compute_coverage(const std::vector<Requirement>& catalogue,
                                const std::vector<Suite>& suites) {
  auto cases = cases_by_requirement(suites);
  CoverageReport report;
  report.total.spec = "all specifications";
  report.peer.spec = "peer checklist";
  for (const Requirement& requirement : catalogue) {
    RequirementCoverage row{requirement, {}};
    if (auto it = cases.find(requirement.id); it != cases.end()) {
      row.cases = it->second;
    }
    if (row.is_gap()) {
      report.gaps.push_back(requirement.id);
    }
    auto spec = std::find_if(report.specs.begin(), report.specs.end(), [&](const SpecFigures& s) {
      return s.spec == requirement.spec;
    });
    if (spec == report.specs.end()) {
      spec = report.specs.insert(report.specs.end(), SpecFigures{requirement.spec, 0, {}, {}, {}});
    }
    add_to(*spec, row);
    add_to(requirement.is_peer_check() ? report.peer : report.total, row);
    report.requirements.push_back(std::move(row));
  }
  return report;
}

bool is_blocking_gap(const RequirementCoverage& row) {
  static const std::vector<std::string> k_blocking_levels{
      "MUST", "MUST NOT", "SHOULD", "SHOULD NOT"};
  return row.is_gap() && row.requirement.spec == k_blocking_spec &&
         is_one_of(row.requirement.level, k_blocking_levels);
}

std::vector<std::string> blocking_gaps(const CoverageReport& report) {
  std::vector<std::string> ids;
  for (const RequirementCoverage& row : report.requirements) {
    if (is_blocking_gap(row)) {
      ids.push_back(row.requirement.id);
    }
  }
  return ids;
}

bool has_blocking_gaps(const CoverageReport& report) {
  return std::any_of(report.requirements.begin(), report.requirements.end(), is_blocking_gap);
}

}  // namespace parity::coverage
