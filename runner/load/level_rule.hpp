#pragma once

#include "core/errors.hpp"
#include "core/requirement.hpp"
#include "core/suite.hpp"

#include <vector>

namespace parity::load {

/// Returns one LoadError per case whose level claims more than the rules it cites allow
/// (suites/README.md, "Levels"). A case may fail a server only on a rule that binds the server
/// at an absolute level (Requirement::is_absolute_server_rule); rules that bind the client,
/// SHOULD and MAY rules and peer checks allow a warning at most:
/// - `level: must` (the default) cites such a rule outside FAPI 2.0, whose rules bind only
///   servers that claim it;
/// - `level: fapi2` cites such a rule of any specification, and a FAPI 2.0 or peer-checklist
///   row (the expectation the level is for).
/// Each error sits at the case's `level` (its first requirement for the default level) and
/// names the case and the requirements it cites. Ids the catalogue lacks are left to
/// unknown_requirement_ids.
std::vector<LoadError> case_level_errors(const std::vector<Suite>& suites,
                                         const std::vector<Requirement>& catalogue);

}  // namespace parity::load
