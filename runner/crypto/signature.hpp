#pragma once

#include <openssl/evp.h>

#include <optional>
#include <string>
#include <string_view>

// Private to parity_crypto: the EVP signing primitives behind the JWS functions.
namespace parity::crypto::detail {

/// The asymmetric JWS algorithms (RFC 7518 §3.1) this project signs and verifies.
enum class SignatureAlg { rs256, ps256, es256 };

/// Maps "RS256", "PS256", "ES256" to SignatureAlg; nullopt for anything else.
std::optional<SignatureAlg> parse_signature_alg(std::string_view alg);
/// Signs `data` with private key `pkey`; ES256 results are raw r||s (RFC 7518 §3.4).
/// Throws CryptoError on any OpenSSL failure.
std::string sign_data(EVP_PKEY& pkey, SignatureAlg alg, std::string_view data);
/// Verifies a JOSE-form `signature` over `data`; false on any failure.
bool verify_data(EVP_PKEY& pkey,
                 SignatureAlg alg,
                 std::string_view data,
                 std::string_view signature);

/// RFC 7518 §3.4: DER ECDSA-Sig-Value to r||s, each left-padded to `half` octets;
/// nullopt when `der` is not a DER signature or a value does not fit.
std::optional<std::string> ecdsa_der_to_raw(std::string_view der, std::size_t half);
/// RFC 7518 §3.4: r||s (even length) to a DER ECDSA-Sig-Value; nullopt for odd or empty input.
std::optional<std::string> ecdsa_raw_to_der(std::string_view raw);

}  // namespace parity::crypto::detail
