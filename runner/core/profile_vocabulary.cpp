#include "core/profile_vocabulary.hpp"

namespace parity {

std::string_view describe(PolicyType type) {
  switch (type) {
    case PolicyType::count:
      return "a non-negative integer";
    case PolicyType::seconds:
      return "a positive integer number of seconds";
    case PolicyType::bytes:
      return "a positive integer number of bytes";
    case PolicyType::text:
      return "a non-empty string";
    case PolicyType::pkce_method:
      return "plain or S256";
  }
  return "";
}

const std::vector<PolicyEntry>& known_policies() {
  static const std::vector<PolicyEntry> entries{
      {"min_state_length",
       PolicyType::count,
       "the provider rejects a state shorter than this (OAuth 2.0 leaves state's length to it)"},
      {"min_nonce_length", PolicyType::count, "the provider rejects a nonce shorter than this"},
      {"request_uri_lifetime",
       PolicyType::seconds,
       "the documented lifetime of a request_uri, compared with expires_in (RFC 9126 §2.2)"},
      {"code_lifetime", PolicyType::seconds, "the documented authorization code lifetime"},
      {"pkce_default_method",
       PolicyType::pkce_method,
       "the method a code_challenge without code_challenge_method is taken as"},
      {"max_request_bytes", PolicyType::bytes, "the largest push body the provider documents"},
      {"custom_parameter_prefix",
       PolicyType::text,
       "custom parameters must carry this prefix; others are ignored"},
      {"max_custom_parameters", PolicyType::count, "at most this many prefixed custom parameters"},
  };
  return entries;
}

const std::vector<CapabilityEntry>& known_capabilities() {
  static const std::vector<CapabilityEntry> entries{
      {"pkce_s256", "accepts PKCE with S256"},
      {"pkce_plain", "accepts PKCE with plain"},
      {"pkce_required", "rejects pushes without code_challenge"},
      {"public_clients", "has a public client (method none) usable with PAR"},
      {"discovery", "publishes RFC 8414 / OIDC metadata"},
      {"auto_login", "/authorize completes without user interaction"},
      {"login", "an authorization can be completed"},
      {"https", "reached over https (RFC 9126 §2); added by parity unless `transport: plain_http`"},
      {"jar", "accepts and validates signed Request Objects at the PAR endpoint"},
      {"dpop", "validates DPoP proofs and binds codes to the proof key"},
      {"rar", "validates authorization_details"},
      {"par_required", "requires PAR for every client"},
      {"fapi2", "held to the FAPI 2.0 Security Profile bounds"},
  };
  return entries;
}

const PolicyEntry* find_policy(std::string_view name) {
  for (const PolicyEntry& entry : known_policies()) {
    if (entry.name == name) {
      return &entry;
    }
  }
  return nullptr;
}

std::vector<std::string> policy_names() {
  std::vector<std::string> names;
  for (const PolicyEntry& entry : known_policies()) {
    names.emplace_back(entry.name);
  }
  return names;
}

std::vector<std::string> capability_names() {
  std::vector<std::string> names;
  for (const CapabilityEntry& entry : known_capabilities()) {
    names.emplace_back(entry.name);
  }
  return names;
}

}  // namespace parity
