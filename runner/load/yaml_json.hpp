#pragma once

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

namespace parity::load {

/// Converts a YAML value to JSON: plain scalars become integers, floats, booleans
/// (true/false) or null (~, null) when they look like one; quoted scalars stay strings.
nlohmann::json to_json(const YAML::Node& node);

}  // namespace parity::load
