#pragma once

#include "core/profile.hpp"
#include "load/yaml_reader.hpp"

#include <vector>

namespace parity::load {

/// Reads the profile's `clients` map in file order: each client's id, authentication method
/// and what that method needs (secret, private key and signing alg, TLS identity from `tls`),
/// its redirect URIs, scope, roles and properties. A profile needs at least one client and,
/// with several, a default one. Secrets are read from the environment now; a missing one
/// leaves the client unavailable (Client::unavailable_reason) rather than failing the load.
std::vector<Client> read_clients(MapReader& profile, const TlsConfig& tls);

}  // namespace parity::load
