#include "load/profile_loader.hpp"

#include "crypto/certificate.hpp"
#include "crypto/error.hpp"
#include "load/checks.hpp"
#include "load/client_traits_loader.hpp"
#include "load/login_loader.hpp"
#include "load/profile_overlay.hpp"
#include "load/url_environment.hpp"
#include "load/yaml_reader.hpp"

#include <array>
#include <cstdlib>
#include <map>

namespace parity::load {
namespace {

const std::vector<std::string> k_signing_algs{"RS256", "PS256", "ES256", "HS256"};
const std::vector<std::string> k_profile_keys{"id",
                                              "name",
                                              "emulation",
                                              "issuer",
                                              "discovery",
                                              "endpoints",
                                              "tls",
                                              "transport",
                                              "timeout_ms",
                                              "clients",
                                              "capabilities",
                                              "policies",
                                              "max_response_bytes",
                                              "case_deadline_ms",
                                              "max_recorded_bytes",
                                              "embedded_server",
                                              "dpop_key",
                                              "dpop_alg",
                                              "login",
                                              "push_params",
                                              "assertion_audience"};
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

std::string require_url(MapReader& reader, const std::string& key) {
  Located url = required_scalar(reader, key);
  url.value = expand_url_environment(url);
  require_pattern(url, "https?://.+", "'" + key + "' URL", "an http:// or https:// URL");
  return url.value;
}

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

// Where the PEM file of client key `key` is: the client's own, else the profile-wide one.
struct PemSource {
  std::string path;  ///< empty: neither is set
  SourceLocation where;
};

PemSource pem_source(MapReader& reader, const std::string& key, const std::string& fallback) {
  if (const auto path = optional_scalar(reader, key)) {
    return {resolve_path(path->where.file, path->value), path->where};
  }
  return {fallback, reader.location()};
}

std::string read_certificate(const PemSource& source) {
  require_file(source.path, source.where);
  try {
    return crypto::read_certificate_file(source.path);
  } catch (const crypto::CryptoError& error) {
    throw LoadError(source.where, error.what());
  }
}

std::string read_private_key_text(const PemSource& source) {
  check_private_key(source.path, source.where);
  try {
    return read_input_file(source.path, k_max_pem_file_bytes);
  } catch (const InputFileError& error) {
    throw LoadError(source.where, std::string(error.what()) + ": " + shown_value(source.path));
  }
}

/// RFC 8705 §2: the certificate and key an mTLS client authenticates with; other methods take
/// none.
void read_tls_identity(MapReader& reader, Client& client, const TlsConfig& tls) {
  if (!uses_tls_certificate(client.auth_method)) {
    for (const std::string key : {"tls_client_cert", "tls_client_key"}) {
      if (reader.has(key)) {
        throw LoadError(reader.location_of_key(key),
                        key + " is only used with tls_client_auth and self_signed_tls_client_auth");
      }
    }
    return;
  }
  const PemSource certificate = pem_source(reader, "tls_client_cert", tls.client_cert);
  const PemSource key = pem_source(reader, "tls_client_key", tls.client_key);
  if (certificate.path.empty() || key.path.empty()) {
    throw LoadError(client.where,
                    std::string(to_string(client.auth_method)) + " client '" + client.name +
                        "' needs tls_client_cert and tls_client_key (or tls.client_cert and "
                        "tls.client_key)");
  }
  client.tls_certificate_file = certificate.path;
  client.tls_certificate_pem = read_certificate(certificate);
  client.tls_private_key_pem = read_private_key_text(key);
  if (!crypto::certificate_matches_key(client.tls_certificate_pem, client.tls_private_key_pem)) {
    throw LoadError(key.where,
                    "the TLS client key of client '" + client.name +
                        "' is not the key of its certificate " + certificate.path);
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

std::string read_path(MapReader& reader, const std::string& key) {
  const auto path = optional_scalar(reader, key);
  if (!path) {
    return "";
  }
  std::string resolved = resolve_path(path->where.file, path->value);
  require_file(resolved, path->where);
  return resolved;
}

TlsConfig read_tls(MapReader& profile) {
  TlsConfig tls;
  const auto node = profile.optional_node("tls");
  if (!node) {
    return tls;
  }
  MapReader reader(*node, profile.file(), "tls");
  allow_keys(reader, {"insecure", "ca_file", "client_cert", "client_key"});
  tls.verify = !reader.optional_bool("insecure", false);
  tls.ca_file = read_path(reader, "ca_file");
  tls.client_cert = read_path(reader, "client_cert");
  tls.client_key = read_path(reader, "client_key");
  reader.finish();
  if (tls.client_cert.empty() != tls.client_key.empty()) {
    throw LoadError(reader.location(), "give both 'client_cert' and 'client_key', or neither");
  }
  return tls;
}

// profiles/README.md, "Plain-HTTP test rigs": RFC 9126 §2 requires https unless the profile
// declares a plain-HTTP rig.
Transport read_transport(MapReader& reader) {
  const auto value = optional_scalar(reader, "transport");
  if (!value) {
    return Transport::https;
  }
  if (const auto transport = parse_transport(value->value)) {
    return *transport;
  }
  require_choice(*value, transport_names(), "transport");
  return Transport::https;  // unreachable: require_choice threw
}

void read_embedded_server(MapReader& reader, Profile& profile) {
  const auto path = optional_scalar(reader, "embedded_server");
  profile.embedded_server_config = resolve_path(path->where.file, path->value);
  require_file(profile.embedded_server_config, path->where, k_max_yaml_file_bytes);
  for (const std::string key : {"issuer", "discovery", "endpoints"}) {
    if (reader.has(key)) {
      throw LoadError(reader.location_of_key(key),
                      "'" + key + "' cannot be combined with 'embedded_server'");
    }
  }
}

std::string read_metadata_url(MapReader& reader, const std::string& issuer) {
  const auto node = reader.optional_node("discovery");
  if (!node) {
    return "";
  }
  const nlohmann::json value = node->IsScalar() ? to_json(*node) : nlohmann::json();
  if (value.is_boolean()) {
    if (!value.get<bool>()) {
      return "";
    }
    const bool slash = !issuer.empty() && issuer.back() == '/';
    return issuer.substr(0, issuer.size() - (slash ? 1 : 0)) +
           "/.well-known/oauth-authorization-server";
  }
  Located url{node->IsScalar() ? node->Scalar() : "", location_of(*node, reader.file())};
  url.value = expand_url_environment(url);
  require_pattern(url, "https?://.+", "'discovery' value", "true, false or a metadata URL");
  return url.value;
}

void read_endpoints(MapReader& reader, Profile& profile) {
  profile.issuer = require_url(reader, "issuer");
  profile.metadata_url = read_metadata_url(reader, profile.issuer);
  const auto node = reader.optional_node("endpoints");
  if (!node) {
    if (profile.metadata_url.empty()) {
      throw LoadError(reader.location(), "a profile needs 'discovery' or 'endpoints'");
    }
    return;
  }
  MapReader endpoints(*node, reader.file(), "endpoints");
  allow_keys(endpoints, {"par", "authorization", "token"});
  const bool all = endpoints.has("par") && endpoints.has("authorization") && endpoints.has("token");
  if (!all && profile.metadata_url.empty()) {
    throw LoadError(endpoints.location(),
                    "without 'discovery', endpoints needs 'par', 'authorization' and 'token'");
  }
  const std::array<std::pair<const char*, std::string*>, 3> targets{{
      {"par", &profile.endpoints.par},
      {"authorization", &profile.endpoints.authorization},
      {"token", &profile.endpoints.token},
  }};
  for (const auto& [key, target] : targets) {
    if (endpoints.optional_node(key)) {
      *target = require_url(endpoints, key);
    }
  }
  endpoints.finish();
}

void read_policies(MapReader& reader, Profile& profile) {
  const auto node = reader.optional_node("policies");
  if (!node) {
    return;
  }
  MapReader policies(*node, reader.file(), "policies");
  for (const auto& name : policies.keys()) {
    const Located located{name, policies.location_of_key(name)};
    check_policy_name(located);
    const YAML::Node value = *policies.optional_node(name);
    if (!value.IsScalar()) {
      throw LoadError(
          value.IsNull() ? policies.location_of_key(name) : location_of(value, reader.file()),
          "policy '" + name + "' must be a scalar value");
    }
    const nlohmann::json json = to_json(value);
    check_policy_value(located, json, location_of(value, reader.file()));
    profile.policies[name] = json;
  }
}

long read_positive(MapReader& reader, const std::string& key, long fallback) {
  const long value = reader.optional_int(key, fallback);
  if (value <= 0) {
    throw LoadError(reader.location_of_key(key), "'" + key + "' must be positive");
  }
  return value;
}

// A positive value with an upper bound, so that no profile can ask for unbounded memory or time.
long read_bounded(MapReader& reader, const std::string& key, long fallback, long max) {
  const long value = read_positive(reader, key, fallback);
  if (value > max) {
    throw LoadError(reader.location_of_key(key),
                    "'" + key + "' must be at most " + std::to_string(max));
  }
  return value;
}

void read_capabilities(MapReader& reader, Profile& profile) {
  for (const auto& name : optional_scalar_list(reader, "capabilities")) {
    check_capability(name);
    if (name.value == k_https_capability) {
      throw LoadError(name.where,
                      "capability 'https' follows from 'transport' (https unless the profile "
                      "declares transport: plain_http); do not list it");
    }
    profile.capabilities.insert(name.value);
  }
  if (profile.transport == Transport::https) {
    profile.capabilities.insert(std::string(k_https_capability));
  }
  for (const auto& client : profile.clients) {
    if (!client.unavailable_reason.empty()) {
      continue;
    }
    profile.capabilities.insert("client_auth:" + std::string(to_string(client.auth_method)));
    if (client.auth_method == AuthMethod::none) {
      profile.capabilities.insert("public_clients");
    }
  }
  // A profile that names a metadata document (or the embedded server, which always has one)
  // can run the discovery cases; `parity list` must agree with `parity run` on that.
  if (!profile.metadata_url.empty() || !profile.embedded_server_config.empty()) {
    profile.capabilities.insert("discovery");
  }
  // A completed authorization: no user needed (auto_login), or a usable login script.
  if (profile.capabilities.contains("auto_login") ||
      (profile.login.declared && profile.login.unavailable_reason.empty())) {
    profile.capabilities.insert("login");
  }
}

// profiles/README.md, "Login".
const std::vector<std::string> k_login_keys{"max_requests", "forms", "http", "browser"};
const std::vector<std::string> k_login_form_keys{"name", "match", "fill", "submit"};
const std::vector<std::string> k_login_match_keys{
    "form_id", "action_contains", "has_fields", "field_values"};

// A map of control name → value; values are resolved when `script` is given.
std::vector<std::pair<std::string, std::string>> read_login_pairs(MapReader& parent,
                                                                  const std::string& key,
                                                                  LoginScript* script) {
  std::vector<std::pair<std::string, std::string>> pairs;
  const auto node = parent.optional_node(key);
  if (!node) {
    return pairs;
  }
  MapReader reader(*node, parent.file(), "'" + key + "'");
  for (const auto& name : reader.keys()) {
    const Located value = *optional_scalar(reader, name);
    pairs.emplace_back(name, script != nullptr ? resolve_login_value(value, *script) : value.value);
  }
  return pairs;
}

LoginForm read_login_form(const YAML::Node& node, const std::string& file, LoginScript& script) {
  MapReader reader(node, file, "login form");
  allow_keys(reader, k_login_form_keys);
  LoginForm form;
  form.where = reader.location();
  form.name = optional_scalar(reader, "name").value_or(Located{}).value;
  MapReader match(reader.required_node("match"), file, "match");
  allow_keys(match, k_login_match_keys);
  form.form_id = optional_scalar(match, "form_id").value_or(Located{}).value;
  form.action_contains = optional_scalar(match, "action_contains").value_or(Located{}).value;
  form.has_fields = match.optional_string_list("has_fields");
  form.field_values = read_login_pairs(match, "field_values", nullptr);
  if (form.form_id.empty() && form.action_contains.empty() && form.has_fields.empty() &&
      form.field_values.empty()) {
    throw LoadError(match.location(), "'match' needs at least one condition");
  }
  form.fill = read_login_pairs(reader, "fill", &script);
  form.submit = optional_scalar(reader, "submit").value_or(Located{}).value;
  if (form.name.empty()) {
    form.name = "form " + std::to_string(script.forms.size() + 1);
  }
  return form;
}

// profiles/README.md, "Login": the declarative login and consent automation.
void read_login(MapReader& reader, Profile& profile) {
  const auto node = reader.optional_node("login");
  if (!node) {
    return;
  }
  MapReader login(*node, reader.file(), "login");
  allow_keys(login, k_login_keys);
  LoginScript& script = profile.login;
  script.declared = true;
  script.where = login.location();
  script.max_requests = static_cast<int>(read_positive(login, "max_requests", script.max_requests));
  if (script.max_requests > 100) {
    throw LoadError(login.location_of_key("max_requests"), "'max_requests' must be at most 100");
  }
  if (const auto forms = login.optional_node("forms")) {
    if (!forms->IsSequence()) {
      throw LoadError(location_of(*forms, reader.file()), "'forms' must be a list of form rules");
    }
    for (const auto& item : *forms) {
      script.forms.push_back(read_login_form(item, reader.file(), script));
    }
  }
  if (const auto http = login.optional_node("http")) {
    read_http_login(*http, reader.file(), script);
  }
  if (const auto browser = login.optional_node("browser")) {
    for (const std::string key : {"forms", "http", "max_requests"}) {
      if (login.has(key)) {
        throw LoadError(login.location_of_key(key),
                        "'" + key +
                            "' cannot be combined with 'browser': the browser does the "
                            "whole login");
      }
    }
    read_browser_login(*browser, reader.file(), script);
  }
}

// RFC 9449 §4.2: the key that signs DPoP proofs; the alg defaults from its type.
void read_dpop_key(MapReader& reader, Profile& profile) {
  const auto path = optional_scalar(reader, "dpop_key");
  const auto alg = optional_scalar(reader, "dpop_alg");
  if (!path) {
    if (alg) {
      throw LoadError(alg->where, "'dpop_alg' needs 'dpop_key'");
    }
    return;
  }
  profile.dpop_key = resolve_path(path->where.file, path->value);
  const std::string key_type = check_private_key(profile.dpop_key, path->where);
  profile.dpop_alg = key_type == "rsa" ? "PS256" : "ES256";
  if (alg) {
    require_choice(*alg, {"RS256", "PS256", "ES256"}, "dpop_alg");
    if ((alg->value == "ES256") != (key_type == "ec")) {
      throw LoadError(alg->where, "dpop_alg " + alg->value + " does not fit the dpop_key");
    }
    profile.dpop_alg = alg->value;
  }
}

struct LoadedProfile {
  Profile profile;
  SourceLocation id_where;
};

LoadedProfile read_profile(const std::string& path, const std::vector<std::string>& sets) {
  MapReader reader(read_profile_document(path, sets), path, "profile");
  allow_keys(reader, k_profile_keys);
  LoadedProfile loaded;
  Profile& profile = loaded.profile;
  profile.file = path;
  profile.where = reader.location();
  const Located id = required_scalar(reader, "id");
  require_pattern(
      id, "[a-z0-9][a-z0-9._-]*", "profile id", "lowercase letters, digits, '.', '_' and '-'");
  profile.id = id.value;
  loaded.id_where = id.where;
  profile.name = optional_scalar(reader, "name").value_or(id).value;
  profile.emulation = optional_scalar(reader, "emulation").value_or(Located{}).value;
  if (reader.optional_node("embedded_server")) {
    read_embedded_server(reader, profile);
  } else {
    read_endpoints(reader, profile);
  }
  profile.tls = read_tls(reader);
  profile.transport = read_transport(reader);
  // profiles/README.md, "Limits".
  constexpr long k_day_ms = 86400000;
  constexpr long k_max_response_bytes = 256L << 20;
  constexpr long k_max_recorded_bytes = 16L << 20;
  profile.timeout_ms = read_bounded(reader, "timeout_ms", profile.timeout_ms, k_day_ms);
  profile.max_response_bytes =
      static_cast<std::size_t>(read_bounded(reader,
                                            "max_response_bytes",
                                            static_cast<long>(profile.max_response_bytes),
                                            k_max_response_bytes));
  profile.case_deadline_ms =
      read_bounded(reader, "case_deadline_ms", profile.case_deadline_ms, k_day_ms);
  profile.max_recorded_bytes =
      static_cast<std::size_t>(read_bounded(reader,
                                            "max_recorded_bytes",
                                            static_cast<long>(profile.max_recorded_bytes),
                                            k_max_recorded_bytes));
  read_policies(reader, profile);
  read_dpop_key(reader, profile);
  read_login(reader, profile);
  profile.clients = read_clients(reader, profile.tls);
  read_capabilities(reader, profile);
  reader.finish();
  return loaded;
}

}  // namespace

Profile load_profile(const std::string& path, const std::vector<std::string>& sets) {
  return read_profile(path, sets).profile;
}

std::vector<Profile> load_profiles(const std::string& path, const std::vector<std::string>& sets) {
  std::vector<Profile> profiles;
  SeenIds seen;
  for (const auto& file : yaml_files(path)) {
    LoadedProfile loaded = read_profile(file, sets);
    require_unique_id(seen, "profile", loaded.profile.id, loaded.id_where);
    profiles.push_back(std::move(loaded.profile));
  }
  return profiles;
}

}  // namespace parity::load
