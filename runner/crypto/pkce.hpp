#pragma once

#include <string>
#include <string_view>

namespace parity::crypto {

/// RFC 7636 §4.1: a fresh code_verifier, base64url of 32 random octets (43 characters).
std::string make_code_verifier();
/// RFC 7636 §4.2: S256 code_challenge = base64url(SHA-256(ASCII(verifier))).
std::string s256_challenge(std::string_view verifier);
/// RFC 7636 §4.1 code_verifier and §4.2 code_challenge share one ABNF: 43–128 characters
/// from [A-Za-z0-9-._~].
bool is_valid_pkce_value(std::string_view value);

}  // namespace parity::crypto
