#include "coverage/coverage_json.hpp"

namespace parity::coverage {
namespace {

nlohmann::json tally_json(const Tally& tally) {
  return {{"covered", tally.covered}, {"total", tally.total}};
}

nlohmann::json figures_json(const SpecFigures& figures) {
  return {{"spec", figures.spec},
          {"requirements", figures.requirements},
          {"observable", tally_json(figures.observable)},
          {"must_level", tally_json(figures.must_level)},
          {"should_level", tally_json(figures.should_level)}};
}

nlohmann::json row_json(const RequirementCoverage& row) {
  const Requirement& requirement = row.requirement;
  return {{"id", requirement.id},
          {"spec", requirement.spec},
          {"section", requirement.section},
          {"level", requirement.level},
          {"level_text", requirement.level_text},
          {"binds", requirement.binds},
          {"observable", requirement.observable},
          {"partial", requirement.partial},
          {"summary", requirement.summary},
          {"sources", requirement.sources},
          {"expected", requirement.expected},
          {"note", requirement.note},
          {"out_of_scope", requirement.out_of_scope},
          {"cases", row.cases},
          {"gap", row.is_gap()},
          {"blocking", is_blocking_gap(row)}};
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
          {"blocking_gaps", blocking_gaps(report)}};
}

}  // namespace parity::coverage
