#include "load/endpoints_loader.hpp"

#include "load/checks.hpp"
#include "load/url_environment.hpp"

#include <array>

namespace parity::load {
namespace {

std::string require_url(MapReader& reader, const std::string& key) {
  Located url = required_scalar(reader, key);
  url.value = expand_url_environment(url);
  require_pattern(url, "https?://.+", "'" + key + "' URL", "an http:// or https:// URL");
  return url.value;
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

}  // namespace

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

}  // namespace parity::load
