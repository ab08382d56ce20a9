#include "server/emulation.hpp"

#include "load/yaml_reader.hpp"
#include "server/syntax.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace parity::server {
namespace {

const std::vector<std::string> k_emulation_keys{"label",
                                                "issuer_path",
                                                "paths",
                                                "push_status",
                                                "response_types",
                                                "pkce_default_method",
                                                "min_nonce_length",
                                                "max_push_bytes",
                                                "push_too_large_status",
                                                "custom_parameter_prefix",
                                                "max_custom_parameters",
                                                "auth_methods"};

// The methods the reference server implements (server/client_auth.hpp).
const std::set<AuthMethod> k_server_methods{AuthMethod::none,
                                            AuthMethod::client_secret_basic,
                                            AuthMethod::client_secret_post,
                                            AuthMethod::client_secret_jwt,
                                            AuthMethod::private_key_jwt,
                                            AuthMethod::tls_client_auth,
                                            AuthMethod::self_signed_tls_client_auth};

void check_path(load::MapReader& reader, const std::string& key, const std::string& path) {
  const bool ok = path.empty()
                      ? key == "issuer_path"
                      : path.front() == '/' && path.find_first_of("?#") == std::string::npos;
  if (!ok || (key == "issuer_path" && !path.empty() && path.back() == '/')) {
    throw LoadError(reader.location_of_key(key),
                    key + " must be a path starting with '/' (no query, fragment or trailing '/')");
  }
}

void read_paths(load::MapReader& config, Emulation& emulation) {
  const auto node = config.optional_node("paths");
  if (!node) {
    return;
  }
  load::MapReader paths(*node, config.file(), "paths");
  const std::pair<const char*, std::string*> targets[] = {
      {"par", &emulation.par_path},
      {"authorization", &emulation.authorization_path},
      {"token", &emulation.token_path}};
  for (const auto& [key, target] : targets) {
    if (const auto value = paths.optional_string(key)) {
      check_path(paths, key, *value);
      *target = *value;
    }
  }
  paths.finish();
  if (emulation.par_path == emulation.token_path ||
      emulation.par_path == emulation.authorization_path ||
      emulation.token_path == emulation.authorization_path) {
    throw LoadError(paths.location(), "the par, authorization and token paths must differ");
  }
}

int read_status(load::MapReader& reader, const std::string& key, int fallback, int low, int high) {
  const long value = reader.optional_int(key, fallback);
  if (value < low || value > high) {
    throw LoadError(
        reader.location_of_key(key),
        key + " must be between " + std::to_string(low) + " and " + std::to_string(high));
  }
  return static_cast<int>(value);
}

std::set<std::string> read_response_types(load::MapReader& reader) {
  if (!reader.has("response_types")) {
    return {"code"};
  }
  const auto values = reader.optional_string_list("response_types");
  const std::set<std::string> known{"code", "token", "id_token", "none"};
  for (const auto& value : values) {
    if (known.count(value) == 0) {
      throw LoadError(reader.location_of_key("response_types"),
                      "unknown response type '" + value + "' (code, token, id_token, none)");
    }
  }
  if (values.empty() || std::find(values.begin(), values.end(), "code") == values.end()) {
    throw LoadError(reader.location_of_key("response_types"),
                    "response_types must include code (the server issues codes)");
  }
  return {values.begin(), values.end()};
}

std::set<AuthMethod> read_auth_methods(load::MapReader& reader) {
  std::set<AuthMethod> methods;
  for (const auto& name : reader.optional_string_list("auth_methods")) {
    const auto method = parse_auth_method(name);
    if (!method || k_server_methods.count(*method) == 0) {
      throw LoadError(reader.location_of_key("auth_methods"),
                      "auth_methods: '" + name +
                          "' is not supported (none, client_secret_basic, client_secret_post, "
                          "client_secret_jwt, private_key_jwt)");
    }
    methods.insert(*method);
  }
  if (reader.has("auth_methods") && methods.empty()) {
    throw LoadError(reader.location_of_key("auth_methods"), "auth_methods must not be empty");
  }
  return methods;
}

void read_policies(load::MapReader& reader, Emulation& emulation) {
  emulation.pkce_default_method = reader.optional_string("pkce_default_method").value_or("plain");
  if (emulation.pkce_default_method != "plain" && emulation.pkce_default_method != "S256") {
    throw LoadError(reader.location_of_key("pkce_default_method"),
                    "pkce_default_method must be plain or S256");
  }
  emulation.min_nonce_length = read_status(reader, "min_nonce_length", 0, 0, 1024);
  constexpr int k_max_push_limit = 16 * 1024 * 1024;
  emulation.max_push_bytes =
      static_cast<std::size_t>(read_status(reader, "max_push_bytes", 0, 0, k_max_push_limit));
  emulation.push_too_large_status = read_status(reader, "push_too_large_status", 413, 400, 499);
  emulation.custom_parameter_prefix =
      reader.optional_string("custom_parameter_prefix").value_or("");
  emulation.max_custom_parameters = read_status(reader, "max_custom_parameters", 0, 0, 1000);
  if (emulation.max_custom_parameters > 0 && emulation.custom_parameter_prefix.empty()) {
    throw LoadError(reader.location_of_key("max_custom_parameters"),
                    "max_custom_parameters needs custom_parameter_prefix");
  }
}

}  // namespace

