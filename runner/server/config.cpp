#include "server/config.hpp"

#include "crypto/certificate.hpp"
#include "crypto/error.hpp"
#include "crypto/key.hpp"
#include "load/yaml_reader.hpp"
#include "server/faults.hpp"
#include "server/syntax.hpp"
#include "server/tls.hpp"

#include <filesystem>

namespace parity::server {
namespace {

constexpr std::size_t k_min_hmac_secret_bytes = 32;  // RFC 7518 §3.2: key ≥ hash size

bool is_secret_method(AuthMethod method) {
  return method == AuthMethod::client_secret_basic || method == AuthMethod::client_secret_post ||
         method == AuthMethod::client_secret_jwt;
}

AuthMethod read_auth_method(load::MapReader& reader) {
  const std::string name = reader.required_string("auth_method");
  const auto method = parse_auth_method(name);
  if (!method) {
    throw LoadError(reader.location_of_key("auth_method"),
                    "auth_method '" + name +
                        "' is not supported (none, client_secret_basic, client_secret_post, "
                        "client_secret_jwt, private_key_jwt, tls_client_auth, "
                        "self_signed_tls_client_auth)");
  }
  return *method;
}

void read_secret(load::MapReader& reader, RegisteredClient& client) {
  const auto secret = reader.optional_string("secret");
  if (!is_secret_method(client.auth_method)) {
    if (secret) {
      throw LoadError(reader.location_of_key("secret"),
                      "secret is only used with client_secret_* methods");
    }
    return;
  }
  if (!secret || secret->empty()) {
    throw LoadError(reader.location(),
                    "client '" + client.client_id + "' needs a secret for " +
                        std::string(to_string(client.auth_method)));
  }
  if (client.auth_method == AuthMethod::client_secret_jwt &&
      secret->size() < k_min_hmac_secret_bytes) {
    throw LoadError(reader.location_of_key("secret"),
                    "a client_secret_jwt secret needs at least 32 bytes for HS256");
  }
  client.secret = *secret;
}

void read_public_key(load::MapReader& reader, RegisteredClient& client) {
  const auto path = reader.optional_string("public_key");
  if (client.auth_method != AuthMethod::private_key_jwt) {
    if (path) {
      throw LoadError(reader.location_of_key("public_key"),
                      "public_key is only used with private_key_jwt");
    }
    return;
  }
  if (!path) {
    throw LoadError(reader.location(),
                    "client '" + client.client_id + "' needs a public_key for private_key_jwt");
  }
  const auto base = std::filesystem::path(reader.file()).parent_path();
  const std::string resolved = (base / *path).lexically_normal().string();
  try {
    client.public_key = crypto::Key::from_pem_file(resolved);
  } catch (const crypto::CryptoError& error) {
    throw LoadError(reader.location_of_key("public_key"), error.what());
  }
  if (client.public_key->is_private()) {
    throw LoadError(reader.location_of_key("public_key"),
                    "public_key '" + *path + "' holds a private key; register the public key");
  }
}

// A key that only `method` takes; present with another method it is a config error.
std::optional<std::string> method_key(load::MapReader& reader,
                                      const RegisteredClient& client,
                                      const std::string& key,
                                      AuthMethod method) {
  auto value = reader.optional_string(key);
  if (value && client.auth_method != method) {
    throw LoadError(reader.location_of_key(key),
                    key + " is only used with " + std::string(to_string(method)));
  }
  if (!value && client.auth_method == method) {
    throw LoadError(reader.location(),
                    "client '" + client.client_id + "' needs " + key + " for " +
                        std::string(to_string(method)));
  }
  return value;
}

/// RFC 8705 §2.1.2 and §2.2: what binds an mTLS client to its certificate.
void read_certificate_binding(load::MapReader& reader, RegisteredClient& client) {
  client.tls_client_auth_subject_dn =
      method_key(reader, client, "tls_client_auth_subject_dn", AuthMethod::tls_client_auth)
          .value_or("");
  const auto path =
      method_key(reader, client, "certificate", AuthMethod::self_signed_tls_client_auth);
  if (!path) {
    return;
  }
  const auto base = std::filesystem::path(reader.file()).parent_path();
  try {
    client.certificate_thumbprint = crypto::certificate_thumbprint(
        crypto::read_certificate_file((base / *path).lexically_normal().string()));
  } catch (const crypto::CryptoError& error) {
    throw LoadError(reader.location_of_key("certificate"), error.what());
  }
}

std::vector<std::string> read_redirect_uris(load::MapReader& reader) {
  auto uris = reader.optional_string_list("redirect_uris");
  if (uris.empty()) {
    throw LoadError(reader.location(), "a client needs at least one redirect_uris entry");
  }
  for (const auto& uri : uris) {
    if (!is_absolute_uri_without_fragment(uri)) {
      throw LoadError(reader.location_of_key("redirect_uris"),
                      "redirect URI '" + uri + "' must be absolute and have no fragment");
    }
  }
  return uris;
}

/// RFC 9126 §6, RFC 9101 §10.5, RFC 9449 §8: the per-client policy flags.
void read_client_policies(load::MapReader& reader, RegisteredClient& client) {
  if (reader.has("require_par") && reader.has("require_pushed_authorization_requests")) {
    throw LoadError(reader.location_of_key("require_par"),
                    "require_par is an alias of require_pushed_authorization_requests; use one");
  }
  client.require_par = reader.optional_bool("require_pushed_authorization_requests", false) ||
                       reader.optional_bool("require_par", false);
  client.require_signed_request_object =
      reader.optional_bool("require_signed_request_object", false);
  client.dpop_nonce_required = reader.optional_bool("dpop_nonce_required", false);
}

RegisteredClient read_client(const YAML::Node& node, const std::string& file) {
  load::MapReader reader(node, file, "client");
  RegisteredClient client;
  client.client_id = reader.required_string("client_id");
  if (client.client_id.empty()) {
    throw LoadError(reader.location_of_key("client_id"), "client_id must not be empty");
  }
  client.auth_method = read_auth_method(reader);
  read_secret(reader, client);
  read_public_key(reader, client);
  read_certificate_binding(reader, client);
  client.redirect_uris = read_redirect_uris(reader);
  const auto scopes = reader.optional_string_list("scopes");
  client.scopes = std::set<std::string>(scopes.begin(), scopes.end());
  read_client_policies(reader, client);
  reader.finish();
  return client;
}

std::vector<RegisteredClient> read_clients(load::MapReader& reader) {
  const YAML::Node list = reader.required_node("clients");
  if (!list.IsSequence() || list.size() == 0) {
    throw LoadError(reader.location_of_key("clients"), "clients must be a non-empty list");
  }
  std::vector<RegisteredClient> clients;
  std::set<std::string> ids;
  for (const auto& item : list) {
    RegisteredClient client = read_client(item, reader.file());
    if (!ids.insert(client.client_id).second) {
      throw LoadError(load::location_of(item, reader.file()),
                      "duplicate client_id '" + client.client_id + "'");
    }
    clients.push_back(std::move(client));
  }
  return clients;
}

std::set<std::string> read_faults(load::MapReader& reader) {
  std::vector<std::string> known;
  for (const auto& fault : fault_catalogue()) {
    known.push_back(fault.name);
  }
  std::set<std::string> faults;
  for (const auto& name : reader.optional_string_list("faults")) {
    if (!is_known_fault(name)) {
      const std::string hint = load::suggest(name, known);
      throw LoadError(
          reader.location_of_key("faults"),
          "unknown fault '" + name + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    faults.insert(name);
  }
  return faults;
}

std::set<std::string> read_pkce_methods(load::MapReader& reader) {
  if (!reader.has("pkce_methods")) {
    return {"S256"};
  }
  const auto methods = reader.optional_string_list("pkce_methods");
  if (methods.empty()) {
    throw LoadError(reader.location_of_key("pkce_methods"), "pkce_methods must not be empty");
  }
  for (const auto& method : methods) {
    if (method != "S256" && method != "plain") {
      throw LoadError(reader.location_of_key("pkce_methods"),
                      "unknown PKCE method '" + method + "' (S256, plain)");
    }
  }
  return {methods.begin(), methods.end()};
}

int read_int(load::MapReader& reader, const std::string& key, long fallback, long minimum) {
  const long value = reader.optional_int(key, fallback);
  if (value < minimum || value > 86400) {
    throw LoadError(reader.location_of_key(key),
                    key + " must be between " + std::to_string(minimum) + " and 86400");
  }
  return static_cast<int>(value);
}

// A bound on memory: at least one entry, at most ten million.
std::size_t read_store_capacity(load::MapReader& reader) {
  constexpr long k_max_capacity = 10000000;
  const long value = reader.optional_int("store_capacity", 100000);
  if (value < 1 || value > k_max_capacity) {
    throw LoadError(reader.location_of_key("store_capacity"),
                    "store_capacity must be between 1 and " + std::to_string(k_max_capacity));
  }
  return static_cast<std::size_t>(value);
}

// An emulated vendor registers only clients of the methods it supports.
void check_emulated_auth_methods(load::MapReader& reader, const ServerConfig& config) {
  for (const auto& client : config.clients) {
    if (!supports_auth_method(config.emulation, client.auth_method)) {
      throw LoadError(reader.location_of_key("clients"),
                      "client '" + client.client_id + "' uses " +
                          std::string(to_string(client.auth_method)) +
                          ", which emulation.auth_methods does not list");
    }
  }
}

// RFC 8705 §2: mTLS clients need a server that asks for client certificates.
void check_mtls_clients(load::MapReader& reader, const ServerConfig& config) {
  if (accepts_client_certificates(config)) {
    return;
  }
  for (const auto& client : config.clients) {
    if (uses_tls_certificate(client.auth_method)) {
      throw LoadError(reader.location_of_key("clients"),
                      "client '" + client.client_id + "' uses " +
                          std::string(to_string(client.auth_method)) +
                          ", which needs tls.client_ca (the server then asks for certificates)");
    }
  }
}

}  // namespace

bool accepts_client_certificates(const ServerConfig& config) {
  return config.tls && !config.tls->client_ca_file.empty();
}

ServerConfig load_server_config(const std::string& path) {
  const YAML::Node root = load::parse_yaml_file(path);
  load::MapReader reader(root, path, "server config");
  ServerConfig config;
  config.file = path;
  config.request_uri_lifetime = read_int(reader, "request_uri_lifetime", 3, 1);
  config.code_lifetime = read_int(reader, "code_lifetime", 60, 1);
  config.store_capacity = read_store_capacity(reader);
  config.pkce_methods = read_pkce_methods(reader);
  config.pkce_required = reader.optional_bool("pkce_required", true);
  config.min_state_length = read_int(reader, "min_state_length", 0, 0);
  config.require_par = reader.optional_bool("require_par", false);
  config.require_signed_request_object =
      reader.optional_bool("require_signed_request_object", false);
  const auto types = reader.optional_string_list("authorization_details_types");
  config.authorization_details_types = std::set<std::string>(types.begin(), types.end());
  config.faults = read_faults(reader);
  config.clients = read_clients(reader);
  config.tls = read_server_tls(reader);
  check_mtls_clients(reader, config);
  config.emulation = read_emulation(reader);
  check_emulated_auth_methods(reader, config);
  reader.finish();
  return config;
}

}  // namespace parity::server
