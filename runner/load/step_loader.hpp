#pragma once

#include "core/suite.hpp"
#include "load/yaml_reader.hpp"

#include <vector>

namespace parity::load {

/// Reads the `steps` of the case `reader` holds (suites/README.md, "Steps"): each step's kind,
/// request, expectations, captures and repetition, with default names made unique ("push",
/// "push#2"). Errors are LoadError at the offending node.
std::vector<Step> read_steps(MapReader& reader);

}  // namespace parity::load
