#include "request/request_object.hpp"

#include "crypto/dpop_proof.hpp"
#include "crypto/jws.hpp"
#include "crypto/key_cache.hpp"
#include "crypto/random.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>

namespace parity::run {
namespace {

constexpr long k_default_lifetime_s = 60;
constexpr std::size_t k_jti_length = 32;

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// RFC 9396 §3 (authorization_details) and OIDC Core §5.5 (claims) are JSON-valued.
nlohmann::json claim_value(const std::string& name, const std::string& value) {
  if (name == "authorization_details" || name == "claims") {
    nlohmann::json parsed = nlohmann::json::parse(value, nullptr, false);
    if (!parsed.is_discarded() && parsed.is_structured()) {
      return parsed;
    }
  }
  return value;
}

void add_claim(nlohmann::json& claims, const std::string& name, nlohmann::json value) {
  if (!claims.contains(name)) {
    claims[name] = std::move(value);
    return;
  }
  nlohmann::json& existing = claims[name];
  if (!existing.is_array() || name == "authorization_details") {
    existing = nlohmann::json::array({existing});
  }
  existing.push_back(std::move(value));
}

struct Signer {
  std::optional<crypto::Key> key;
  std::string alg;
  bool client_key = false;  // signs with the client's own key: the header names its kid
};

Signer choose_signer(const RequestObjectSpec& spec, const Client& client) {
  if (spec.key_path) {
    crypto::Key key = crypto::cached_key(*spec.key_path);
    const std::string fallback = key.type() == crypto::Key::Type::ec ? "ES256" : "RS256";
    return {std::move(key), spec.alg.value_or(fallback), false};
  }
  const bool key_client = !client.private_key_path.empty() && client.signing_alg != "HS256" &&
                          !uses_secret(client.auth_method);
  std::string alg = spec.alg.value_or(key_client ? client.signing_alg : "HS256");
  if (alg == "none" || alg == "HS256") {
    return {std::nullopt, alg, false};
  }
  if (client.private_key_path.empty()) {
    throw std::runtime_error("client '" + client.name + "' has no private key for a " + alg +
                             " request object");
  }
  crypto::Key key = crypto::cached_key(client.private_key_path);
  if (alg.empty()) {
    alg = key.type() == crypto::Key::Type::ec ? "ES256" : "RS256";
  }
  return {std::move(key), alg, true};
}

}  // namespace

nlohmann::json request_object_claims(const RequestObjectSpec& spec,
                                     const http::Params& params,
                                     const Client& client,
                                     const eval::Vars& vars) {
  nlohmann::json claims = nlohmann::json::object();
  for (const auto& [name, value] : params) {
    add_claim(claims, name, claim_value(name, value));
  }
  const long long now = now_seconds();
  claims["iss"] = client.id;
  claims["aud"] = vars.at("issuer");
  claims["iat"] = now + spec.iat_offset.value_or(0);
  claims["nbf"] = now + spec.nbf_offset.value_or(0);
  claims["exp"] = now + spec.exp_offset.value_or(k_default_lifetime_s);
  claims["jti"] = crypto::random_token(k_jti_length);
  for (const ClaimOverride& claim : spec.claims) {
    claims[claim.name] = vars.render_json(claim.value);
  }
  for (const std::string& name : spec.omit_claims) {
    claims.erase(name);
  }
  return claims;
}

std::string make_request_object(const RequestObjectSpec& spec,
                                const http::Params& params,
                                const Client& client,
                                const eval::Vars& vars) {
  const Signer signer = choose_signer(spec, client);
  const nlohmann::json claims = request_object_claims(spec, params, client, vars);
  nlohmann::json header = {{"alg", signer.alg}, {"typ", spec.typ.value_or(k_request_object_typ)}};
  std::string jwt;
  if (signer.alg == "none") {
    jwt = crypto::unsigned_jws(header, claims);
  } else if (signer.alg == "HS256") {
    if (client.secret.empty()) {
      throw std::runtime_error("client '" + client.name +
                               "' has no secret for an HS256 request object");
    }
    jwt = crypto::sign_jws_hmac(header, claims, client.secret);
  } else {
    if (signer.client_key && !client.key_id.empty()) {
      header["kid"] = client.key_id;
    }
    jwt = crypto::sign_jws(header, claims, *signer.key, signer.alg);
  }
  return spec.tamper_signature ? crypto::tamper_jws_signature(jwt) : jwt;
}

http::Params request_object_form(const RequestObjectSpec& spec,
                                 const http::Params& params,
                                 const http::Params& auth_params,
                                 const std::string& jwt,
                                 const eval::Vars& vars) {
  http::Params form;
  const std::optional<std::string> client_id = http::find_param(params, "client_id");
  if (client_id && !spec.only_request) {
    form.emplace_back("client_id", *client_id);
  }
  for (const auto& pair : auth_params) {
    const bool skipped = spec.only_request && pair.first == "client_id";
    if (!skipped && !http::find_param(form, pair.first)) {
      form.push_back(pair);
    }
  }
  form.emplace_back("request", jwt);
  for (const auto& [name, text] : spec.outer) {
    // clang 14 (the sanitizer build) cannot capture a structured binding in a lambda.
    std::erase_if(form,
                  [&outer_name = name](const auto& pair) { return pair.first == outer_name; });
  }
  for (const auto& [name, text] : spec.outer) {
    form.emplace_back(name, vars.render(text));
  }
  return form;
}

}  // namespace parity::run
