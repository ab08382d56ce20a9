#pragma once

#include "crypto/key.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace parity::crypto {

/// RFC 9449 §4.2: the DPoP proof `typ` header value.
inline constexpr const char* k_dpop_typ = "dpop+jwt";

/// RFC 9449 §4.2 (htu): `url` without its query and fragment.
std::string dpop_htu(std::string_view url);

/// RFC 9449 §4.2 (ath): base64url of the SHA-256 of the ASCII access token.
std::string dpop_ath(std::string_view access_token);

/// RFC 9449 §4.2: a DPoP proof with header {typ, alg, jwk} — `jwk` being the public JWK of
/// `key`, never its private part — and `claims` as the payload, signed with `key` using `alg`
/// (RS256, PS256, ES256) or unsigned for "none". Throws CryptoError when the key is public
/// or does not fit `alg`.
std::string sign_dpop_proof(const Key& key,
                            const std::string& alg,
                            const std::string& typ,
                            const nlohmann::json& claims);

/// Returns `compact` (a JWS) with its signature altered so that it no longer verifies: the
/// first signature byte has its low bit flipped, still canonical base64url (RFC 4648 §5); an
/// empty signature becomes one zero byte ("AA"). A string that is not three dot-separated
/// parts comes back unchanged.
std::string tamper_jws_signature(std::string_view compact);

}  // namespace parity::crypto
