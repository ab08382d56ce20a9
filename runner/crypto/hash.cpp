#include "crypto/hash.hpp"

#include "crypto/openssl_util.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <memory>

namespace parity::crypto {
namespace {

using MacPtr = std::unique_ptr<EVP_MAC, detail::Deleter<EVP_MAC, EVP_MAC_free>>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, detail::Deleter<EVP_MAC_CTX, EVP_MAC_CTX_free>>;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

std::string sha256(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    detail::throw_openssl_error("SHA-256 failed");
  }
  return {reinterpret_cast<const char*>(digest.data()), size};
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  const MacPtr mac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
  const MacCtxPtr ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
  if (!ctx) {
    detail::throw_openssl_error("HMAC unavailable");
  }
  std::string digest_name = "SHA256";
  const std::array<OSSL_PARAM, 2> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name.data(), 0),
      OSSL_PARAM_construct_end()};
  // HMAC allows an empty key, but OpenSSL wants a non-null pointer for it.
  static const unsigned char k_empty = 0;
  const unsigned char* key_bytes = key.empty() ? &k_empty : bytes_of(key);
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  std::size_t size = 0;
  if (EVP_MAC_init(ctx.get(), key_bytes, key.size(), params.data()) != 1 ||
      EVP_MAC_update(ctx.get(), bytes_of(data), data.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out.data(), &size, out.size()) != 1) {
    detail::throw_openssl_error("HMAC-SHA-256 failed");
  }
  return {reinterpret_cast<const char*>(out.data()), size};
}

bool constant_time_equals(std::string_view a, std::string_view b) {
  // The length is not secret (signatures and MACs have fixed sizes); the contents are.
  if (a.size() != b.size()) {
    return false;
  }
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parity::crypto
