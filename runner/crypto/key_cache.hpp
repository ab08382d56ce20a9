#pragma once

#include "crypto/key.hpp"

#include <string>

namespace parity::crypto {

/// Returns the key in PEM file `path`, parsed once per process and shared by every thread
/// afterwards (request objects and DPoP proofs sign with the same few keys thousands of
/// times). Throws CryptoError as Key::from_pem_file does; failures are not cached.
Key cached_key(const std::string& path);

}  // namespace parity::crypto
