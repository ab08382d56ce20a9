#include "coverage/coverage_report.hpp"

#include "core/suggest.hpp"

#include <algorithm>
#include <map>

namespace parity::coverage {
namespace {

bool is_one_of(const std::string& level, const std::vector<std::string>& levels) {
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

void count(Tally& tally, const RequirementCoverage& row) {
  ++tally.total;
  tally.covered += row.cases.empty() ? 0 : 1;
  tally.proven += row.is_proven() ? 1 : 0;
}

void add_to(SpecFigures& figures, const RequirementCoverage& row) {
  ++figures.requirements;
  if (!row.requirement.is_testable()) {
    return;
  }
  count(figures.observable, row);
  if (is_must_level(row.requirement.level)) {
    count(figures.must_level, row);
    if (row.requirement.binds_server()) {
      count(figures.server_must, row);
    }
  } else if (is_should_level(row.requirement.level)) {
    count(figures.should_level, row);
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
        if (!contains(list, kase.full_id())) {
          list.push_back(kase.full_id());
        }
      }
    }
  }
  return cases;
}

std::vector<FacetProof> empty_proofs(const Requirement& requirement) {
  if (requirement.facets.empty()) {
    return {FacetProof{}};
  }
  std::vector<FacetProof> proofs;
  for (const Facet& facet : requirement.facets) {
    proofs.push_back(FacetProof{facet.id, facet.summary, {}, {}, {}});
  }
  return proofs;
}

std::string facet_list(const Requirement& requirement) {
  std::string text;
  for (const Facet& facet : requirement.facets) {
    text += (text.empty() ? "" : ", ") + facet.id;
  }
  return text;
}

/// The proof entry `ref` names in `row`, or nullptr with the problem in `problem`.
FacetProof* target_of(RequirementCoverage& row, const RequirementRef& ref, std::string& problem) {
  const Requirement& requirement = row.requirement;
  if (requirement.facets.empty()) {
    if (!ref.facet.empty()) {
      problem = requirement.id + " has no facets, so no facet '" + ref.facet + "'";
      return nullptr;
    }
    return &row.proofs.front();
  }
  if (ref.facet.empty()) {
    problem = requirement.id + " has facets (" + facet_list(requirement) + "): name one";
    return nullptr;
  }
  for (FacetProof& proof : row.proofs) {
    if (proof.facet == ref.facet) {
      return &proof;
    }
  }
  std::vector<std::string> ids;
  for (const Facet& facet : requirement.facets) {
    ids.push_back(facet.id);
  }
  problem = requirement.id + " has no facet '" + ref.facet + "'";
  if (const std::string close = suggest(ref.facet, ids); !close.empty()) {
    problem += " (did you mean '" + close + "'?)";
  }
  return nullptr;
}

/// Files one fault under every requirement (facet) it breaks.
void apply_fault(const FaultEvidence& fault,
                 std::map<std::string, RequirementCoverage*>& rows,
                 std::vector<std::string>& problems) {
  for (const std::string& text : fault.breaks) {
    const RequirementRef ref = parse_requirement_ref(text);
    const auto found = rows.find(ref.requirement);
    if (found == rows.end()) {
      problems.push_back(fault.fault + ": " + ref.requirement +
                         " is not in the requirement catalogue");
      continue;
    }
    std::string problem;
    FacetProof* proof = target_of(*found->second, ref, problem);
    if (proof == nullptr) {
      problems.push_back(fault.fault + ": " + problem);
      continue;
    }
    const RequirementCoverage& row = *found->second;
    std::vector<std::string> caught_by = fault.failed;
    if (fault.should_level || !row.requirement.is_absolute_server_rule()) {
      caught_by.insert(caught_by.end(), fault.warned.begin(), fault.warned.end());
    }
    const bool caught_by_citing_case =
        std::any_of(caught_by.begin(), caught_by.end(), [&](const std::string& id) {
          return contains(row.cases, id);
        });
    if (caught_by_citing_case) {
      proof->faults.push_back(fault.fault);
    } else if (!caught_by.empty()) {
      proof->caught_elsewhere.push_back(fault.fault);
    } else {
      proof->missed.push_back(fault.fault);
    }
  }
}

SpecFigures& figures_of(std::vector<SpecFigures>& specs, const std::string& spec) {
  auto found = std::find_if(
      specs.begin(), specs.end(), [&](const SpecFigures& figures) { return figures.spec == spec; });
  if (found == specs.end()) {
    found = specs.insert(specs.end(), SpecFigures{});
    found->spec = spec;
  }
  return *found;
}

}  // namespace

bool RequirementCoverage::is_proven() const {
  return requirement.is_testable() && !cases.empty() &&
         std::all_of(proofs.begin(), proofs.end(), [](const FacetProof& p) { return p.proven(); });
}

Status RequirementCoverage::status() const {
  if (!requirement.is_testable()) {
    return Status::untestable;
  }
  if (cases.empty()) {
    return Status::gap;
  }
  return is_proven() ? Status::proven : Status::cited;
}

bool is_must_level(const std::string& level) {
  return is_one_of(level, {"MUST", "MUST NOT", "SHALL", "SHALL NOT", "REQUIRED"});
}

bool is_should_level(const std::string& level) {
  return is_one_of(level, {"SHOULD", "SHOULD NOT", "RECOMMENDED"});
}

CoverageReport compute_coverage(const std::vector<Requirement>& catalogue,
                                const std::vector<Suite>& suites,
                                const ProofEvidence& evidence) {
  auto cases = cases_by_requirement(suites);
  CoverageReport report;
  report.total.spec = "all specifications";
  report.peer.spec = "peer checklist";
  report.proof_verified = evidence.verified;
  report.proof_source = evidence.source;
  report.requirements.reserve(catalogue.size());
  for (const Requirement& requirement : catalogue) {
    RequirementCoverage row{requirement, {}, empty_proofs(requirement)};
    if (auto it = cases.find(requirement.id); it != cases.end()) {
      row.cases = it->second;
    }
    report.requirements.push_back(std::move(row));
  }
  std::map<std::string, RequirementCoverage*> rows;
  for (RequirementCoverage& row : report.requirements) {
    rows.emplace(row.requirement.id, &row);
  }
  for (const FaultEvidence& fault : evidence.faults) {
    apply_fault(fault, rows, report.evidence_problems);
  }
  for (const RequirementCoverage& row : report.requirements) {
    if (row.is_gap()) {
      report.gaps.push_back(row.requirement.id);
    }
    add_to(figures_of(report.specs, row.requirement.spec), row);
    add_to(row.requirement.is_peer_check() ? report.peer : report.total, row);
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

bool is_blocking_unproven(const RequirementCoverage& row) {
  const Requirement& requirement = row.requirement;
  return requirement.spec == k_blocking_spec && requirement.is_testable() &&
         requirement.binds_server() && is_must_level(requirement.level) && !row.is_proven();
}

std::vector<std::string> blocking_unproven(const CoverageReport& report) {
  std::vector<std::string> ids;
  for (const RequirementCoverage& row : report.requirements) {
    if (is_blocking_unproven(row)) {
      ids.push_back(row.requirement.id);
    }
  }
  return ids;
}

}  // namespace parity::coverage
