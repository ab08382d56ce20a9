#pragma once

#include "core/profile.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {

/// Reads where the provider is: `issuer`, `discovery` (profile.metadata_url) and `endpoints`.
/// A profile needs `discovery` or all three endpoints; `${env:NAME}` in a URL is expanded
/// (profiles/README.md, "Environment variables in URLs").
void read_endpoints(MapReader& reader, Profile& profile);

/// Reads `embedded_server` (the configuration of the reference server parity starts itself),
/// which replaces `issuer`, `discovery` and `endpoints`.
void read_embedded_server(MapReader& reader, Profile& profile);

}  // namespace parity::load
