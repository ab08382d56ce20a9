#pragma once

#include "core/errors.hpp"
#include "core/profile.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"

#include <string>
#include <vector>

namespace parity::selftest {

/// One deliberate reference-server fault and the cases that must catch it
/// (fixtures/reference/fault_proofs.yaml).
struct FaultProof {
  std::string fault;
  std::string profile = "reference";  ///< profile id: profiles/<id>.yaml
  std::vector<std::string> catches;   ///< full case ids
  SourceLocation where;
};

/// Loads the proof table; throws LoadError for bad YAML, unknown keys or unknown faults.
std::vector<FaultProof> load_fault_proofs(const std::string& path);

/// What one case did against the clean server and against the faulty one.
struct CaseProof {
  std::string case_id;
  Outcome clean = Outcome::skipped;
  Outcome faulty = Outcome::skipped;
  Outcome required = Outcome::failed;  ///< failed for a must case, warned for a should case

  /// The clean server passes the case and the faulty one gets the required verdict.
  bool proven() const { return clean == Outcome::passed && faulty == required; }
};

/// The outcome of proving one fault.
struct ProofResult {
  std::string fault;
  std::vector<CaseProof> cases;
  std::string error;  ///< set when a listed case does not exist

  bool proven() const;
  /// One line per case: "par.core/x: clean passed, with fault failed (required failed)".
  std::string explain() const;
};

/// Runs the listed cases against the embedded server of `profile`, clean and with the
/// fault switched on, and compares the verdicts.
ProofResult prove_fault(const FaultProof& proof,
                        const Profile& profile,
                        const std::vector<Suite>& suites);

}  // namespace parity::selftest
