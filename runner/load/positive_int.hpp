#pragma once

#include "load/yaml_reader.hpp"

#include <string>

namespace parity::load {

/// Reads the integer `key` (`fallback` when absent); throws LoadError "'<key>' must be
/// positive" at the key unless it is above zero.
long read_positive(MapReader& reader, const std::string& key, long fallback);

}  // namespace parity::load
