#include "load/request_loader.hpp"

#include "load/checks.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {
namespace {

const std::vector<std::string> k_request_keys{"client",
                                              "auth",
                                              "secret",
                                              "params",
                                              "omit",
                                              "duplicate",
                                              "query",
                                              "headers",
                                              "method",
                                              "content_type",
                                              "body",
                                              "url",
                                              "assertion",
                                              "request_object",
                                              "dpop",
                                              "tls_client_cert",
                                              "login"};
const std::vector<std::string> k_assertion_keys{
    "client_assertion_type", "key", "alg", "iss", "sub", "aud", "jti", "exp", "iat", "omit"};
const std::vector<std::string> k_assertion_algs{"RS256", "PS256", "ES256", "HS256", "none"};
// RFC 7523 §3 and OIDC Core §9: the claims of the default client assertion.
const std::vector<std::string> k_assertion_claims{"iss", "sub", "aud", "jti", "exp", "iat"};
const std::vector<std::string> k_request_object_keys{"alg",
                                                     "key",
                                                     "typ",
                                                     "claims",
                                                     "omit_claims",
                                                     "exp_offset",
                                                     "nbf_offset",
                                                     "iat_offset",
                                                     "outer",
                                                     "tamper_signature",
                                                     "only_request"};
const std::vector<std::string> k_dpop_keys{"alg",
                                           "key",
                                           "typ",
                                           "htm",
                                           "htu",
                                           "iat_offset",
                                           "jti",
                                           "nonce",
                                           "ath",
                                           "claims",
                                           "omit_claims",
                                           "raw",
                                           "tamper_signature"};
// RFC 9449 §4.2: a DPoP proof is signed with an asymmetric key whose public JWK it carries.
const std::vector<std::string> k_dpop_algs{"RS256", "PS256", "ES256", "none"};
// RFC 9110 §5.6.2 token: method and header names.
constexpr const char* k_token_pattern = "[-!#$%&'*+.^_`|~0-9A-Za-z]+";

// Appends `name` once per value: a string, or each string of a non-empty list.
void add_pair(TextPairs& pairs,
              const Located& name,
              const YAML::Node& value,
              const std::string& key,
              const std::string& file) {
  const std::string what = "'" + name.value + "' in '" + key + "'";
  if (value.IsSequence() && value.size() > 0) {
    for (const auto& item : value) {
      pairs.emplace_back(name.value, read_text(item, file, "each value of " + what));
    }
  } else if (value.IsScalar()) {
    pairs.emplace_back(name.value, read_text(value, file, what));
  } else {
    throw LoadError(value.IsNull() ? name.where : location_of(value, file),
                    what + " must be a string or a non-empty list of strings");
  }
}

void check_pair_name(const Located& name, const std::string& key, bool header_name) {
  if (name.value.empty()) {
    throw LoadError(name.where, "empty name in '" + key + "'");
  }
  if (header_name) {
    require_pattern(name, k_token_pattern, "header name", "an RFC 9110 token");
  }
}

// A map of name → string or list of strings; a list repeats the name once per value.
TextPairs read_pairs(MapReader& request, const std::string& key, bool header_names) {
  TextPairs pairs;
  const auto node = request.optional_node(key);
  if (!node) {
    return pairs;
  }
  MapReader reader(*node, request.file(), "'" + key + "'");
  for (const auto& name : reader.keys()) {
    const Located located{name, reader.location_of_key(name)};
    check_pair_name(located, key, header_names);
    add_pair(pairs, located, *reader.optional_node(name), key, reader.file());
  }
  return pairs;
}

std::vector<std::string> read_names(MapReader& reader, const std::string& key) {
  std::vector<std::string> names;
  for (const auto& item : optional_scalar_list(reader, key)) {
    if (item.value.empty()) {
      throw LoadError(item.where, "empty name in '" + key + "'");
    }
    names.push_back(item.value);
  }
  return names;
}

void read_transport(MapReader& reader, RequestSpec& spec) {
  if (const auto method = optional_scalar(reader, "method")) {
    require_pattern(*method, k_token_pattern, "HTTP method", "an RFC 9110 token such as POST");
    spec.method = method->value;
  }
  if (const auto content_type = optional_scalar(reader, "content_type")) {
    spec.content_type = content_type->value;
  }
  spec.url = optional_text(reader, "url");
  spec.body = optional_text(reader, "body");
  spec.query = read_pairs(reader, "query", false);
  spec.headers = read_pairs(reader, "headers", true);
}

void read_key(MapReader& reader, AssertionSpec& spec) {
  if (const auto key = optional_scalar(reader, "key")) {
    const std::string path = resolve_path(reader.file(), key->value);
    check_private_key(path, key->where);
    spec.key_path = path;
  }
}

// A key path resolved against the suite file; the key must be a private key that fits `alg`.
std::optional<std::string> read_signing_key(MapReader& reader,
                                            const std::optional<Located>& alg,
                                            const std::string& what) {
  const auto key = optional_scalar(reader, "key");
  if (!key) {
    return std::nullopt;
  }
  const std::string path = resolve_path(reader.file(), key->value);
  const std::string type = check_private_key(path, key->where);
  if (alg && alg->value != "none" && alg->value != "HS256" &&
      (alg->value == "ES256") != (type == "ec")) {
    throw LoadError(alg->where,
                    what + " alg " + alg->value + " does not fit the " +
                        (type == "ec" ? "EC" : "RSA") + " key " + key->value);
  }
  return path;
}

std::optional<Located> read_alg(MapReader& reader, const std::vector<std::string>& algs) {
  auto alg = optional_scalar(reader, "alg");
  if (alg) {
    require_choice(*alg, algs, "alg");
  }
  return alg;
}

std::vector<ClaimOverride> read_claims(MapReader& parent) {
  std::vector<ClaimOverride> claims;
  const auto node = parent.optional_node("claims");
  if (!node) {
    return claims;
  }
  MapReader reader(*node, parent.file(), "'claims'");
  for (const auto& name : reader.keys()) {
    const SourceLocation where = reader.location_of_key(name);
    if (name.empty()) {
      throw LoadError(where, "empty claim name in 'claims'");
    }
    const YAML::Node value = *reader.optional_node(name);
    ClaimOverride claim{
        name, to_json(value), value.IsNull() ? where : location_of(value, parent.file())};
    check_json_templates(claim.value, claim.where);
    claims.push_back(std::move(claim));
  }
  return claims;
}

std::vector<std::string> read_claim_names(MapReader& reader) {
  std::vector<std::string> names;
  for (const auto& item : optional_scalar_list(reader, "omit_claims")) {
    if (item.value.empty()) {
      throw LoadError(item.where, "empty name in 'omit_claims'");
    }
    names.push_back(item.value);
  }
  return names;
}

RequestObjectSpec read_request_object(const YAML::Node& node, const std::string& file) {
  RequestObjectSpec spec;
  if (node.IsNull()) {
    return spec;
  }
  MapReader reader(node, file, "request_object");
  allow_keys(reader, k_request_object_keys);
  const auto alg = read_alg(reader, k_assertion_algs);
  if (alg) {
    spec.alg = alg->value;
  }
  spec.key_path = read_signing_key(reader, alg, "request_object");
  if (const auto typ = optional_scalar(reader, "typ")) {
    spec.typ = typ->value;
  }
  spec.claims = read_claims(reader);
  spec.omit_claims = read_claim_names(reader);
  spec.exp_offset = reader.optional_int("exp_offset");
  spec.nbf_offset = reader.optional_int("nbf_offset");
  spec.iat_offset = reader.optional_int("iat_offset");
  spec.outer = read_pairs(reader, "outer", false);
  spec.tamper_signature = reader.optional_bool("tamper_signature", false);
  spec.only_request = reader.optional_bool("only_request", false);
  return spec;
}

DpopSpec read_dpop(const YAML::Node& node, const std::string& file) {
  DpopSpec spec;
  if (node.IsNull()) {
    return spec;
  }
  MapReader reader(node, file, "dpop");
  allow_keys(reader, k_dpop_keys);
  spec.raw = optional_text(reader, "raw");
  if (spec.raw && reader.keys().size() > 1) {
    throw LoadError(spec.raw->where, "'raw' replaces the whole proof: give no other dpop key");
  }
  const auto alg = read_alg(reader, k_dpop_algs);
  if (alg) {
    spec.alg = alg->value;
  }
  spec.key_path = read_signing_key(reader, alg, "dpop");
  if (const auto typ = optional_scalar(reader, "typ")) {
    spec.typ = typ->value;
  }
  spec.htm = optional_text(reader, "htm");
  spec.htu = optional_text(reader, "htu");
  spec.jti = optional_text(reader, "jti");
  spec.nonce = optional_text(reader, "nonce");
  spec.ath = optional_text(reader, "ath");
  spec.iat_offset = reader.optional_int("iat_offset");
  spec.claims = read_claims(reader);
  spec.omit_claims = read_claim_names(reader);
  spec.tamper_signature = reader.optional_bool("tamper_signature", false);
  return spec;
}

// RFC 9126 §3 (push) and RFC 9101 §5 (authorize) take request objects; RFC 9449 §5 (token)
// and the PAR endpoint (RFC 9449 §10.1) take DPoP proofs.
void read_extensions(MapReader& reader, RequestSpec& spec, const std::string& kind) {
  if (const auto node = reader.optional_node("request_object")) {
    if (kind != "push" && kind != "authorize") {
      throw LoadError(reader.location_of_key("request_object"),
                      "'request_object' is only allowed on push and authorize steps");
    }
    spec.request_object = read_request_object(*node, reader.file());
    spec.request_object->where = reader.location_of_key("request_object");
  }
  if (const auto node = reader.optional_node("dpop")) {
    if (kind != "push" && kind != "token") {
      throw LoadError(reader.location_of_key("dpop"),
                      "'dpop' is only allowed on push and token steps");
    }
    spec.dpop = read_dpop(*node, reader.file());
    spec.dpop->where = reader.location_of_key("dpop");
  }
}

// suites/README.md, "TLS client certificates": none | self_signed_copy | { client: <selector> }.
TlsCertificateSpec read_tls_client_cert(MapReader& reader, const std::string& kind) {
  const SourceLocation where = reader.location_of_key("tls_client_cert");
  if (kind != "push" && kind != "token") {
    throw LoadError(where, "'tls_client_cert' is only allowed on push and token steps");
  }
  const YAML::Node node = *reader.optional_node("tls_client_cert");
  TlsCertificateSpec spec;
  spec.where = where;
  if (node.IsMap()) {
    MapReader inner(node, reader.file(), "tls_client_cert");
    allow_keys(inner, {"client"});
    const Located client = required_scalar(inner, "client");
    check_client_selector(client);
    spec.kind = TlsCertificateSpec::Kind::client;
    spec.client = client.value;
    inner.finish();
    return spec;
  }
  const auto value = optional_scalar(reader, "tls_client_cert");
  require_choice(*value, {"none", "self_signed_copy"}, "tls_client_cert");
  spec.kind = value->value == "none" ? TlsCertificateSpec::Kind::none
                                     : TlsCertificateSpec::Kind::self_signed_copy;
  return spec;
}

}  // namespace

