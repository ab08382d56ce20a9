#pragma once

#include "coverage/coverage_report.hpp"

#include <nlohmann/json.hpp>

namespace parity::coverage {

/// Returns `report` as JSON: {"requirements": [{id, spec, section, level, level_text, binds,
/// binds_server, observable, partial, summary, sources, expected, note, out_of_scope, cases,
/// status ("untestable" | "gap" | "cited" | "proven"), gap, proven, proofs: [{facet, summary,
/// proven, faults, caught_elsewhere, missed}], blocking, blocking_unproven}], "specs": [{spec,
/// requirements, observable, must_level, server_must_level, should_level}], "total": {…} (the
/// specifications), "peer_checklist": {…}, "gaps": [ids], "blocking_gaps": [ids], "proof":
/// {verified, source, blocking_unproven: [ids], evidence_problems: [text]}}; each tally is
/// {"covered", "proven", "gaps", "total"}.
nlohmann::json to_json(const CoverageReport& report);

}  // namespace parity::coverage
