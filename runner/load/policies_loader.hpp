#pragma once

#include "core/profile.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {

/// Reads `policies` (profiles/README.md, "Policies"): known names only, each with a scalar
/// value of its type, into profile.policies.
void read_policies(MapReader& reader, Profile& profile);

}  // namespace parity::load
