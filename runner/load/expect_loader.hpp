#pragma once

#include "core/suite.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace parity::load {

/// Reads a step's `expect` (suites/README.md, "Expectations"): one block (a mapping) or a list
/// of alternative blocks chosen by `when`. Selectors, predicate names, operand shapes, regexes
/// and operand templates are all checked; errors are LoadError at the offending node.
std::vector<ExpectBlock> read_expect(const YAML::Node& node, const std::string& file);

/// Reads a step's `capture` map (suites/README.md, "Captures"): variable name → selector.
std::vector<Capture> read_captures(const YAML::Node& node, const std::string& file);

}  // namespace parity::load
