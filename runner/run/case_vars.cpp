#include "run/case_vars.hpp"

#include "crypto/key_cache.hpp"
#include "crypto/pkce.hpp"
#include "crypto/random.hpp"

#include <chrono>

namespace parity::run {
namespace {

constexpr std::size_t k_state_length = 16;

std::string scalar_text(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

void seed_case_var(eval::Vars& vars, const VarSpec& var) {
  switch (var.kind) {
    case VarSpec::Kind::literal:
      vars.set(var.name, vars.render(var.value));
      break;
    case VarSpec::Kind::random:
      vars.set(var.name, crypto::random_token(static_cast<std::size_t>(var.length)));
      break;
    case VarSpec::Kind::pkce_verifier:
      vars.set(var.name, crypto::make_code_verifier());
      break;
    case VarSpec::Kind::thumbprint:
      vars.set(var.name, crypto::cached_key(var.value.raw).thumbprint());
      break;
  }
}

}  // namespace

eval::Vars seed_vars(const Case& spec, const Profile& profile, const Client& case_client) {
  eval::Vars vars;
  vars.set("issuer", profile.issuer);
  vars.set("endpoints.par", profile.endpoints.par);
  vars.set("endpoints.authorization", profile.endpoints.authorization);
  vars.set("endpoints.token", profile.endpoints.token);
  vars.set("metadata_url", profile.metadata_url);
  for (const auto& [name, value] : profile.policies) {
    vars.set("policy." + name, scalar_text(value));
  }
  bind_client(vars, case_client);
  vars.set("state", crypto::random_token(k_state_length));
  vars.set("nonce", crypto::random_token(k_state_length));
  const std::string verifier = crypto::make_code_verifier();
  vars.set("pkce.verifier", verifier);
  vars.set("pkce.challenge", crypto::s256_challenge(verifier));
  set_now(vars);
  if (!profile.dpop_key.empty()) {
    vars.set("dpop.jkt", crypto::cached_key(profile.dpop_key).thumbprint());
  }
  for (const auto& [name, value] : profile.variables) {
    vars.set(name, value);  // --variable: over the profile's values and the case's vars
  }
  for (const VarSpec& var : spec.vars) {
    if (!profile.variables.contains(var.name)) {
      seed_case_var(vars, var);
    }
  }
  return vars;
}

void bind_client(eval::Vars& vars, const Client& client) {
  vars.set("client.id", client.id);
  vars.set("client.redirect_uri",
           client.redirect_uris.empty() ? std::string() : client.redirect_uris.front());
  vars.set("client.scope", client.scope);
  vars.set("client.name", client.name);
}

void set_now(eval::Vars& vars) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  vars.set("now", std::to_string(now.count()));
}

http::Redactor profile_redactor(const Profile& profile) {
  http::Redactor redactor;
  for (const Client& client : profile.clients) {
    if (!client.secret.empty()) {
      redactor.add_secret(client.secret);
      redactor.add_basic_credentials(client.id, client.secret);
    }
  }
  return redactor;
}

}  // namespace parity::run
