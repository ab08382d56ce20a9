#pragma once

#include "crypto/key.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace parity::crypto {

/// RFC 7515 compact serialisation signed with `key` using `alg` (RS256, PS256 or ES256;
/// ES256 signatures are raw r||s, RFC 7518 §3.4). `header` gets "alg" set to `alg`.
/// Throws CryptoError when the key does not fit the algorithm.
std::string sign_jws(nlohmann::json header,
                     const nlohmann::json& payload,
                     const Key& key,
                     const std::string& alg);
/// HS256 JWS with a shared secret (client_secret_jwt, RFC 7523 / OIDC Core §9).
std::string sign_jws_hmac(nlohmann::json header,
                          const nlohmann::json& payload,
                          std::string_view secret);
/// An unsecured JWS (`alg: none`, empty signature), RFC 7519 §6; for negative cases only.
std::string unsigned_jws(nlohmann::json header, const nlohmann::json& payload);

/// A compact JWS split into its parts; header and payload parsed as JSON objects.
struct DecodedJws {
  nlohmann::json header;
  nlohmann::json payload;
  std::string signing_input;  ///< base64url(header) "." base64url(payload)
  std::string signature;      ///< raw signature bytes
};

/// Splits and parses a compact JWS; nullopt when it is not three unpadded base64url parts
/// (RFC 7515 §2, §7.1) with JSON object header and payload. The signature may be empty.
std::optional<DecodedJws> decode_jws(std::string_view compact);
/// Verifies the signature with a public key for the header's alg (RS256, PS256, ES256).
/// False for any other alg (including "none"), a key of the wrong type, or a bad signature;
/// ES256 signatures must be exactly 64 octets r||s.
bool verify_jws(const DecodedJws& jws, const Key& key);
/// Verifies an HS256 signature with a shared secret (constant-time compare); false unless
/// the header's alg is exactly "HS256".
bool verify_jws_hmac(const DecodedJws& jws, std::string_view secret);

}  // namespace parity::crypto
