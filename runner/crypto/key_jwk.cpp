#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/key_impl.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>

#include <vector>

namespace parity::crypto::detail {
namespace {

constexpr std::size_t k_p256_coordinate_bytes = 32;

// Collects OSSL_PARAMs; keeps the BIGNUMs and octet strings alive until to_params().
class ParamList {
 public:
  ParamList() : m_builder(OSSL_PARAM_BLD_new()) {
    if (!m_builder) {
      throw_openssl_error("OSSL_PARAM_BLD_new failed");
    }
  }
  void push_bn(const char* key, std::string_view bytes) {
    m_bignums.push_back(bignum_from_bytes(bytes));
    check(OSSL_PARAM_BLD_push_BN(m_builder.get(), key, m_bignums.back().get()));
  }
  void push_text(const char* key, const char* text) {
    check(OSSL_PARAM_BLD_push_utf8_string(m_builder.get(), key, text, 0));
  }
  void push_octets(const char* key, std::string bytes) {
    m_octets.push_back(std::make_unique<std::string>(std::move(bytes)));
    check(OSSL_PARAM_BLD_push_octet_string(
        m_builder.get(), key, m_octets.back()->data(), m_octets.back()->size()));
  }
  ParamPtr to_params() {
    ParamPtr params(OSSL_PARAM_BLD_to_param(m_builder.get()));
    if (!params) {
      throw_openssl_error("OSSL_PARAM_BLD_to_param failed");
    }
    return params;
  }

 private:
  static void check(int status) {
    if (status != 1) {
      throw_openssl_error("building key parameters failed");
    }
  }
  ParamBldPtr m_builder;
  std::vector<BignumPtr> m_bignums;
  std::vector<std::unique_ptr<std::string>> m_octets;
};

std::string member_bytes(const nlohmann::json& jwk, const char* name) {
  const auto it = jwk.find(name);
  if (it == jwk.end() || !it->is_string()) {
    throw CryptoError(std::string("JWK member '") + name + "' is missing or not a string");
  }
  auto bytes = base64url_decode(it->get<std::string>());
  if (!bytes || bytes->empty()) {
    throw CryptoError(std::string("JWK member '") + name + "' is not base64url");
  }
  return *bytes;
}

std::string coordinate(const nlohmann::json& jwk, const char* name) {
  std::string bytes = member_bytes(jwk, name);
  // RFC 7518 §6.2.1.2: coordinates are the full length of the field size, 32 octets for P-256.
  if (bytes.size() != k_p256_coordinate_bytes) {
    throw CryptoError(std::string("JWK member '") + name + "' is not 32 octets");
  }
  return bytes;
}

// RFC 7518 §6.3: n and e; d and (if all present) the CRT members for a private key.
int add_rsa_params(const nlohmann::json& jwk, ParamList& params) {
  params.push_bn(OSSL_PKEY_PARAM_RSA_N, member_bytes(jwk, "n"));
  params.push_bn(OSSL_PKEY_PARAM_RSA_E, member_bytes(jwk, "e"));
  if (!jwk.contains("d")) {
    return EVP_PKEY_PUBLIC_KEY;
  }
  params.push_bn(OSSL_PKEY_PARAM_RSA_D, member_bytes(jwk, "d"));
  const bool has_crt = jwk.contains("p") && jwk.contains("q") && jwk.contains("dp") &&
                       jwk.contains("dq") && jwk.contains("qi");
  if (has_crt) {
    params.push_bn(OSSL_PKEY_PARAM_RSA_FACTOR1, member_bytes(jwk, "p"));
    params.push_bn(OSSL_PKEY_PARAM_RSA_FACTOR2, member_bytes(jwk, "q"));
    params.push_bn(OSSL_PKEY_PARAM_RSA_EXPONENT1, member_bytes(jwk, "dp"));
    params.push_bn(OSSL_PKEY_PARAM_RSA_EXPONENT2, member_bytes(jwk, "dq"));
    params.push_bn(OSSL_PKEY_PARAM_RSA_COEFFICIENT1, member_bytes(jwk, "qi"));
  }
  return EVP_PKEY_KEYPAIR;
}

// RFC 7518 §6.2: crv P-256, x and y as the uncompressed point 04||x||y, optional d.
int add_ec_params(const nlohmann::json& jwk, ParamList& params) {
  if (jwk.value("crv", std::string()) != "P-256") {
    throw CryptoError("unsupported JWK crv (only P-256)");
  }
  params.push_text(OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1");
  params.push_octets(OSSL_PKEY_PARAM_PUB_KEY, '\x04' + coordinate(jwk, "x") + coordinate(jwk, "y"));
  if (!jwk.contains("d")) {
    return EVP_PKEY_PUBLIC_KEY;
  }
  params.push_bn(OSSL_PKEY_PARAM_PRIV_KEY, coordinate(jwk, "d"));
  return EVP_PKEY_KEYPAIR;
}

// Rejects EC points that are not on the curve (invalid-curve attacks) and broken RSA values.
void check_public_key(EVP_PKEY& pkey) {
  const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, &pkey, nullptr));
  if (!ctx || EVP_PKEY_public_check(ctx.get()) != 1) {
    throw_openssl_error("JWK public key is invalid");
  }
}

std::string bn_param(const EVP_PKEY& pkey, const char* name, std::size_t width) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(&pkey, name, &raw) != 1) {
    throw_openssl_error(std::string("cannot read key parameter ") + name);
  }
  const BignumPtr owner(raw);
  return bignum_bytes(*owner, width);
}

}  // namespace

PkeyPtr pkey_from_jwk(const nlohmann::json& jwk) {
  if (!jwk.is_object() || !jwk.contains("kty") || !jwk["kty"].is_string()) {
    throw CryptoError("JWK is not an object with a string kty");
  }
  const std::string kty = jwk["kty"].get<std::string>();
  if (kty != "RSA" && kty != "EC") {
    throw CryptoError("unsupported JWK kty '" + kty + "' (only RSA and EC)");
  }
  ERR_clear_error();
  ParamList params;
  const int selection = kty == "RSA" ? add_rsa_params(jwk, params) : add_ec_params(jwk, params);
  const ParamPtr built = params.to_params();
  const PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, kty.c_str(), nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, selection, built.get()) != 1) {
    throw_openssl_error("cannot build key from JWK");
  }
  PkeyPtr pkey(raw);
  check_public_key(*pkey);
  return pkey;
}

nlohmann::json public_jwk_of(const EVP_PKEY& pkey, Key::Type type) {
  if (type == Key::Type::rsa) {
    return {{"kty", "RSA"},
            {"n", base64url_encode(bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, 0))},
            {"e", base64url_encode(bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, 0))}};
  }
  return {
      {"kty", "EC"},
      {"crv", "P-256"},
      {"x", base64url_encode(bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_X, k_p256_coordinate_bytes))},
      {"y", base64url_encode(bn_param(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, k_p256_coordinate_bytes))}};
}

}  // namespace parity::crypto::detail
