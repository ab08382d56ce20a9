#include "load/client_traits_loader.hpp"

#include "core/errors.hpp"
#include "core/named_pairs.hpp"
#include "eval/vars.hpp"
#include "load/checks.hpp"

#include <algorithm>
#include <utility>

namespace parity::load {
namespace {

// Variables a push parameter of the profile may use: those every case defines.
bool is_profile_variable(const std::string& name) {
  static const std::vector<std::string> k_names{"issuer", "metadata_url", "state", "nonce", "now"};
  static const std::vector<std::string> k_prefixes{"client.", "pkce.", "endpoints."};
  return std::find(k_names.begin(), k_names.end(), name) != k_names.end() ||
         std::any_of(k_prefixes.begin(), k_prefixes.end(), [&](const std::string& prefix) {
           return name.rfind(prefix, 0) == 0;
         });
}

std::vector<std::pair<std::string, std::string>> read_push_params(MapReader& reader) {
  const auto node = reader.optional_node("push_params");
  if (!node) {
    return {};
  }
  MapReader params(*node, reader.file(), "push_params");
  std::vector<std::pair<std::string, std::string>> result;
  for (const auto& name : params.keys()) {
    require_pattern({name, params.location_of_key(name)},
                    "[A-Za-z0-9_.:-]+",
                    "push parameter name",
                    "letters, digits, '_', '.', ':' and '-'");
    const Text value =
        read_text(*params.optional_node(name), reader.file(), "push parameter '" + name + "'");
    for (const std::string& variable : eval::template_names(value)) {
      if (!is_profile_variable(variable)) {
        throw LoadError(value.where,
                        "push parameter '" + name + "' uses ${" + variable +
                            "}, which not every case defines (issuer, state, nonce, now, "
                            "client.*, pkce.*, endpoints.*)");
      }
    }
    result.emplace_back(name, value.raw);
  }
  return result;
}

std::optional<AssertionAudience> read_audience(MapReader& reader) {
  const auto value = optional_scalar(reader, "assertion_audience");
  if (!value) {
    return std::nullopt;
  }
  require_choice(*value, assertion_audience_names(), "assertion audience");
  return parse_assertion_audience(value->value);
}

// The client names the reference profiles once gave special meaning, and the property that
// now says what the name meant.
void require_former_name_property(const Client& client) {
  static const std::vector<std::pair<std::string, std::string_view>> k_former_names{
      {"par-only", client_property::k_par_required},
      {"jar-only", client_property::k_signed_request_object_required},
      {"dpop-nonce", client_property::k_dpop_nonce_required}};
  for (const auto& [name, property] : k_former_names) {
    if (client.name == name && !client.properties.contains(std::string(property))) {
      throw LoadError(client.where,
                      "a client's name no longer selects it: give client '" + name +
                          "' 'properties: [" + std::string(property) + "]'");
    }
  }
}

void read_roles(MapReader& reader, Client& client, RoleOwners& owners) {
  for (const Located& role : optional_scalar_list(reader, "roles")) {
    require_choice(role, client_role_names(), "client role");
    const auto [owner, added] = owners.emplace(role.value, client.name);
    if (!added && owner->second != client.name) {
      throw LoadError(role.where,
                      "role '" + role.value + "' is already given to client '" + owner->second +
                          "'; each role belongs to one client");
    }
    client.roles.insert(role.value);
  }
}

}  // namespace

const std::vector<std::string>& client_trait_keys() {
  static const std::vector<std::string> k_keys{
      "roles", "properties", "push_params", "assertion_audience"};
  return k_keys;
}

ClientDefaults read_client_defaults(MapReader& profile) {
  ClientDefaults defaults;
  defaults.push_params = read_push_params(profile);
  defaults.assertion_audience = read_audience(profile).value_or(AssertionAudience::issuer);
  return defaults;
}

void read_client_traits(MapReader& reader,
                        Client& client,
                        const ClientDefaults& defaults,
                        RoleOwners& owners) {
  read_roles(reader, client, owners);
  for (const Located& property : optional_scalar_list(reader, "properties")) {
    require_choice(property, client_property_names(), "client property");
    client.properties.insert(property.value);
  }
  require_former_name_property(client);
  client.push_params = defaults.push_params;
  for (auto& [name, value] : read_push_params(reader)) {
    set_or_append(client.push_params, name, std::move(value));
  }
  client.assertion_audience = read_audience(reader).value_or(defaults.assertion_audience);
}

void require_default_client(const std::vector<Client>& clients, const SourceLocation& where) {
  if (clients.size() <= 1) {
    return;
  }
  const bool named = std::any_of(clients.begin(), clients.end(), [](const Client& client) {
    return client.roles.contains(std::string(client_role::k_default_client));
  });
  if (!named) {
    throw LoadError(where,
                    "no client has role 'default': give one client 'roles: [default]' (the "
                    "order clients are listed in carries no meaning)");
  }
}

}  // namespace parity::load
