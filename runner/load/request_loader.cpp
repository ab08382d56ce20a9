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
                                              "assertion"};
const std::vector<std::string> k_assertion_keys{
    "client_assertion_type", "key", "alg", "iss", "sub", "aud", "jti", "exp", "iat", "omit"};
const std::vector<std::string> k_assertion_algs{"RS256", "PS256", "ES256", "HS256", "none"};
// RFC 7523 §3 and OIDC Core §9: the claims of the default client assertion.
const std::vector<std::string> k_assertion_claims{"iss", "sub", "aud", "jti", "exp", "iat"};
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
  return spec;
}

}  // namespace parity::load
