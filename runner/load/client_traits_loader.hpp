#pragma once

#include "core/profile.hpp"
#include "load/yaml_reader.hpp"

#include <map>
#include <string>
#include <vector>

namespace parity::load {

/// Profile-level settings every client inherits unless it gives its own
/// (profiles/README.md, "Client roles and properties").
struct ClientDefaults {
  std::vector<std::pair<std::string, std::string>> push_params;
  AssertionAudience assertion_audience = AssertionAudience::issuer;
};

/// The keys read_client_traits reads from a client map.
const std::vector<std::string>& client_trait_keys();

/// Reads the profile's `push_params` and `assertion_audience`.
ClientDefaults read_client_defaults(MapReader& profile);

/// Which client holds each role so far, for the "role given twice" error.
using RoleOwners = std::map<std::string, std::string>;

/// Reads a client's `roles`, `properties`, `push_params` and `assertion_audience`. An unknown
/// role or property, a role another client already holds, or a former magic client name
/// (`par-only`, `jar-only`, `dpop-nonce`) without its property is a LoadError.
void read_client_traits(MapReader& reader,
                        Client& client,
                        const ClientDefaults& defaults,
                        RoleOwners& owners);

/// A profile with several clients names its default one (role `default`): the order clients
/// are listed in carries no meaning.
void require_default_client(const std::vector<Client>& clients, const SourceLocation& where);

}  // namespace parity::load