AssertionSpec read_assertion_spec(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "assertion");
  allow_keys(reader, k_assertion_keys);
  AssertionSpec spec;
  spec.where = reader.location();
  spec.client_assertion_type = optional_text(reader, "client_assertion_type");
  read_key(reader, spec);
  if (const auto alg = optional_scalar(reader, "alg")) {
    require_choice(*alg, k_assertion_algs, "alg");
    spec.alg = alg->value;
  }
  spec.iss = optional_text(reader, "iss");
  spec.sub = optional_text(reader, "sub");
  spec.aud = optional_text(reader, "aud");
  spec.jti = optional_text(reader, "jti");
  spec.exp_offset = reader.optional_int("exp");
  spec.iat_offset = reader.optional_int("iat");
  for (const auto& claim : optional_scalar_list(reader, "omit")) {
    require_choice(claim, k_assertion_claims, "claim");
    spec.omit_claims.push_back(claim.value);
  }
  return spec;
}

RequestSpec read_request(const YAML::Node& node, const std::string& file, const std::string& kind) {
  RequestSpec spec;
  if (node.IsNull()) {
    return spec;
  }
  MapReader reader(node, file, kind);
  allow_keys(reader, k_request_keys);
  if (const auto client = optional_scalar(reader, "client")) {
    check_client_selector(*client);
    spec.client = client->value;
  }
  if (const auto auth = optional_scalar(reader, "auth")) {
    spec.auth = read_auth_method(*auth);
  }
  spec.secret = optional_text(reader, "secret");
  spec.params = read_pairs(reader, "params", false);
  spec.omit = read_names(reader, "omit");
  spec.duplicate = read_names(reader, "duplicate");
  read_transport(reader, spec);
  if (const auto assertion = reader.optional_node("assertion")) {
    spec.assertion = read_assertion_spec(*assertion, file);
  }
  read_extensions(reader, spec, kind);
  if (reader.has("tls_client_cert")) {
    spec.tls_client_cert = read_tls_client_cert(reader, kind);
  }
  if (reader.has("login")) {
    // suites/README.md, "Completing an authorization".
    if (kind != "authorize") {
      throw LoadError(reader.location_of_key("login"), "'login' applies only to authorize steps");
    }
    spec.login = reader.optional_bool("login", false);
  }
  return spec;
}

}  // namespace parity::load
