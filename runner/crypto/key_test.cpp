#include "crypto/key.hpp"

#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/jws.hpp"
#include "crypto/test_files.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <string>

namespace parity::crypto {
namespace {

using test_support::key_path;

// RFC 7638 §3.1 example key and its thumbprint.
constexpr const char* k_rfc7638_n =
    "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPe"
    "bWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY3"
    "68QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM"
    "4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
constexpr const char* k_rfc7638_thumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

// Private JWK members read straight from OpenSSL, to test importing private JWKs.
std::string private_member(const Key& key, const char* param, std::size_t width) {
  BIGNUM* bn = nullptr;
  EXPECT_EQ(EVP_PKEY_get_bn_param(static_cast<EVP_PKEY*>(key.native()), param, &bn), 1);
  std::string bytes(std::max<std::size_t>(width, static_cast<std::size_t>(BN_num_bytes(bn))), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  BN_free(bn);
  return base64url_encode(bytes);
}

TEST(KeyTest, LoadsRsaPrivateAndPublicPem) {
  const Key priv = Key::from_pem_file(key_path("client_rsa.pem"));
  const Key pub = Key::from_pem_file(key_path("client_rsa.pub.pem"));
  EXPECT_EQ(priv.type(), Key::Type::rsa);
  EXPECT_TRUE(priv.is_private());
  EXPECT_EQ(pub.type(), Key::Type::rsa);
  EXPECT_FALSE(pub.is_private());
  EXPECT_EQ(priv.public_jwk(), pub.public_jwk());
  EXPECT_EQ(priv.thumbprint(), pub.thumbprint());
  EXPECT_NE(pub.thumbprint(), Key::from_pem_file(key_path("attacker_rsa.pub.pem")).thumbprint());
}

TEST(KeyTest, LoadsEcPrivateAndPublicPem) {
  const Key priv = Key::from_pem_file(key_path("client_ec.pem"));
  const Key pub = Key::from_pem_file(key_path("client_ec.pub.pem"));
  EXPECT_EQ(priv.type(), Key::Type::ec);
  EXPECT_TRUE(priv.is_private());
  EXPECT_FALSE(pub.is_private());
  EXPECT_EQ(priv.public_jwk(), pub.public_jwk());
}

TEST(KeyTest, PublicJwkHasOnlyPublicMembers) {
  const nlohmann::json rsa = Key::from_pem_file(key_path("client_rsa.pem")).public_jwk();
  EXPECT_EQ(rsa, (nlohmann::json{{"kty", "RSA"}, {"n", rsa["n"]}, {"e", "AQAB"}}));
  EXPECT_EQ(base64url_decode(rsa["n"].get<std::string>())->size(), 256U);
  const nlohmann::json ec = Key::from_pem_file(key_path("client_ec.pem")).public_jwk();
  EXPECT_EQ(ec.size(), 4U);
  EXPECT_EQ(ec["kty"], "EC");
  EXPECT_EQ(ec["crv"], "P-256");
  EXPECT_EQ(base64url_decode(ec["x"].get<std::string>())->size(), 32U);
  EXPECT_EQ(base64url_decode(ec["y"].get<std::string>())->size(), 32U);
}

TEST(KeyTest, ThumbprintMatchesRfc7638Example) {
  const Key key = Key::from_jwk(
      {{"kty", "RSA"}, {"n", k_rfc7638_n}, {"e", "AQAB"}, {"alg", "RS256"}, {"kid", "2011-04-29"}});
  EXPECT_FALSE(key.is_private());
  EXPECT_EQ(key.thumbprint(), k_rfc7638_thumbprint);
  EXPECT_EQ(key.public_jwk()["n"], k_rfc7638_n);
}

TEST(KeyTest, PublicJwkRoundTrips) {
  for (const char* name : {"client_rsa.pem", "client_ec.pem"}) {
    const Key key = Key::from_pem_file(key_path(name));
    const Key copy = Key::from_jwk(key.public_jwk());
    EXPECT_FALSE(copy.is_private());
    EXPECT_EQ(copy.type(), key.type());
    EXPECT_EQ(copy.thumbprint(), key.thumbprint()) << name;
  }
}

TEST(KeyTest, PrivateEcJwkSigns) {
  const Key pem = Key::from_pem_file(key_path("client_ec.pem"));
  nlohmann::json jwk = pem.public_jwk();
  jwk["d"] = private_member(pem, OSSL_PKEY_PARAM_PRIV_KEY, 32);
  const Key key = Key::from_jwk(jwk);
  EXPECT_TRUE(key.is_private());
  const auto jws = decode_jws(sign_jws({}, {{"sub", "x"}}, key, "ES256"));
  ASSERT_TRUE(jws);
  EXPECT_TRUE(verify_jws(*jws, Key::from_pem_file(key_path("client_ec.pub.pem"))));
}

TEST(KeyTest, PrivateRsaJwkSigns) {
  const Key pem = Key::from_pem_file(key_path("client_rsa.pem"));
  nlohmann::json jwk = pem.public_jwk();
  jwk["d"] = private_member(pem, OSSL_PKEY_PARAM_RSA_D, 0);
  jwk["p"] = private_member(pem, OSSL_PKEY_PARAM_RSA_FACTOR1, 0);
  jwk["q"] = private_member(pem, OSSL_PKEY_PARAM_RSA_FACTOR2, 0);
  jwk["dp"] = private_member(pem, OSSL_PKEY_PARAM_RSA_EXPONENT1, 0);
  jwk["dq"] = private_member(pem, OSSL_PKEY_PARAM_RSA_EXPONENT2, 0);
  jwk["qi"] = private_member(pem, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, 0);
  const Key key = Key::from_jwk(jwk);
  EXPECT_TRUE(key.is_private());
  const std::string compact = sign_jws({}, {{"sub", "x"}}, key, "RS256");
  // RS256 is deterministic: the same key must produce the same signature.
  EXPECT_EQ(compact, sign_jws({}, {{"sub", "x"}}, pem, "RS256"));
}

TEST(KeyTest, RejectsUnusableJwks) {
  const nlohmann::json ec = Key::from_pem_file(key_path("client_ec.pem")).public_jwk();
  nlohmann::json off_curve = ec;
  std::string y = *base64url_decode(ec["y"].get<std::string>());
  y[31] = static_cast<char>(y[31] ^ 1);
  off_curve["y"] = base64url_encode(y);
  nlohmann::json short_x = ec;
  short_x["x"] = base64url_encode(base64url_decode(ec["x"].get<std::string>())->substr(1));
  nlohmann::json p384 = ec;
  p384["crv"] = "P-384";
  for (const nlohmann::json& jwk : {off_curve,
                                    short_x,
                                    p384,
                                    nlohmann::json{{"kty", "oct"}, {"k", "AAAA"}},
                                    nlohmann::json{{"kty", "RSA"}, {"e", "AQAB"}},
                                    nlohmann::json{{"kty", "RSA"}, {"n", "!!"}, {"e", "AQAB"}},
                                    nlohmann::json::array(),
                                    nlohmann::json{{"n", "AQAB"}}}) {
    EXPECT_THROW(Key::from_jwk(jwk), CryptoError) << jwk.dump();
  }
}

TEST(KeyTest, RejectsBadPemWithOpensslReason) {
  try {
    Key::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    FAIL() << "no exception";
  } catch (const CryptoError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("not a PEM private key or SPKI public key: ", 0), 0U) << message;
    EXPECT_NE(message.find("error:"), std::string::npos) << message;
  }
  EXPECT_THROW(Key::from_pem(""), CryptoError);
}

TEST(KeyTest, MissingFileErrorNamesThePath) {
  const std::string path = key_path("no_such_key.pem");
  try {
    Key::from_pem_file(path);
    FAIL() << "no exception";
  } catch (const CryptoError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot read key file: file not found");
  }
}

}  // namespace
}  // namespace parity::crypto
