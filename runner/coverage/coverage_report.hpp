#pragma once

#include "core/requirement.hpp"
#include "core/suite.hpp"
#include "coverage/proof_evidence.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace parity::coverage {

/// Whether one facet of a requirement (or the requirement as a whole, when it has no facets)
/// has a reference-server fault that the suite catches.
struct FacetProof {
  std::string facet;    ///< facet id; empty: the whole requirement
  std::string summary;  ///< the facet's summary; empty for the whole requirement
  /// Faults breaking it that a case citing the requirement caught: the proof.
  std::vector<std::string> faults;
  /// Faults breaking it caught only by cases that do not cite the requirement: no proof (the
  /// catching case checks something else), shown so the citation can be fixed.
  std::vector<std::string> caught_elsewhere;
  /// Faults breaking it that nothing caught.
  std::vector<std::string> missed;

  bool proven() const { return !faults.empty(); }
};

/// How far a requirement is checked.
enum class Status {
  untestable,  ///< not observable black-box, or out of scope
  gap,         ///< testable, but no case cites it
  cited,       ///< cases cite it, but not every facet has a caught fault
  proven,      ///< every facet has a fault caught by a case citing the requirement
};

/// One catalogue requirement, the cases that cite it and the faults that prove it.
struct RequirementCoverage {
  Requirement requirement;
  std::vector<std::string> cases;  ///< full case ids ("suite/case"), in suite order, no repeats
  /// One entry per facet, in catalogue order, or a single entry for a requirement without
  /// facets.
  std::vector<FacetProof> proofs;

  /// Returns true when the requirement is observable black-box and in scope, but no case
  /// cites it.
  bool is_gap() const { return requirement.is_testable() && cases.empty(); }
  /// Returns true when it is testable, cited, and every facet is proven.
  bool is_proven() const;
  Status status() const;
};

/// How many of `total` requirements have at least one case, and how many are proven.
struct Tally {
  std::size_t covered = 0;  ///< cited by at least one case
  std::size_t proven = 0;
  std::size_t total = 0;

  std::size_t gaps() const { return total - covered; }
};

/// Coverage figures of one spec (or of the whole catalogue). Only observable, in-scope
/// requirements are tallied: the others cannot be tested black-box.
struct SpecFigures {
  std::string spec;              ///< "RFC 9126", …; "all" for the whole catalogue
  std::size_t requirements = 0;  ///< every catalogue row, observable or not
  Tally observable;              ///< every observable requirement
  Tally must_level;              ///< observable MUST, MUST NOT, SHALL, SHALL NOT, REQUIRED
  Tally should_level;            ///< observable SHOULD, SHOULD NOT, RECOMMENDED
  Tally server_must;             ///< must_level rows that bind the server
};

/// Which requirements the suites check, requirement by requirement and spec by spec.
struct CoverageReport {
  std::vector<RequirementCoverage> requirements;  ///< catalogue order
  std::vector<std::string> gaps;                  ///< ids of the gaps (RequirementCoverage::is_gap)
  std::vector<SpecFigures> specs;                 ///< in order of first appearance in the catalogue
  SpecFigures total;            ///< every specification requirement (the peer checklist apart)
  SpecFigures peer;             ///< the peer checklist (rows of level CHECK)
  bool proof_verified = false;  ///< the proofs come from a selftest run (ProofEvidence::verified)
  std::string proof_source;     ///< the file the proofs come from
  /// Faults naming a requirement the catalogue does not hold, a facet the requirement does not
  /// have, or a requirement with facets without saying which: "fault: problem".
  std::vector<std::string> evidence_problems;
};

/// The spec whose gaps block: RFC 9126 itself.
inline constexpr const char* k_blocking_spec = "RFC 9126";

/// Returns true for MUST, MUST NOT, SHALL, SHALL NOT and REQUIRED (BCP 14 absolute levels).
bool is_must_level(const std::string& level);
/// Returns true for SHOULD, SHOULD NOT and RECOMMENDED.
bool is_should_level(const std::string& level);

/// Maps every requirement of `catalogue` to the cases of `suites` that cite it and to the
/// faults of `evidence` that prove it: a fault proves a requirement (facet) it breaks when a
/// case citing that requirement caught it — failed, or warned where a warning is the strongest
/// verdict the requirement allows (it is no absolute server rule, or the fault is SHOULD-level).
/// Cited ids that are not in the catalogue are ignored (load::check_requirement_ids reports
/// them).
CoverageReport compute_coverage(const std::vector<Requirement>& catalogue,
                                const std::vector<Suite>& suites,
                                const ProofEvidence& evidence = {});

/// Returns true when `row` is a gap in RFC 9126 at level MUST, MUST NOT, SHOULD or SHOULD NOT
/// (the processing steps of RFC 9126 §2.1 and §3 are MUSTs too).
bool is_blocking_gap(const RequirementCoverage& row);
/// Returns the ids of the blocking gaps, in catalogue order.
std::vector<std::string> blocking_gaps(const CoverageReport& report);
/// Returns true when the report has at least one blocking gap.
bool has_blocking_gaps(const CoverageReport& report);

/// Returns true when `row` is a testable RFC 9126 requirement that binds the authorization
/// server at MUST level (MUST, MUST NOT, REQUIRED …) and is not proven.
bool is_blocking_unproven(const RequirementCoverage& row);
/// Returns the ids of the blocking unproven requirements, in catalogue order.
std::vector<std::string> blocking_unproven(const CoverageReport& report);

}  // namespace parity::coverage
