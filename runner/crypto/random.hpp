#pragma once

#include <cstddef>
#include <string>

namespace parity::crypto {

/// `count` bytes from OpenSSL's CSPRNG (RAND_bytes); throws CryptoError if it fails.
std::string random_bytes(std::size_t count);
/// A random string of `length` characters from [A-Za-z0-9] (state, nonce, jti values).
std::string random_token(std::size_t length);

}  // namespace parity::crypto
