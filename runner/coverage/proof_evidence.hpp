#pragma once

#include <string>
#include <vector>

namespace parity::coverage {

/// One reference-server fault as evidence: the rules it breaks and the cases that noticed it.
struct FaultEvidence {
  std::string fault;
  std::vector<std::string> breaks;  ///< "<requirement id>" or "<requirement id>#<facet>"
  std::vector<std::string> failed;  ///< cases (full ids) passing clean that failed with it
  std::vector<std::string> warned;  ///< cases passing clean that warned with it
  /// The fault is a recommendation (the selftest's level SHOULD): a warning catches it
  /// whatever it breaks.
  bool should_level = false;
};

/// What `parity coverage` knows about which faults the suite catches: either what a selftest
/// run showed (`parity selftest --json`), or what fixtures/reference/fault_proofs.yaml
/// declares (each row's cases, not verified by running them).
struct ProofEvidence {
  bool verified = false;  ///< true: read from a selftest run
  std::string source;     ///< the file it came from
  std::vector<FaultEvidence> faults;
};

/// Reads the JSON of `parity selftest --json PATH`: for each fault its `breaks` (or, from a
/// report written before faults named several requirements, its single `requirement`), its
/// level and the cases that failed or warned with it. A run whose clean server did not pass
/// proves nothing (no case is kept).
/// Throws LoadError "PATH: …" for a missing, oversized or malformed file.
ProofEvidence read_selftest_evidence(const std::string& path);

}  // namespace parity::coverage
