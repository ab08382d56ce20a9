#pragma once

#include "core/profile.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

namespace parity::load {

/// Reads `login: { browser: … }` (profiles/README.md, "Browser login") into script.browser.
void read_browser_login(const YAML::Node& node, const std::string& file, LoginScript& script);

}  // namespace parity::load
