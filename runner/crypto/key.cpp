#include "crypto/key.hpp"

#include "core/input_file.hpp"
#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/hash.hpp"
#include "crypto/key_impl.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <array>
#include <limits>

namespace parity::crypto {
namespace {

// Encrypted PEM keys are not supported; refusing here stops OpenSSL prompting on the terminal.
int refuse_passphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*user*/) {
  return -1;
}

detail::BioPtr memory_bio(std::string_view pem) {
  if (pem.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw CryptoError("PEM text too large");
  }
  detail::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) {
    detail::throw_openssl_error("BIO_new_mem_buf failed");
  }
  return bio;
}

detail::PkeyPtr read_pem(std::string_view pem) {
  ERR_clear_error();
  detail::PkeyPtr key(
      PEM_read_bio_PrivateKey(memory_bio(pem).get(), nullptr, refuse_passphrase, nullptr));
  if (!key) {
    key.reset(PEM_read_bio_PUBKEY(memory_bio(pem).get(), nullptr, refuse_passphrase, nullptr));
  }
  if (!key) {
    detail::throw_openssl_error("not a PEM private key or SPKI public key");
  }
  ERR_clear_error();  // the failed private-key attempt may have left entries
  return key;
}

bool has_bn_param(const EVP_PKEY& pkey, const char* name) {
  BIGNUM* raw = nullptr;
  const bool found = EVP_PKEY_get_bn_param(&pkey, name, &raw) == 1;
  const detail::BignumPtr owner(raw);
  ERR_clear_error();
  return found;
}

Key::Type key_type(const EVP_PKEY& pkey) {
  if (EVP_PKEY_is_a(&pkey, "RSA") != 0) {
    return Key::Type::rsa;
  }
  if (EVP_PKEY_is_a(&pkey, "EC") == 0) {
    throw CryptoError("unsupported key type (only RSA and EC P-256 keys are supported)");
  }
  std::array<char, 64> group{};
  if (EVP_PKEY_get_utf8_string_param(
          &pkey, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(), nullptr) != 1 ||
      std::string_view(group.data()) != "prime256v1") {
    throw CryptoError("unsupported EC curve '" + std::string(group.data()) + "' (only P-256)");
  }
  return Key::Type::ec;
}

// Fills in what the rest of Key needs to know; a template because Key::Impl is private.
template <typename Impl>
std::shared_ptr<Impl> describe(detail::PkeyPtr pkey) {
  auto impl = std::make_shared<Impl>();
  impl->type = key_type(*pkey);
  impl->is_private = has_bn_param(
      *pkey, impl->type == Key::Type::rsa ? OSSL_PKEY_PARAM_RSA_D : OSSL_PKEY_PARAM_PRIV_KEY);
  impl->pkey = std::move(pkey);
  return impl;
}

}  // namespace

Key::Key(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Key Key::from_pem(std::string_view pem) {
  return Key(describe<Impl>(read_pem(pem)));
}

Key Key::from_pem_file(const std::string& path) {
  std::string text;
  try {
    text = read_input_file(path, k_max_pem_file_bytes);
  } catch (const InputFileError& error) {
    throw CryptoError(path + ": cannot read key file: " + error.what());
  }
  try {
    return from_pem(text);
  } catch (const CryptoError& error) {
    throw CryptoError(path + ": " + error.what());
  }
}

Key Key::from_jwk(const nlohmann::json& jwk) {
  return Key(describe<Impl>(detail::pkey_from_jwk(jwk)));
}

Key::Type Key::type() const {
  return m_impl->type;
}

bool Key::is_private() const {
  return m_impl->is_private;
}

nlohmann::json Key::public_jwk() const {
  return detail::public_jwk_of(*m_impl->pkey, m_impl->type);
}

std::string Key::thumbprint() const {
  // RFC 7638 §3.2: only the required members, sorted, no whitespace. nlohmann::json objects
  // keep keys sorted and dump() without an indent emits no whitespace; the values are
  // base64url or fixed names, so no escaping differences can arise.
  const nlohmann::json jwk = public_jwk();
  const nlohmann::json required =
      m_impl->type == Type::rsa
          ? nlohmann::json{{"e", jwk.at("e")}, {"kty", "RSA"}, {"n", jwk.at("n")}}
          : nlohmann::json{
                {"crv", jwk.at("crv")}, {"kty", "EC"}, {"x", jwk.at("x")}, {"y", jwk.at("y")}};
  return base64url_encode(sha256(required.dump()));
}

void* Key::native() const {
  return m_impl->pkey.get();
}

}  // namespace parity::crypto
