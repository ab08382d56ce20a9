#include "load/profile_loader.hpp"

#include "load/capabilities_loader.hpp"
#include "load/checks.hpp"
#include "load/client_loader.hpp"
#include "load/endpoints_loader.hpp"
#include "load/login_loader.hpp"
#include "load/policies_loader.hpp"
#include "load/positive_int.hpp"
#include "load/profile_overlay.hpp"
#include "load/tls_loader.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {
namespace {

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

// A positive value with an upper bound, so that no profile can ask for unbounded memory or time.
long read_bounded(MapReader& reader, const std::string& key, long fallback, long max) {
  const long value = read_positive(reader, key, fallback);
  if (value > max) {
    throw LoadError(reader.location_of_key(key),
                    "'" + key + "' must be at most " + std::to_string(max));
  }
  return value;
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
