#pragma once

#include "core/profile.hpp"
#include "load/checks.hpp"
#include "load/yaml_reader.hpp"

#include <string>
#include <utility>
#include <vector>

namespace parity::load {

/// Resolves every "${env:NAME}" of a login value now ("$${" is a literal "${"). A variable
/// that is unset withholds the `login` capability (script.unavailable_reason); a non-empty
/// value is remembered in script.secrets (also in its JSON-escaped spelling) so that reports
/// mask it. With `keep_other_templates`, other "${name}" are left for run time; otherwise
/// they are a LoadError.
std::string resolve_login_value(const Located& value,
                                LoginScript& script,
                                bool keep_other_templates = false);

/// Reads the map `key` of `parent` (a name → value per entry, in order; none when absent).
/// With `script` every value is resolved by resolve_login_value; without, kept as written.
std::vector<std::pair<std::string, std::string>> read_login_pairs(
    MapReader& parent,
    const std::string& key,
    LoginScript* script,
    bool keep_other_templates = false);

/// Reads the profile's `login` (profiles/README.md, "Login") into profile.login: HTML form
/// rules, HTTP steps (load/http_login_loader.hpp) or a browser script
/// (load/browser_login_loader.hpp), which does the whole login alone.
void read_login(MapReader& reader, Profile& profile);

}  // namespace parity::load
