#pragma once

#include "core/suite.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace parity::load {

/// Reads a repeated step's `aggregate` map (suites/README.md, "Repeated and concurrent
/// steps"): aggregate selector → integer predicates. Errors are LoadError at the offending
/// node, with a did-you-mean for a misspelt selector or predicate.
std::vector<AggregateAssertion> read_aggregate(const YAML::Node& node, const std::string& file);

}  // namespace parity::load
