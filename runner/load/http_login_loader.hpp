#pragma once

#include "core/profile.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

namespace parity::load {

/// Reads `login: { http: … }` (profiles/README.md, "Login through HTTP steps"):
/// script.http_steps and script.http_captures.
void read_http_login(const YAML::Node& node, const std::string& file, LoginScript& script);

}  // namespace parity::load
