#include "crypto/random.hpp"

#include "crypto/error.hpp"
#include "crypto/openssl_util.hpp"

#include <openssl/rand.h>

#include <limits>
#include <string_view>

namespace parity::crypto {
namespace {

constexpr std::string_view k_token_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

}  // namespace

std::string random_bytes(std::size_t count) {
  std::string bytes(count, '\0');
  if (count > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw CryptoError("random_bytes: too many bytes requested");
  }
  if (count > 0 &&
      RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    detail::throw_openssl_error("RAND_bytes failed");
  }
  return bytes;
}

std::string random_token(std::size_t length) {
  // Rejection sampling: only bytes below the largest multiple of 62 keep the draw unbiased.
  constexpr unsigned k_limit = 256 - 256 % k_token_alphabet.size();
  std::string token;
  token.reserve(length);
  while (token.size() < length) {
    for (const char c : random_bytes(length - token.size() + 8)) {
      const auto value = static_cast<unsigned char>(c);
      if (value < k_limit && token.size() < length) {
        token += k_token_alphabet[value % k_token_alphabet.size()];
      }
    }
  }
  return token;
}

}  // namespace parity::crypto
