#pragma once

#include "coverage/coverage_report.hpp"

#include <ostream>

namespace parity::coverage {

/// Writes `report` as plain-text tables: per spec, one row per requirement (id, level, where
/// it is observable, and the cases citing it, "GAP" when an observable requirement has none,
/// "GAP (blocking)" for blocking gaps); then the per-spec figures and a one-line summary.
void write_coverage_text(const CoverageReport& report, std::ostream& out);

}  // namespace parity::coverage
