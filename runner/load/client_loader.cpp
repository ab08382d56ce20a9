#include "load/client_loader.hpp"

#include "load/checks.hpp"
#include "load/client_traits_loader.hpp"
#include "load/tls_loader.hpp"

#include <cstdlib>

namespace parity::load {
namespace {

const std::vector<std::string> k_signing_algs{"RS256", "PS256", "ES256", "HS256"};
const std::vector<std::string> k_client_keys{"client_id",
                                             "auth_method",
                                             "secret_env",
                                             "secret",
                                             "private_key",
                                             "signing_alg",
                                             "key_id",
                                             "redirect_uris",
                                             "scope",
                                             "tls_client_cert",
                                             "tls_client_key",
                                             "roles",
                                             "properties",
                                             "push_params",
                                             "assertion_audience"};

// Returns true when a secret is configured (it may still be unavailable).
bool read_secret(MapReader& reader, Client& client) {
  const auto literal = optional_scalar(reader, "secret");
  const auto env = optional_scalar(reader, "secret_env");
  if (literal && env) {
    throw LoadError(reader.location_of_key("secret_env"),
                    "give either 'secret' or 'secret_env', not both");
  }
  if (literal) {
    client.secret = literal->value;
    client.secret_source = "the profile's 'secret' key";
  } else if (env) {
    require_pattern(
        *env, "[A-Za-z_][A-Za-z0-9_]*", "environment variable name", "letters, digits and '_'");
    client.secret_source = "environment variable " + env->value;
    const char* value = std::getenv(env->value.c_str());
    if (value == nullptr) {
      client.unavailable_reason = "environment variable " + env->value + " is not set";
    } else if (*value == '\0') {
      client.unavailable_reason = "environment variable " + env->value + " is empty";
    } else {
      client.secret = value;
    }
  }
  return literal || env;
}

// Returns the key type ("rsa", "ec") or "" when the client has no private key.
std::string read_private_key(MapReader& reader, Client& client) {
  const auto path = optional_scalar(reader, "private_key");
  if (!path) {
    return "";
  }
  client.private_key_path = resolve_path(path->where.file, path->value);
  return check_private_key(client.private_key_path, path->where);
}

void read_signing_alg(MapReader& reader,
                      Client& client,
                      const std::string& key_type,
                      bool has_secret) {
  const auto alg = optional_scalar(reader, "signing_alg");
  if (!alg) {
    if (client.auth_method == AuthMethod::client_secret_jwt) {
      client.signing_alg = "HS256";
    } else if (!key_type.empty()) {
      client.signing_alg = key_type == "rsa" ? "RS256" : "ES256";
    }
    return;
  }
  require_choice(*alg, k_signing_algs, "signing_alg");
  client.signing_alg = alg->value;
  const bool needs_rsa = alg->value == "RS256" || alg->value == "PS256";
  if (alg->value == "HS256" && !has_secret) {
    throw LoadError(alg->where, "signing_alg HS256 needs 'secret' or 'secret_env'");
  }
  if (alg->value != "HS256" && key_type.empty()) {
    throw LoadError(alg->where, "signing_alg " + alg->value + " needs 'private_key'");
  }
  if (alg->value != "HS256" && (key_type == "rsa") != needs_rsa) {
    throw LoadError(alg->where,
                    "signing_alg " + alg->value + " does not fit the " +
                        (key_type == "rsa" ? "RSA" : "EC") + " private key");
  }
}

Client read_client(const std::string& file,
                   const Located& name,
                   const YAML::Node& node,
                   const TlsConfig& tls,
                   const ClientDefaults& defaults,
                   RoleOwners& owners) {
  MapReader reader(node, file, "client '" + name.value + "'");
  allow_keys(reader, k_client_keys);
  Client client;
  client.name = name.value;
  client.where = name.where;
  client.id = required_scalar(reader, "client_id").value;
  client.auth_method = read_auth_method(required_scalar(reader, "auth_method"));
  const bool has_secret = read_secret(reader, client);
  const std::string key_type = read_private_key(reader, client);
  read_signing_alg(reader, client, key_type, has_secret);
  client.key_id = optional_scalar(reader, "key_id").value_or(Located{}).value;
  client.redirect_uris = reader.optional_string_list("redirect_uris");
  client.scope = optional_scalar(reader, "scope").value_or(Located{}).value;
  read_tls_identity(reader, client, tls);
  read_client_traits(reader, client, defaults, owners);
  reader.finish();
  const std::string method{to_string(client.auth_method)};
  if (uses_secret(client.auth_method) && !has_secret) {
    throw LoadError(name.where,
                    method + " client '" + name.value +
                        "' needs 'secret_env' (or 'secret' for public test fixtures)");
  }
  if (client.auth_method == AuthMethod::private_key_jwt && key_type.empty()) {
    throw LoadError(name.where, "private_key_jwt client '" + name.value + "' needs 'private_key'");
  }
  return client;
}

}  // namespace

std::vector<Client> read_clients(MapReader& profile, const TlsConfig& tls) {
  const ClientDefaults defaults = read_client_defaults(profile);
  MapReader clients(profile.required_node("clients"), profile.file(), "clients");
  std::vector<Client> result;
  RoleOwners owners;
  for (const auto& name : clients.keys()) {
    const Located located{name, clients.location_of_key(name)};
    require_pattern(located, "[A-Za-z0-9_.-]+", "client name", "letters, digits, '_', '.', '-'");
    result.push_back(
        read_client(profile.file(), located, *clients.optional_node(name), tls, defaults, owners));
  }
  if (result.empty()) {
    throw LoadError(clients.location(), "a profile needs at least one client");
  }
  require_default_client(result, clients.location());
  return result;
}

}  // namespace parity::load
