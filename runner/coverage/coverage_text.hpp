#pragma once

#include "coverage/coverage_report.hpp"

#include <ostream>

namespace parity::coverage {

/// Writes `report` as text: per spec, each requirement with its level, whom it binds, where it
/// is observable and its status (PROVEN, CITED NOT PROVEN, GAP, "(blocking)" where it blocks),
/// its summary, the cases citing it and, per facet, the faults that prove it or why none does;
/// then the per-spec figures cited/proven/gap and the summary lines.
void write_coverage_text(const CoverageReport& report, std::ostream& out);

}  // namespace parity::coverage
