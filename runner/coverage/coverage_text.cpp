#include "coverage/coverage_text.hpp"

#include <algorithm>
#include <iomanip>

namespace parity::coverage {
namespace {

constexpr int k_gutter = 2;

struct Widths {
  int id = 2;
  int level = 5;
  int observable = 10;
};

std::string observable_text(const Requirement& requirement) {
  if (!requirement.is_observable()) {
    return "-";
  }
  std::string text;
  for (const std::string& point : requirement.observable) {
    text += (text.empty() ? "" : ", ") + point;
  }
  return requirement.partial ? text + " (partial)" : text;
}

Widths widths_of(const CoverageReport& report) {
  Widths widths;
  for (const RequirementCoverage& row : report.requirements) {
    const Requirement& requirement = row.requirement;
    widths.id = std::max(widths.id, static_cast<int>(requirement.id.size()));
    widths.level = std::max(widths.level, static_cast<int>(requirement.level.size()));
    widths.observable =
        std::max(widths.observable, static_cast<int>(observable_text(requirement).size()));
  }
  return widths;
}

std::string tally_text(const Tally& tally) {
  if (tally.total == 0) {
    return "-";
  }
  const std::size_t percent = tally.covered * 100 / tally.total;
  return std::to_string(tally.covered) + "/" + std::to_string(tally.total) + " (" +
         std::to_string(percent) + "%)";
}

void write_cells(std::ostream& out,
                 const Widths& widths,
                 const std::string& id,
                 const std::string& level,
                 const std::string& observable) {
  out << "  " << std::left << std::setw(widths.id + k_gutter) << id
      << std::setw(widths.level + k_gutter) << level << std::setw(widths.observable + k_gutter)
      << observable;
}

// One line per case; the first shares the requirement's line.
void write_row(std::ostream& out, const Widths& widths, const RequirementCoverage& row) {
  const Requirement& requirement = row.requirement;
  write_cells(out, widths, requirement.id, requirement.level, observable_text(requirement));
  if (row.cases.empty()) {
    if (!requirement.out_of_scope.empty()) {
      out << "out of scope: " << requirement.out_of_scope << "\n";
      return;
    }
    out << (is_blocking_gap(row) ? "GAP (blocking)" : row.is_gap() ? "GAP" : "-") << "\n";
    return;
  }
  out << row.cases.front() << "\n";
  for (std::size_t i = 1; i < row.cases.size(); ++i) {
    write_cells(out, widths, "", "", "");
    out << row.cases[i] << "\n";
  }
}

void write_spec(std::ostream& out,
                const Widths& widths,
                const CoverageReport& report,
                const SpecFigures& figures) {
  out << figures.spec << ": " << figures.requirements << " requirements, "
      << figures.observable.total << " observable\n";
  write_cells(out, widths, "ID", "LEVEL", "OBSERVABLE");
  out << "CASES\n";
  for (const RequirementCoverage& row : report.requirements) {
    if (row.requirement.spec == figures.spec) {
      write_row(out, widths, row);
    }
  }
  out << "  covered: observable " << tally_text(figures.observable) << ", MUST-level "
      << tally_text(figures.must_level) << ", SHOULD-level " << tally_text(figures.should_level)
      << "\n\n";
}

void write_figures(std::ostream& out, const SpecFigures& figures, int spec_width) {
  out << "  " << std::left << std::setw(spec_width + k_gutter) << figures.spec << std::setw(18)
      << tally_text(figures.observable) << std::setw(18) << tally_text(figures.must_level)
      << tally_text(figures.should_level) << "\n";
}

}  // namespace

void write_coverage_text(const CoverageReport& report, std::ostream& out) {
  const Widths widths = widths_of(report);
  int spec_width = static_cast<int>(report.total.spec.size());
  for (const SpecFigures& figures : report.specs) {
    write_spec(out, widths, report, figures);
    spec_width = std::max(spec_width, static_cast<int>(figures.spec.size()));
  }
  out << "Observable requirements with at least one case, per spec\n";
  out << "  " << std::left << std::setw(spec_width + k_gutter) << "SPEC" << std::setw(18)
      << "OBSERVABLE" << std::setw(18) << "MUST-LEVEL"
      << "SHOULD-LEVEL\n";
  for (const SpecFigures& figures : report.specs) {
    write_figures(out, figures, spec_width);
  }
  write_figures(out, report.total, spec_width);
  const std::size_t blocking = blocking_gaps(report).size();
  out << "coverage: " << report.total.observable.covered << " of " << report.total.observable.total
      << " observable requirements have a case; " << report.gaps.size()
      << " gaps (peer checklist included), " << blocking << " blocking (observable "
      << k_blocking_spec << " MUST/SHOULD requirements without a case)\n";
  if (report.peer.requirements > 0) {
    out << "peer checklist: " << report.peer.observable.covered << " of "
        << report.peer.observable.total << " observable, in-scope checks have a case\n";
  }
}

}  // namespace parity::coverage
