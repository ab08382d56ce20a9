#pragma once

#include "core/requirement.hpp"
#include "core/suite.hpp"

#include <string>
#include <vector>

namespace parity::load {

/// Loads the requirement catalogue strictly from `path`: one YAML file, or every *.yaml file of
/// a directory in name order (suites/catalogue/: peer-checklist.yaml, requirements.yaml).
/// Unknown keys, missing fields, unknown levels or observation points and duplicate ids (also
/// across files), and malformed or repeated facets (`facets:` lists of {id, summary}) throw
/// LoadError "file:line:col: …" at the offending node. Entries keep their file order.
std::vector<Requirement> load_catalogue(const std::string& path);

/// Returns one LoadError per requirement id cited by a case of `suites` that `catalogue`
/// does not hold, at the id (or at the case when its position is unknown), with a did-you-mean.
std::vector<LoadError> unknown_requirement_ids(const std::vector<Suite>& suites,
                                               const std::vector<Requirement>& catalogue);

/// Throws the first error of unknown_requirement_ids, if any, and then the first of
/// case_level_errors (load/level_rule.hpp): a case may fail a server only on rules that bind it.
void check_requirement_ids(const std::vector<Suite>& suites,
                           const std::vector<Requirement>& catalogue);

}  // namespace parity::load
