#pragma once

#include "core/requirement.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "report/run_listener.hpp"
#include "selftest/fault_proof.hpp"
#include "server/faults.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace parity::selftest {

/// What `parity selftest` runs: the whole suite against the clean reference server, then
/// once per deliberate fault.
struct SelftestOptions {
  std::string profiles_dir;               ///< where profiles/<id>.yaml of the proof rows live
  std::vector<std::string> profile_sets;  ///< `--set path=value` applied to each profile
  std::vector<FaultProof> proofs;         ///< fixtures/reference/fault_proofs.yaml
  std::vector<Requirement> catalogue;     ///< gives each fault's requirements level and binding
  std::vector<std::string> only_faults;   ///< empty: every fault of the catalogue
  std::vector<std::string> filters;       ///< case globs, as for `parity run`; empty: all
  int parallel = 16;  ///< runs in flight at once: they mostly wait for expiries, CPU is the bound
  int jobs = 8;       ///< cases in flight per run
  /// Progress: told how many runs there will be, then makes the listener of each run
  /// ("clean reference", "fault accept_wrong_secret"). Empty: the runs are silent.
  std::function<void(std::size_t runs)> on_runs_planned = {};
  std::function<std::unique_ptr<report::RunListener>(const std::string& run)> listener_for = {};
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
  std::string profile;               ///< profile the fault ran against
  bool should_level = false;         ///< a warning suffices (is_should_level_fault)
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

}  // namespace parity::selftest
