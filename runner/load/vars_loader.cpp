#include "load/vars_loader.hpp"

#include "crypto/error.hpp"
#include "crypto/key.hpp"
#include "load/checks.hpp"

namespace parity::load {
namespace {

constexpr int k_max_random_length = 4096;

// RFC 7638: `{ thumbprint: <pem path> }`, the JWK thumbprint of a key file (public or private).
VarSpec read_thumbprint_var(const Located& name, MapReader& reader) {
  const Located path = required_scalar(reader, "thumbprint");
  const std::string resolved = resolve_path(reader.file(), path.value);
  require_file(resolved, path.where);
  try {
    crypto::Key::from_pem_file(resolved);
  } catch (const crypto::CryptoError& e) {
    throw LoadError(path.where, std::string("cannot load key: ") + e.what());
  }
  return VarSpec{name.value, VarSpec::Kind::thumbprint, Text{resolved, path.where}, 0, name.where};
}

VarSpec read_generated_var(const Located& name, const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "variable '" + name.value + "'");
  allow_keys(reader, {"random", "pkce_verifier", "thumbprint"});
  VarSpec var{name.value, VarSpec::Kind::literal, {}, 0, name.where};
  const int kinds = static_cast<int>(reader.has("random")) +
                    static_cast<int>(reader.has("pkce_verifier")) +
                    static_cast<int>(reader.has("thumbprint"));
  if (kinds != 1) {
    throw LoadError(reader.location(),
                    "variable '" + name.value +
                        "' needs exactly one of 'random', 'pkce_verifier' or 'thumbprint'");
  }
  if (reader.has("thumbprint")) {
    return read_thumbprint_var(name, reader);
  }
  if (reader.has("random")) {
    var.kind = VarSpec::Kind::random;
    const long length = *reader.optional_int("random");
    if (length < 1 || length > k_max_random_length) {
      throw LoadError(reader.location_of_key("random"),
                      "'random' must be between 1 and " + std::to_string(k_max_random_length));
    }
    var.length = static_cast<int>(length);
  } else {
    if (!reader.optional_bool("pkce_verifier", false)) {
      throw LoadError(reader.location_of_key("pkce_verifier"), "'pkce_verifier' must be true");
    }
    var.kind = VarSpec::Kind::pkce_verifier;
  }
  return var;
}

}  // namespace

std::vector<VarSpec> read_vars(MapReader& kase) {
  const auto node = kase.optional_node("vars");
  if (!node) {
    return {};
  }
  MapReader reader(*node, kase.file(), "vars");
  std::vector<VarSpec> vars;
  for (const auto& name : reader.keys()) {
    const Located located{name, reader.location_of_key(name)};
    check_variable_name(located);
    const YAML::Node value = *reader.optional_node(name);
    if (value.IsMap()) {
      vars.push_back(read_generated_var(located, value, kase.file()));
    } else if (value.IsScalar()) {
      vars.push_back({name,
                      VarSpec::Kind::literal,
                      read_text(value, kase.file(), "'" + name + "'"),
                      0,
                      located.where});
    } else {
      throw LoadError(value.IsNull() ? located.where : location_of(value, kase.file()),
                      "variable '" + name +
                          "' must be a string, { random: N }, { pkce_verifier: true } or { "
                          "thumbprint: <pem> }");
    }
  }
  return vars;
}

}  // namespace parity::load
