#pragma once

#include "crypto/key.hpp"
#include "crypto/openssl_util.hpp"

#include <nlohmann/json.hpp>

// Private to parity_crypto: what a Key holds, and the JWK conversions (key_jwk.cpp).
namespace parity::crypto {

/// The owned EVP_PKEY plus facts computed once when the key is loaded.
struct Key::Impl {
  detail::PkeyPtr pkey;
  Key::Type type = Key::Type::rsa;
  bool is_private = false;
};

namespace detail {

/// Builds an EVP_PKEY from an RSA or EC (P-256) JWK with EVP_PKEY_fromdata; throws CryptoError.
PkeyPtr pkey_from_jwk(const nlohmann::json& jwk);
/// The public JWK members of `pkey` (RFC 7518 §6.2.1 / §6.3.1); throws CryptoError.
nlohmann::json public_jwk_of(const EVP_PKEY& pkey, Key::Type type);

}  // namespace detail
}  // namespace parity::crypto
