#include "coverage/coverage_text.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <iomanip>

namespace parity::coverage {
namespace {

constexpr int k_gutter = 2;
constexpr std::size_t k_line_width = 100;
constexpr const char* k_detail_indent = "      ";

struct Widths {
  int id = 2;
  int level = 5;
  int binds = 5;
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

std::string binds_text(const Requirement& requirement) {
  return requirement.binds.empty() ? "-" : requirement.binds;
}

Widths widths_of(const CoverageReport& report) {
  Widths widths;
  for (const RequirementCoverage& row : report.requirements) {
    const Requirement& requirement = row.requirement;
    widths.id = std::max(widths.id, static_cast<int>(requirement.id.size()));
    widths.level = std::max(widths.level, static_cast<int>(requirement.level.size()));
    widths.binds = std::max(widths.binds, static_cast<int>(binds_text(requirement).size()));
    widths.observable =
        std::max(widths.observable, static_cast<int>(observable_text(requirement).size()));
  }
  return widths;
}

std::string status_text(const CoverageReport& report, const RequirementCoverage& row) {
  const Requirement& requirement = row.requirement;
  switch (row.status()) {
    case Status::untestable:
      return requirement.out_of_scope.empty() ? "not observable"
                                              : "out of scope: " + requirement.out_of_scope;
    case Status::gap:
      return is_blocking_gap(row) ? "GAP (blocking)" : "GAP";
    case Status::cited:
      if (requirement.is_peer_check()) {
        return "CITED";  // peer checks are tallied, not held to proof
      }
      return is_blocking_unproven(row) ? "CITED, NOT PROVEN (blocking)" : "CITED, NOT PROVEN";
    case Status::proven:
      return report.proof_verified ? "PROVEN" : "PROVEN (declared)";
  }
  return "";
}

/// Writes `label` then `items` joined by ", ", wrapped at k_line_width under the first item.
void write_list(std::ostream& out,
                const std::string& label,
                const std::vector<std::string>& items) {
  const std::string head = k_detail_indent + label;
  const std::string continuation(head.size(), ' ');
  std::string line = head;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
    if (line.size() > head.size() && line.size() + 1 + item.size() > k_line_width) {
      out << line << "\n";
      line = continuation;
    }
    line += (line.size() > head.size() ? " " : "") + item;
  }
  out << line << "\n";
}

/// "proven by a, b" or "not proven (…)".
std::string proof_text(const FacetProof& proof) {
  if (proof.proven()) {
    return "proven by " + join(proof.faults, ", ");
  }
  std::string why;
  if (!proof.caught_elsewhere.empty()) {
    why += "caught only by cases that do not cite it: " + join(proof.caught_elsewhere, ", ");
  }
  if (!proof.missed.empty()) {
    why += (why.empty() ? "" : "; ") + std::string("not caught: ") + join(proof.missed, ", ");
  }
  return "NOT PROVEN (" + (why.empty() ? std::string("no fault breaks it") : why) + ")";
}

/// True when a proof line says something: the requirement is cited (not a peer check), or some
/// fault names it.
bool shows_proofs(const RequirementCoverage& row) {
  const bool named = std::any_of(row.proofs.begin(), row.proofs.end(), [](const FacetProof& p) {
    return p.proven() || !p.caught_elsewhere.empty() || !p.missed.empty();
  });
  return row.requirement.is_testable() &&
         (named || (!row.cases.empty() && !row.requirement.is_peer_check()));
}

void write_proofs(std::ostream& out, const RequirementCoverage& row) {
  if (!shows_proofs(row)) {
    return;
  }
  for (const FacetProof& proof : row.proofs) {
    const std::string label = proof.facet.empty() ? "" : "facet " + proof.facet + ": ";
    out << k_detail_indent << label << proof_text(proof) << "\n";
  }
}

void write_row(std::ostream& out,
               const Widths& widths,
               const CoverageReport& report,
               const RequirementCoverage& row) {
  const Requirement& requirement = row.requirement;
  out << "  " << std::left << std::setw(widths.id + k_gutter) << requirement.id
      << std::setw(widths.level + k_gutter) << requirement.level
      << std::setw(widths.binds + k_gutter) << binds_text(requirement)
      << std::setw(widths.observable + k_gutter) << observable_text(requirement)
      << status_text(report, row) << "\n";
  out << k_detail_indent << requirement.summary << "\n";
  if (!row.cases.empty()) {
    write_list(out, "cases: ", row.cases);
  }
  write_proofs(out, row);
}

std::string tally_text(const Tally& tally) {
  if (tally.total == 0) {
    return "-";
  }
  return std::to_string(tally.covered) + "/" + std::to_string(tally.proven) + "/" +
         std::to_string(tally.gaps()) + " of " + std::to_string(tally.total);
}

void write_spec(std::ostream& out,
                const Widths& widths,
                const CoverageReport& report,
                const SpecFigures& figures) {
  out << figures.spec << ": " << figures.requirements << " requirements, "
      << figures.observable.total << " observable\n";
  for (const RequirementCoverage& row : report.requirements) {
    if (row.requirement.spec == figures.spec) {
      write_row(out, widths, report, row);
    }
  }
  out << "  cited/proven/gap: observable " << tally_text(figures.observable) << ", MUST-level "
      << tally_text(figures.must_level) << " (AS-side " << tally_text(figures.server_must)
      << "), SHOULD-level " << tally_text(figures.should_level) << "\n\n";
}

void write_figures(std::ostream& out, const SpecFigures& figures, int spec_width) {
  constexpr int k_column = 20;
  out << "  " << std::left << std::setw(spec_width + k_gutter) << figures.spec
      << std::setw(k_column) << tally_text(figures.observable) << std::setw(k_column)
      << tally_text(figures.must_level) << std::setw(k_column) << tally_text(figures.server_must)
      << tally_text(figures.should_level) << "\n";
}

void write_proof_summary(const CoverageReport& report, std::ostream& out) {
  out << "proof: " << report.total.observable.proven << " of " << report.total.observable.total
      << " observable requirements proven (every facet has a fault a citing case catches), ";
  if (report.proof_verified) {
    out << "as the selftest run " << report.proof_source << " showed\n";
  } else {
    out << "as declared in " << report.proof_source
        << " (declared, not verified: pass --selftest with the JSON of `parity selftest "
           "--json`)\n";
  }
  const std::vector<std::string> unproven = blocking_unproven(report);
  out << "unproven " << k_blocking_spec << " AS-side MUST requirements: " << unproven.size()
      << (unproven.empty() ? "" : " (blocking): " + join(unproven, ", ")) << "\n";
  for (const std::string& problem : report.evidence_problems) {
    out << "evidence problem: " << problem << "\n";
  }
}

}  // namespace

void write_coverage_text(const CoverageReport& report, std::ostream& out) {
  const Widths widths = widths_of(report);
  int spec_width = static_cast<int>(report.total.spec.size());
  for (const SpecFigures& figures : report.specs) {
    write_spec(out, widths, report, figures);
    spec_width = std::max(spec_width, static_cast<int>(figures.spec.size()));
  }
  out << "Observable requirements per spec: cited/proven/gap of total\n";
  out << "  " << std::left << std::setw(spec_width + k_gutter) << "SPEC" << std::setw(20)
      << "OBSERVABLE" << std::setw(20) << "MUST-LEVEL" << std::setw(20) << "AS-SIDE MUST"
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
  write_proof_summary(report, out);
  if (report.peer.requirements > 0) {
    out << "peer checklist: " << report.peer.observable.covered << " of "
        << report.peer.observable.total << " observable, in-scope checks have a case\n";
  }
}

}  // namespace parity::coverage
