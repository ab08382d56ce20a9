#include "crypto/openssl_util.hpp"
#include "crypto/signature.hpp"

#include <openssl/ec.h>

#include <limits>
#include <memory>

namespace parity::crypto::detail {
namespace {

using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

}  // namespace

std::optional<std::string> ecdsa_der_to_raw(std::string_view der, std::size_t half) {
  if (der.size() > static_cast<std::size_t>(std::numeric_limits<long>::max())) {
    return std::nullopt;
  }
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  const EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size())));
  // Trailing bytes after the SEQUENCE mean it was not one DER signature.
  if (!sig || cursor != reinterpret_cast<const unsigned char*>(der.data() + der.size())) {
    return std::nullopt;
  }
  const BIGNUM* r = ECDSA_SIG_get0_r(sig.get());
  const BIGNUM* s = ECDSA_SIG_get0_s(sig.get());
  if (static_cast<std::size_t>(BN_num_bytes(r)) > half ||
      static_cast<std::size_t>(BN_num_bytes(s)) > half) {
    return std::nullopt;
  }
  return bignum_bytes(*r, half) + bignum_bytes(*s, half);
}

std::optional<std::string> ecdsa_raw_to_der(std::string_view raw) {
  if (raw.empty() || raw.size() % 2 != 0) {
    return std::nullopt;
  }
  const std::size_t half = raw.size() / 2;
  EcdsaSigPtr sig(ECDSA_SIG_new());
  BignumPtr r = bignum_from_bytes(raw.substr(0, half));
  BignumPtr s = bignum_from_bytes(raw.substr(half));
  if (!sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
    return std::nullopt;
  }
  // ECDSA_SIG_set0 took ownership of r and s.
  static_cast<void>(r.release());
  static_cast<void>(s.release());
  unsigned char* out = nullptr;
  const int size = i2d_ECDSA_SIG(sig.get(), &out);
  if (size <= 0) {
    return std::nullopt;
  }
  std::string der(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
  OPENSSL_free(out);
  return der;
}

}  // namespace parity::crypto::detail
