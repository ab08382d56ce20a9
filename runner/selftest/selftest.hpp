#pragma once

#include "core/requirement.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "selftest/fault_proof.hpp"
#include "server/faults.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace parity::selftest {

/// What `parity selftest` runs: the whole suite against the clean reference server, then
/// once per deliberate fault (issue: "prove the suite catches non-conformance").
struct SelftestOptions {
  std::string profiles_dir;              ///< where profiles/<id>.yaml of the proof rows live
  std::vector<FaultProof> proofs;        ///< fixtures/reference/fault_proofs.yaml
  std::vector<Requirement> catalogue;    ///< gives each fault's requirement its level
  std::vector<std::string> only_faults;  ///< empty: every fault of the catalogue
  std::vector<std::string> filters;      ///< case globs, as for `parity run`; empty: all
  int parallel = 4;                      ///< fault runs in flight at once
  int jobs = 8;                          ///< cases in flight per run
};

/// The clean reference server against one profile: everything must pass (or be skipped).
struct CleanRun {
  std::string profile;
  Totals totals;
  std::vector<std::string> not_passing;  ///< "suite/case: outcome"
  std::string error;                     ///< the server could not be started or reached

  bool ok() const { return error.empty() && not_passing.empty(); }
};

/// One fault and the cases that caught it.
struct FaultVerdict {
  server::FaultInfo fault;
  std::string profile;        ///< profile the fault ran against
  bool should_level = false;  ///< not an absolute rule (is_absolute_level): a warning suffices
  std::vector<std::string> failed;   ///< cases passing clean that failed with the fault
  std::vector<std::string> warned;   ///< cases passing clean that warned with the fault
  std::vector<std::string> errored;  ///< cases passing clean that errored with the fault
  std::string error;                 ///< the run itself could not be made

  /// The rule of the selftest: a MUST fault makes at least one case fail; any other fault at
  /// least one case fail or warn.
  bool caught() const { return !failed.empty() || (should_level && !warned.empty()); }
};

/// The whole selftest.
struct SelftestReport {
  std::vector<CleanRun> clean;
  std::vector<FaultVerdict> faults;
  std::vector<std::string> never_catching;  ///< cases passing clean that caught no fault
  double seconds = 0;

  std::size_t caught() const;
  /// True when every clean run passes and every fault is caught.
  bool ok() const;
};

/// Runs the selftest over `suites`. Throws LoadError when a proof row names a missing profile.
SelftestReport run_selftest(const SelftestOptions& options, const std::vector<Suite>& suites);

/// Returns true for the catalogue levels a server must meet: MUST, MUST NOT, SHALL, SHALL NOT,
/// REQUIRED, and IMPLICIT (plainly expected behaviour). A fault breaking any other level
/// (SHOULD, MAY, OPTIONAL, INFORMATIVE) is caught by a warning as well as by a failure.
bool is_absolute_level(const std::string& level);

}  // namespace parity::selftest
