#pragma once

#include "coverage/coverage_report.hpp"

#include <nlohmann/json.hpp>

namespace parity::coverage {

/// Returns `report` as JSON: {"requirements": [{id, spec, section, level, level_text, binds,
/// observable, partial, summary, sources, expected, note, out_of_scope, cases, gap, blocking}],
/// "specs": [{spec, requirements, observable, must_level, should_level}], "total": {…} (the
/// specifications), "peer_checklist": {…}, "gaps": [ids], "blocking_gaps": [ids]};
/// each tally is {"covered": n, "total": n}.
nlohmann::json to_json(const CoverageReport& report);

}  // namespace parity::coverage
