#include "crypto/openssl_util.hpp"

#include "crypto/error.hpp"

#include <openssl/err.h>

#include <algorithm>
#include <array>

namespace parity::crypto::detail {

std::string last_openssl_error() {
  std::string text;
  while (const unsigned long code = ERR_get_error()) {
    std::array<char, 256> buffer{};
    ERR_error_string_n(code, buffer.data(), buffer.size());
    if (!text.empty()) {
      text += "; ";
    }
    text += buffer.data();
  }
  return text.empty() ? "unknown error" : text;
}

void throw_openssl_error(const std::string& what) {
  throw CryptoError(what + ": " + last_openssl_error());
}

std::string bignum_bytes(const BIGNUM& bn, std::size_t width) {
  const auto size = static_cast<std::size_t>(BN_num_bytes(&bn));
  std::string bytes(std::max(size, width), '\0');
  if (BN_bn2binpad(&bn,
                   reinterpret_cast<unsigned char*>(bytes.data()),
                   static_cast<int>(bytes.size())) < 0) {
    throw_openssl_error("BN_bn2binpad failed");
  }
  return bytes;
}

BignumPtr bignum_from_bytes(std::string_view bytes) {
  BignumPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                         static_cast<int>(bytes.size()),
                         nullptr));
  if (!bn) {
    throw_openssl_error("BN_bin2bn failed");
  }
  return bn;
}

}  // namespace parity::crypto::detail
