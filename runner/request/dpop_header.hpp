#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace parity::run {

/// RFC 9449 §4.2: the claims of a DPoP proof for a `method` request to `url`: a random jti,
/// htm = `method`, htu = `url` without query and fragment, iat = now; nonce (§8) and ath
/// (§4.2, the SHA-256 of the rendered access token) when `spec` gives them; then
/// `spec`'s overrides (htm, htu, jti, iat_offset, claims, rendered with `vars`) and
/// omit_claims.
nlohmann::json dpop_claims(const DpopSpec& spec,
                           const std::string& method,
                           const std::string& url,
                           const eval::Vars& vars);

/// The value of the `DPoP` header (RFC 9449 §4.1): `spec.raw` rendered as is, or a proof
/// with dpop_claims signed by `spec.key_path` (alg from `spec.alg`, else ES256 for EC and
/// PS256 for RSA) or the profile's dpop_key (alg from `spec.alg`, else the profile's
/// dpop_alg); header typ dpop+jwt (or `spec.typ`), alg and the key's public jwk.
/// `tamper_signature` breaks the signature. Throws std::runtime_error when there is no key.
std::string make_dpop_header(const DpopSpec& spec,
                             const std::string& method,
                             const std::string& url,
                             const Profile& profile,
                             const eval::Vars& vars);

}  // namespace parity::run
