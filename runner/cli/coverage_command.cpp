#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "coverage/coverage_json.hpp"
#include "coverage/coverage_report.hpp"
#include "coverage/coverage_text.hpp"
#include "coverage/proof_evidence.hpp"
#include "load/catalogue_loader.hpp"
#include "load/suite_loader.hpp"
#include "report/files.hpp"
#include "selftest/fault_level.hpp"
#include "selftest/fault_proof.hpp"
#include "server/faults.hpp"

#include <iostream>
#include <map>
#include <stdexcept>

namespace parity::cli {
namespace {

/// Full case id → whether the case is `level: should` (it can only warn). The fault proofs of
/// `level: fapi2` cases run against profiles/reference.yaml, which declares `fapi2`: they fail.
std::map<std::string, bool> should_level_cases(const std::vector<Suite>& suites) {
  std::map<std::string, bool> levels;
  for (const Suite& suite : suites) {
    for (const Case& kase : suite.cases) {
      levels[kase.full_id()] = kase.level == Level::should && !kase.must_under_fapi2;
    }
  }
  return levels;
}

/// The proofs fault_proofs.yaml declares: each fault with the rules the fault catalogue says it
/// breaks and the cases its rows say catch it, as failing (must cases) or warning (should
/// cases) — not run: "declared, not verified".
coverage::ProofEvidence declared_evidence(const std::string& path,
                                          const std::vector<Requirement>& catalogue,
                                          const std::vector<Suite>& suites) {
  std::map<std::string, std::vector<std::string>> catches;
  for (const selftest::FaultProof& proof : selftest::load_fault_proofs(path)) {
    std::vector<std::string>& cases = catches[proof.fault];
    cases.insert(cases.end(), proof.catches.begin(), proof.catches.end());
  }
  const std::map<std::string, bool> should = should_level_cases(suites);
  coverage::ProofEvidence evidence;
  evidence.source = path;
  for (const server::FaultInfo& fault : server::fault_catalogue()) {
    coverage::FaultEvidence declared{fault.name, fault.breaks, {}, {}, false};
    declared.should_level = selftest::is_should_level_fault(catalogue, fault);
    for (const std::string& id : catches[fault.name]) {
      const auto level = should.find(id);
      (level != should.end() && level->second ? declared.warned : declared.failed).push_back(id);
    }
    evidence.faults.push_back(std::move(declared));
  }
  return evidence;
}

coverage::ProofEvidence proof_evidence(const CoverageOptions& options,
                                       const std::vector<Requirement>& catalogue,
                                       const std::vector<Suite>& suites) {
  if (!options.selftest.empty()) {
    return coverage::read_selftest_evidence(options.selftest);
  }
  return declared_evidence(
      options.proofs.empty() ? default_path(k_default_fault_proofs) : options.proofs,
      catalogue,
      suites);
}

}  // namespace

int coverage_command(const CoverageOptions& options) {
  const std::string catalogue_path =
      options.catalogue.empty() ? default_path(k_default_catalogue) : options.catalogue;
  const std::vector<Requirement> catalogue = load::load_catalogue(catalogue_path);
  const std::vector<Suite> suites = load::load_suites(
      options.suites.empty() ? std::vector{default_path("suites")} : options.suites);
  load::check_requirement_ids(suites, catalogue);
  const coverage::CoverageReport report =
      coverage::compute_coverage(catalogue, suites, proof_evidence(options, catalogue, suites));
  coverage::write_coverage_text(report, std::cout);
  if (!options.json.empty()) {
    try {
      report::write_text_atomic(options.json, coverage::to_json(report).dump(2) + "\n");
    } catch (const std::runtime_error& error) {
      throw UsageError(std::string("--json: ") + error.what());
    }
    std::cout << "report: " << options.json << "\n";
  }
  // RFC 9126 blocks: an observable MUST/SHOULD without a case, or an AS-side MUST whose facets
  // are not all proven.
  const bool blocked =
      coverage::has_blocking_gaps(report) || !coverage::blocking_unproven(report).empty();
  return static_cast<int>(blocked ? ExitCode::failed : ExitCode::ok);
}

}  // namespace parity::cli
