#pragma once

#include "core/profile.hpp"
#include "load/checks.hpp"
#include "load/yaml_reader.hpp"

#include <string>

namespace parity::load {

/// Resolves every "${env:NAME}" of a login value now ("$${" is a literal "${"). A variable
/// that is unset withholds the `login` capability (script.unavailable_reason); a non-empty
/// value is remembered in script.secrets (also in its JSON-escaped spelling) so that reports
/// mask it. With `keep_other_templates`, other "${name}" are left for run time; otherwise
/// they are a LoadError.
std::string resolve_login_value(const Located& value,
                                LoginScript& script,
                                bool keep_other_templates = false);

/// Reads `login: { browser: … }` (profiles/README.md, "Browser login") into script.browser.
void read_browser_login(const YAML::Node& node, const std::string& file, LoginScript& script);

/// Reads `login: { http: … }` (profiles/README.md, "Login through HTTP steps"):
/// script.http_steps and script.http_captures.
void read_http_login(const YAML::Node& node, const std::string& file, LoginScript& script);

}  // namespace parity::load
