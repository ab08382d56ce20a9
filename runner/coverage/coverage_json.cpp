#include "coverage/coverage_json.hpp"

namespace parity::coverage {
namespace {

nlohmann::json tally_json(const Tally& tally) {
  return {{"covered", tally.covered},
          {"proven", tally.proven},
          {"gaps", tally.gaps()},
          {"total", tally.total}};
}

nlohmann::json figures_json(const SpecFigures& figures) {
  return {{"spec", figures.spec},
          {"requirements", figures.requirements},
          {"observable", tally_json(figures.observable)},
          {"must_level", tally_json(figures.must_level)},
          {"server_must_level", tally_json(figures.server_must)},
          {"should_level", tally_json(figures.should_level)}};
}

const char* status_name(Status status) {
  switch (status) {
    case Status::untestable:
      return "untestable";
    case Status::gap:
      return "gap";
    case Status::cited:
      return "cited";
    case Status::proven:
      return "proven";
  }
  return "";
}

nlohmann::json proofs_json(const RequirementCoverage& row) {
  nlohmann::json proofs = nlohmann::json::array();
  for (const FacetProof& proof : row.proofs) {
    proofs.push_back({{"facet", proof.facet},
                      {"summary", proof.summary},
                      {"proven", proof.proven()},
                      {"faults", proof.faults},
                      {"caught_elsewhere", proof.caught_elsewhere},
                      {"missed", proof.missed}});
  }
  return proofs;
}

nlohmann::json row_json(const RequirementCoverage& row) {
  const Requirement& requirement = row.requirement;
  return {{"id", requirement.id},
          {"spec", requirement.spec},
          {"section", requirement.section},
          {"level", requirement.level},
          {"level_text", requirement.level_text},
          {"binds", requirement.binds},
          {"binds_server", requirement.binds_server()},
          {"observable", requirement.observable},
          {"partial", requirement.partial},
          {"summary", requirement.summary},
          {"sources", requirement.sources},
          {"expected", requirement.expected},
          {"note", requirement.note},
          {"out_of_scope", requirement.out_of_scope},
          {"cases", row.cases},
          {"status", status_name(row.status())},
          {"gap", row.is_gap()},
          {"proven", row.is_proven()},
          {"proofs", proofs_json(row)},
          {"blocking", is_blocking_gap(row)},
          {"blocking_unproven", is_blocking_unproven(row)}};
}

}  // namespace

nlohmann::json to_json(const CoverageReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  for (const RequirementCoverage& row : report.requirements) {
    rows.push_back(row_json(row));
  }
  nlohmann::json specs = nlohmann::json::array();
  for (const SpecFigures& figures : report.specs) {
    specs.push_back(figures_json(figures));
  }
  return {{"requirements", rows},
          {"specs", specs},
          {"total", figures_json(report.total)},
          {"peer_checklist", figures_json(report.peer)},
          {"gaps", report.gaps},
          {"blocking_gaps", blocking_gaps(report)},
          {"proof",
           {{"verified", report.proof_verified},
            {"source", report.proof_source},
            {"blocking_unproven", blocking_unproven(report)},
            {"evidence_problems", report.evidence_problems}}}};
}

}  // namespace parity::coverage
