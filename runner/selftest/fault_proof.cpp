#include "selftest/fault_proof.hpp"

#include "http/curl_client.hpp"
#include "load/yaml_reader.hpp"
#include "plan/plan.hpp"
#include "report/run_listener.hpp"
#include "run/executor.hpp"
#include "server/faults.hpp"
#include "target/target.hpp"

#include <algorithm>
#include <memory>
#include <sstream>

namespace parity::selftest {
namespace {

FaultProof read_proof(const YAML::Node& node, const std::string& file) {
  load::MapReader reader(node, file, "fault proof");
  FaultProof proof;
  proof.where = reader.location();
  proof.fault = reader.required_string("fault");
  if (!server::is_known_fault(proof.fault)) {
    throw LoadError(reader.location_of_key("fault"), "unknown fault '" + proof.fault + "'");
  }
  proof.profile = reader.optional_string("profile").value_or("reference");
  proof.catches = reader.optional_string_list("catches");
  if (proof.catches.empty()) {
    throw LoadError(proof.where, "fault proof for '" + proof.fault + "' lists no cases");
  }
  reader.finish();
  return proof;
}

RunResult run_cases(const FaultProof& proof,
                    const Profile& profile,
                    const std::vector<Suite>& suites,
                    const std::vector<std::string>& faults) {
  target::Target prepared = target::prepare_target(profile, faults);
  if (!prepared.error.empty()) {
    throw std::runtime_error("cannot reach the reference server: " + prepared.error);
  }
  report::SilentListener listener;
  run::RunOptions run_options;
  run_options.jobs = 4;
  return target::run_suites(
      prepared, suites, run::Selection{proof.catches, {}}, run_options, listener);
}

const CaseResult* find_case(const RunResult& result, const std::string& full_id) {
  for (const CaseResult& one : result.cases) {
    if (one.full_id() == full_id) {
      return &one;
    }
  }
  return nullptr;
}

}  // namespace

std::vector<FaultProof> load_fault_proofs(const std::string& path) {
  const YAML::Node root = load::parse_yaml_file(path);
  if (!root.IsSequence()) {
    throw LoadError(load::location_of(root, path), "expected a list of fault proofs");
  }
  std::vector<FaultProof> proofs;
  for (const YAML::Node& node : root) {
    proofs.push_back(read_proof(node, path));
  }
  return proofs;
}

bool ProofResult::proven() const {
  return error.empty() && !cases.empty() &&
         std::ranges::all_of(cases, [](const CaseProof& one) { return one.proven(); });
}

std::string ProofResult::explain() const {
  std::ostringstream text;
  if (!error.empty()) {
    text << error << "\n";
  }
  for (const CaseProof& one : cases) {
    text << one.case_id << ": clean " << to_string(one.clean) << ", with fault " << fault << " "
         << to_string(one.faulty) << " (required: clean passed, with fault "
         << to_string(one.required) << ")" << (one.proven() ? "" : "  <-- NOT PROVEN") << "\n";
  }
  return text.str();
}

ProofResult prove_fault(const FaultProof& proof,
                        const Profile& profile,
                        const std::vector<Suite>& suites) {
  ProofResult result;
  result.fault = proof.fault;
  const RunResult clean = run_cases(proof, profile, suites, {});
  const RunResult faulty = run_cases(proof, profile, suites, {proof.fault});
  for (const std::string& id : proof.catches) {
    const CaseResult* clean_case = find_case(clean, id);
    const CaseResult* faulty_case = find_case(faulty, id);
    if (clean_case == nullptr || faulty_case == nullptr) {
      result.error += "no case '" + id + "' in the suites\n";
      continue;
    }
    CaseProof one;
    one.case_id = id;
    one.clean = clean_case->outcome;
    one.faulty = faulty_case->outcome;
    one.required = clean_case->level == Level::should ? Outcome::warned : Outcome::failed;
    result.cases.push_back(one);
  }
  return result;
}

}  // namespace parity::selftest