Emulation read_emulation(load::MapReader& config) {
  Emulation emulation;
  const auto node = config.optional_node("emulation");
  if (!node) {
    return emulation;
  }
  load::MapReader reader(*node, config.file(), "emulation");
  for (const auto& key : reader.keys()) {
    if (std::find(k_emulation_keys.begin(), k_emulation_keys.end(), key) ==
        k_emulation_keys.end()) {
      const std::string hint = load::suggest(key, k_emulation_keys);
      throw LoadError(reader.location_of_key(key),
                      "unknown emulation key '" + key + "'" +
                          (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
  }
  emulation.label = reader.optional_string("label").value_or("");
  emulation.issuer_path = reader.optional_string("issuer_path").value_or("");
  check_path(reader, "issuer_path", emulation.issuer_path);
  read_paths(reader, emulation);
  // RFC 9126 §2.2 says 201; a vendor documenting another 2xx is emulated as documented.
  emulation.push_status = read_status(reader, "push_status", 201, 200, 299);
  emulation.response_types = read_response_types(reader);
  emulation.auth_methods = read_auth_methods(reader);
  read_policies(reader, emulation);
  reader.finish();
  return emulation;
}

bool supports_auth_method(const Emulation& emulation, AuthMethod method) {
  return emulation.auth_methods.empty() ? k_server_methods.count(method) > 0
                                        : emulation.auth_methods.count(method) > 0;
}

std::set<std::string> supported_auth_method_names(const Emulation& emulation) {
  std::set<std::string> names;
  for (const AuthMethod method : k_server_methods) {
    if (supports_auth_method(emulation, method)) {
      names.insert(std::string(to_string(method)));
    }
  }
  return names;
}

bool accepts_response_type(const Emulation& emulation, const std::string& response_type) {
  std::istringstream words(response_type);
  std::string word;
  bool any = false;
  while (words >> word) {
    if (emulation.response_types.count(word) == 0) {
      return false;
    }
    any = true;
  }
  return any;
}

std::optional<OAuthError> check_push_size(const Emulation& emulation, std::size_t size) {
  if (emulation.max_push_bytes == 0 || size <= emulation.max_push_bytes) {
    return std::nullopt;
  }
  return OAuthError{
      emulation.push_too_large_status,
      "invalid_request",
      "request body larger than " + std::to_string(emulation.max_push_bytes) + " bytes",
      {}};
}

std::optional<OAuthError> check_custom_parameters(const Emulation& emulation,
                                                  const http::Params& params) {
  if (emulation.max_custom_parameters == 0) {
    return std::nullopt;
  }
  int count = 0;
  for (const auto& [name, value] : params) {
    if (!is_standard_parameter(name) && name.starts_with(emulation.custom_parameter_prefix)) {
      ++count;
    }
  }
  if (count > emulation.max_custom_parameters) {
    return invalid_request("at most " + std::to_string(emulation.max_custom_parameters) + " " +
                           emulation.custom_parameter_prefix + " custom parameters are allowed");
  }
  return std::nullopt;
}

std::optional<OAuthError> check_nonce(const Emulation& emulation, const http::Params& params) {
  const auto nonce = http::find_param(params, "nonce");
  if (!nonce || emulation.min_nonce_length == 0 ||
      nonce->size() >= static_cast<std::size_t>(emulation.min_nonce_length)) {
    return std::nullopt;
  }
  return invalid_request("nonce must have at least " + std::to_string(emulation.min_nonce_length) +
                         " characters");
}

}  // namespace parity::server
