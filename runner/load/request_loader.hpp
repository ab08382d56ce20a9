#pragma once

#include "core/suite.hpp"

#include <yaml-cpp/yaml.h>

#include <string>

namespace parity::load {

/// Reads the request spec of a push, authorize, token or discover step (suites/README.md,
/// "Steps"); a null value means the defaults. `kind` names the step in messages. Key paths
/// in `assertion` are resolved against `file` and must hold a private key.
RequestSpec read_request(const YAML::Node& node, const std::string& file, const std::string& kind);

/// Reads a broken-assertion spec (RFC 7523 §3 claims, suites/README.md "Client authentication
/// and broken assertions").
AssertionSpec read_assertion_spec(const YAML::Node& node, const std::string& file);

}  // namespace parity::load
