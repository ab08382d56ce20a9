#pragma once

#include "selftest/selftest.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace parity::selftest {

/// Writes the selftest as text: the clean runs, a table fault → level, requirement, verdict and
/// the cases that caught it, the cases that never catch a fault (candidates for review), and
/// the score line "score: N/M faults caught (P%)".
void write_selftest_text(const SelftestReport& report, std::ostream& out);

/// Returns the selftest as JSON: {"ok", "seconds", "score": {caught, faults}, "clean": [{profile,
/// passed, skipped, not_passing, error}], "faults": [{name, description, breaks, level,
/// profile, caught, failed, warned, errored, error}], "never_catching": [case ids]}. `breaks`
/// lists the requirements the fault violates ("<id>" or "<id>#<facet>"); `parity coverage
/// --selftest` reads it with failed and warned to learn which requirements are proven.
nlohmann::json selftest_json(const SelftestReport& report);

}  // namespace parity::selftest
