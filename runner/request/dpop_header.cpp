#include "request/dpop_header.hpp"

#include "crypto/dpop_proof.hpp"
#include "crypto/key_cache.hpp"
#include "crypto/random.hpp"

#include <chrono>
#include <stdexcept>

namespace parity::run {
namespace {

constexpr std::size_t k_jti_length = 32;

std::string alg_for(const crypto::Key& key) {
  return key.type() == crypto::Key::Type::ec ? "ES256" : "PS256";
}

}  // namespace

nlohmann::json dpop_claims(const DpopSpec& spec,
                           const std::string& method,
                           const std::string& url,
                           const eval::Vars& vars) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto text = [&](const std::optional<Text>& override_text, std::string fallback) {
    return override_text ? vars.render(*override_text) : std::move(fallback);
  };
  nlohmann::json claims = {
      {"jti", text(spec.jti, crypto::random_token(k_jti_length))},
      {"htm", text(spec.htm, method)},
      {"htu", text(spec.htu, crypto::dpop_htu(url))},
      {"iat", now + spec.iat_offset.value_or(0)},
  };
  if (spec.nonce) {
    claims["nonce"] = vars.render(*spec.nonce);
  }
  if (spec.ath) {
    claims["ath"] = crypto::dpop_ath(vars.render(*spec.ath));
  }
  for (const ClaimOverride& claim : spec.claims) {
    claims[claim.name] = vars.render_json(claim.value);
  }
  for (const std::string& name : spec.omit_claims) {
    claims.erase(name);
  }
  return claims;
}

std::string make_dpop_header(const DpopSpec& spec,
                             const std::string& method,
                             const std::string& url,
                             const Profile& profile,
                             const eval::Vars& vars) {
  if (spec.raw) {
    return vars.render(*spec.raw);
  }
  if (!spec.key_path && profile.dpop_key.empty()) {
    throw std::runtime_error("profile '" + profile.id + "' has no dpop_key for a DPoP proof");
  }
  const crypto::Key key = crypto::cached_key(spec.key_path.value_or(profile.dpop_key));
  const std::string fallback =
      spec.key_path || profile.dpop_alg.empty() ? alg_for(key) : profile.dpop_alg;
  const std::string proof = crypto::sign_dpop_proof(key,
                                                    spec.alg.value_or(fallback),
                                                    spec.typ.value_or(crypto::k_dpop_typ),
                                                    dpop_claims(spec, method, url, vars));
  return spec.tamper_signature ? crypto::tamper_jws_signature(proof) : proof;
}

}  // namespace parity::run
