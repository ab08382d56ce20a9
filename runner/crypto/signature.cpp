#include "crypto/signature.hpp"

#include "crypto/openssl_util.hpp"

#include <openssl/err.h>
#include <openssl/rsa.h>

namespace parity::crypto::detail {
namespace {

constexpr std::size_t k_p256_half = 32;
constexpr int k_pss_salt_length = 32;  // RFC 7518 §3.5: salt as long as the SHA-256 output

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

// Chooses the RSA padding (RFC 7518 §3.3 PKCS#1 v1.5, §3.5 PSS with MGF1-SHA-256).
bool configure_padding(EVP_PKEY_CTX* pctx, SignatureAlg alg) {
  if (alg == SignatureAlg::rs256) {
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
  }
  if (alg == SignatureAlg::ps256) {
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, k_pss_salt_length) == 1 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256()) == 1;
  }
  return true;
}

}  // namespace

std::optional<SignatureAlg> parse_signature_alg(std::string_view alg) {
  if (alg == "RS256") {
    return SignatureAlg::rs256;
  }
  if (alg == "PS256") {
    return SignatureAlg::ps256;
  }
  if (alg == "ES256") {
    return SignatureAlg::es256;
  }
  return std::nullopt;
}

std::string sign_data(EVP_PKEY& pkey, SignatureAlg alg, std::string_view data) {
  ERR_clear_error();
  const MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  std::size_t size = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, EVP_sha256(), nullptr, &pkey) != 1 ||
      !configure_padding(pctx, alg) ||
      EVP_DigestSign(ctx.get(), nullptr, &size, bytes_of(data), data.size()) != 1) {
    throw_openssl_error("signing failed");
  }
  std::string signature(size, '\0');
  if (EVP_DigestSign(ctx.get(),
                     reinterpret_cast<unsigned char*>(signature.data()),
                     &size,
                     bytes_of(data),
                     data.size()) != 1) {
    throw_openssl_error("signing failed");
  }
  signature.resize(size);
  if (alg != SignatureAlg::es256) {
    return signature;
  }
  auto raw = ecdsa_der_to_raw(signature, k_p256_half);
  if (!raw) {
    throw_openssl_error("cannot convert the ECDSA signature to r||s");
  }
  return *raw;
}

bool verify_data(EVP_PKEY& pkey,
                 SignatureAlg alg,
                 std::string_view data,
                 std::string_view signature) {
  std::string der;
  if (alg == SignatureAlg::es256) {
    // RFC 7518 §3.4: exactly 64 octets; any other length is invalid, not "convertible".
    auto converted =
        signature.size() == 2 * k_p256_half ? ecdsa_raw_to_der(signature) : std::nullopt;
    if (!converted) {
      return false;
    }
    der = std::move(*converted);
    signature = der;
  }
  const MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  const bool valid =
      ctx && EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, &pkey) == 1 &&
      configure_padding(pctx, alg) &&
      EVP_DigestVerify(
          ctx.get(), bytes_of(signature), signature.size(), bytes_of(data), data.size()) == 1;
  ERR_clear_error();  // a bad signature is an answer, not an error to report later
  return valid;
}

}  // namespace parity::crypto::detail
