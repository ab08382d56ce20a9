#pragma once

#include "core/requirement.hpp"
#include "core/suite.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace parity::coverage {

/// One catalogue requirement and the cases that cite it.
struct RequirementCoverage {
  Requirement requirement;
  std::vector<std::string> cases;  ///< full case ids ("suite/case"), in suite order, no repeats

  /// Returns true when the requirement is observable black-box and in scope, but no case
  /// cites it.
  bool is_gap() const { return requirement.is_testable() && cases.empty(); }
};

/// How many of `total` requirements have at least one case.
struct Tally {
  std::size_t covered = 0;
  std::size_t total = 0;
};

/// Coverage figures of one spec (or of the whole catalogue). Only observable, in-scope
/// requirements are tallied: the others cannot be tested black-box.
struct SpecFigures {
  std::string spec;              ///< "RFC 9126", …; "all" for the whole catalogue
  std::size_t requirements = 0;  ///< every catalogue row, observable or not
  Tally observable;              ///< every observable requirement
  Tally must_level;              ///< observable MUST, MUST NOT, SHALL, SHALL NOT, REQUIRED
  Tally should_level;            ///< observable SHOULD, SHOULD NOT, RECOMMENDED
};

/// Which requirements the suites check, requirement by requirement and spec by spec.
struct CoverageReport {
  std::vector<RequirementCoverage> requirements;  ///< catalogue order
  std::vector<std::string> gaps;                  ///< ids of the gaps (RequirementCoverage::is_gap)
  std::vector<SpecFigures> specs;                 ///< in order of first appearance in the catalogue
  SpecFigures total;  ///< every specification requirement (the peer checklist apart)
  SpecFigures peer;   ///< the peer checklist (rows of level CHECK)
};

/// The spec whose gaps block: RFC 9126 itself.
inline constexpr const char* k_blocking_spec = "RFC 9126";

/// Returns true for MUST, MUST NOT, SHALL, SHALL NOT and REQUIRED (BCP 14 absolute levels).
bool is_must_level(const std::string& level);
/// Returns true for SHOULD, SHOULD NOT and RECOMMENDED.
bool is_should_level(const std::string& level);

/// Maps every requirement of `catalogue` to the cases of `suites` that cite it. Cited ids
/// that are not in the catalogue are ignored (load::check_requirement_ids reports them).
CoverageReport compute_coverage(const std::vector<Requirement>& catalogue,
                                const std::vector<Suite>& suites);

/// Returns true when `row` is a gap in RFC 9126 at level MUST, MUST NOT, SHOULD or SHOULD NOT
/// (the processing steps of RFC 9126 §2.1 and §3 are MUSTs too).
bool is_blocking_gap(const RequirementCoverage& row);
/// Returns the ids of the blocking gaps, in catalogue order.
std::vector<std::string> blocking_gaps(const CoverageReport& report);
/// Returns true when the report has at least one blocking gap.
bool has_blocking_gaps(const CoverageReport& report);

}  // namespace parity::coverage
