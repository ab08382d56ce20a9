#pragma once

#include "core/profile.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {

/// Reads `capabilities` (profiles/README.md, "Capabilities") and adds those that follow from
/// the rest of the profile: https (from the transport), client_auth:<method> and
/// public_clients (from the usable clients), discovery and login. Reads the profile's
/// transport, clients, metadata URL and login script, so runs after them.
void read_capabilities(MapReader& reader, Profile& profile);

}  // namespace parity::load
