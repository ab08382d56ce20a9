#pragma once

#include "core/suite.hpp"

#include <string>
#include <vector>

namespace parity::load {

/// Loads one suite file strictly (suites/README.md): every key, type, selector, predicate,
/// regex and template is checked, and key files named by assertions must hold private keys.
/// Throws LoadError "file:line:col: …" at the offending node. Undefined ${variables} are left
/// to the planner, which knows the profile.
Suite load_suite(const std::string& path);

/// Loads every suite named by `paths`: each a suite file, or a directory whose *.yaml files
/// are loaded in name order (not recursively). Throws LoadError for a suite id used twice,
/// at the second one.
std::vector<Suite> load_suites(const std::vector<std::string>& paths);

}  // namespace parity::load
