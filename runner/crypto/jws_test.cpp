#include "crypto/jws.hpp"

#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/test_files.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <string>

namespace parity::crypto {
namespace {

using test_support::key_path;

Key load(const char* name) {
  return Key::from_pem_file(key_path(name));
}

// A fresh P-256 key, so ES256 has a "wrong key" too.
Key fresh_ec_key() {
  EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new(BIO_s_mem()), BIO_free_all);
  PEM_write_bio_PrivateKey(bio.get(), pkey, nullptr, nullptr, 0, nullptr, nullptr);
  EVP_PKEY_free(pkey);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return Key::from_pem(std::string(data, static_cast<std::size_t>(size)));
}

// Replaces the payload part of a compact JWS, keeping header and signature.
std::string with_payload(const std::string& compact, const nlohmann::json& payload) {
  const auto first = compact.find('.');
  const auto second = compact.find('.', first + 1);
  return compact.substr(0, first + 1) + base64url_encode(payload.dump()) + compact.substr(second);
}

const nlohmann::json k_payload = {{"iss", "client"}, {"aud", "https://as.example"}, {"n", 1}};

struct AlgCase {
  const char* alg;
  const char* private_key;
  const char* public_key;
};

class AsymmetricJwsTest : public ::testing::TestWithParam<AlgCase> {};

TEST_P(AsymmetricJwsTest, SignedJwsVerifiesWithPublicKey) {
  const std::string compact = sign_jws(
      {{"typ", "JWT"}, {"alg", "other"}}, k_payload, load(GetParam().private_key), GetParam().alg);
  const auto jws = decode_jws(compact);
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header, (nlohmann::json{{"typ", "JWT"}, {"alg", GetParam().alg}}));
  EXPECT_EQ(jws->payload, k_payload);
  EXPECT_EQ(jws->signing_input, compact.substr(0, compact.rfind('.')));
  EXPECT_TRUE(verify_jws(*jws, load(GetParam().public_key)));
  EXPECT_TRUE(verify_jws(*jws, load(GetParam().private_key)));
}

TEST_P(AsymmetricJwsTest, TamperedPayloadFails) {
  const std::string compact = sign_jws({}, k_payload, load(GetParam().private_key), GetParam().alg);
  nlohmann::json changed = k_payload;
  changed["n"] = 2;
  const auto jws = decode_jws(with_payload(compact, changed));
  ASSERT_TRUE(jws);
  EXPECT_FALSE(verify_jws(*jws, load(GetParam().public_key)));
}

TEST_P(AsymmetricJwsTest, TamperedSignatureFails) {
  auto jws = decode_jws(sign_jws({}, k_payload, load(GetParam().private_key), GetParam().alg));
  ASSERT_TRUE(jws);
  jws->signature[10] = static_cast<char>(jws->signature[10] ^ 0x01);
  EXPECT_FALSE(verify_jws(*jws, load(GetParam().public_key)));
  jws->signature.clear();
  EXPECT_FALSE(verify_jws(*jws, load(GetParam().public_key)));
}

INSTANTIATE_TEST_SUITE_P(Algs,
                         AsymmetricJwsTest,
                         ::testing::Values(AlgCase{"RS256", "client_rsa.pem", "client_rsa.pub.pem"},
                                           AlgCase{"PS256", "client_rsa.pem", "client_rsa.pub.pem"},
                                           AlgCase{"ES256", "client_ec.pem", "client_ec.pub.pem"}),
                         [](const auto& test_info) { return std::string(test_info.param.alg); });

TEST(JwsTest, WrongKeyFails) {
  for (const char* alg : {"RS256", "PS256"}) {
    const auto jws = decode_jws(sign_jws({}, k_payload, load("attacker_rsa.pem"), alg));
    ASSERT_TRUE(jws);
    EXPECT_FALSE(verify_jws(*jws, load("client_rsa.pub.pem"))) << alg;
    EXPECT_TRUE(verify_jws(*jws, load("attacker_rsa.pub.pem"))) << alg;
  }
  const auto es = decode_jws(sign_jws({}, k_payload, fresh_ec_key(), "ES256"));
  ASSERT_TRUE(es);
  EXPECT_FALSE(verify_jws(*es, load("client_ec.pub.pem")));
}

TEST(JwsTest, KeyOfWrongTypeFails) {
  const auto rs = decode_jws(sign_jws({}, k_payload, load("client_rsa.pem"), "RS256"));
  const auto es = decode_jws(sign_jws({}, k_payload, load("client_ec.pem"), "ES256"));
  ASSERT_TRUE(rs && es);
  EXPECT_FALSE(verify_jws(*rs, load("client_ec.pub.pem")));
  EXPECT_FALSE(verify_jws(*es, load("client_rsa.pub.pem")));
}

TEST(JwsTest, HeaderAlgDecidesAndMustMatchSignature) {
  // An RS256 signature presented as PS256 (and vice versa) must not verify.
  auto rs = decode_jws(sign_jws({}, k_payload, load("client_rsa.pem"), "RS256"));
  ASSERT_TRUE(rs);
  rs->header["alg"] = "PS256";
  EXPECT_FALSE(verify_jws(*rs, load("client_rsa.pub.pem")));
  rs->header["alg"] = "rs256";
  EXPECT_FALSE(verify_jws(*rs, load("client_rsa.pub.pem")));
  rs->header.erase("alg");
  EXPECT_FALSE(verify_jws(*rs, load("client_rsa.pub.pem")));
}

TEST(JwsTest, Es256SignatureIsRaw64Octets) {
  auto jws = decode_jws(sign_jws({}, k_payload, load("client_ec.pem"), "ES256"));
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->signature.size(), 64U);
  const Key pub = load("client_ec.pub.pem");
  const std::string raw = jws->signature;
  jws->signature = raw + '\0';
  EXPECT_FALSE(verify_jws(*jws, pub));
  jws->signature = std::string(1, '\0') + raw.substr(0, 63);
  EXPECT_FALSE(verify_jws(*jws, pub));
}

TEST(JwsTest, Ps256IsRandomisedAndRs256Deterministic) {
  const Key key = load("client_rsa.pem");
  EXPECT_NE(sign_jws({}, k_payload, key, "PS256"), sign_jws({}, k_payload, key, "PS256"));
  EXPECT_EQ(sign_jws({}, k_payload, key, "RS256"), sign_jws({}, k_payload, key, "RS256"));
}

TEST(JwsTest, HmacRoundTripAndWrongSecret) {
  const std::string compact = sign_jws_hmac({{"typ", "JWT"}}, k_payload, "s3cret-value");
  const auto jws = decode_jws(compact);
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header["alg"], "HS256");
  EXPECT_EQ(jws->signature.size(), 32U);
  EXPECT_TRUE(verify_jws_hmac(*jws, "s3cret-value"));
  EXPECT_FALSE(verify_jws_hmac(*jws, "s3cret-valuE"));
  EXPECT_FALSE(verify_jws(*jws, load("client_rsa.pub.pem")));
  const auto tampered = decode_jws(with_payload(compact, {{"iss", "attacker"}}));
  ASSERT_TRUE(tampered);
  EXPECT_FALSE(verify_jws_hmac(*tampered, "s3cret-value"));
}

TEST(JwsTest, HmacVerifiesRfc7515AppendixA1) {
  const auto key = base64url_decode(
      "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
  ASSERT_TRUE(key);
  const auto jws = decode_jws(
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVl"
      "fQ."
      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->payload["iss"], "joe");
  EXPECT_TRUE(verify_jws_hmac(*jws, *key));
  EXPECT_FALSE(verify_jws_hmac(*jws, key->substr(1)));
}

TEST(JwsTest, AlgNoneNeverVerifies) {
  const std::string compact = unsigned_jws({{"alg", "RS256"}}, k_payload);
  EXPECT_EQ(compact.back(), '.');
  const auto jws = decode_jws(compact);
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header["alg"], "none");
  EXPECT_TRUE(jws->signature.empty());
  EXPECT_FALSE(verify_jws(*jws, load("client_rsa.pub.pem")));
  EXPECT_FALSE(verify_jws(*jws, load("client_ec.pub.pem")));
  EXPECT_FALSE(verify_jws_hmac(*jws, ""));
  // A valid signature does not rescue a header that says none.
  auto signed_jws = decode_jws(sign_jws({}, k_payload, load("client_rsa.pem"), "RS256"));
  ASSERT_TRUE(signed_jws);
  signed_jws->header["alg"] = "none";
  EXPECT_FALSE(verify_jws(*signed_jws, load("client_rsa.pub.pem")));
}

TEST(JwsTest, SignRejectsKeysThatDoNotFit) {
  EXPECT_THROW(sign_jws({}, k_payload, load("client_rsa.pem"), "ES256"), CryptoError);
  EXPECT_THROW(sign_jws({}, k_payload, load("client_ec.pem"), "RS256"), CryptoError);
  EXPECT_THROW(sign_jws({}, k_payload, load("client_rsa.pub.pem"), "RS256"), CryptoError);
  EXPECT_THROW(sign_jws({}, k_payload, load("client_rsa.pem"), "HS256"), CryptoError);
  EXPECT_THROW(sign_jws({}, k_payload, load("client_rsa.pem"), "none"), CryptoError);
}

TEST(JwsTest, DecodeRejectsMalformedCompactForms) {
  const std::string header = base64url_encode(R"({"alg":"HS256"})");
  const std::string payload = base64url_encode(R"({"sub":"x"})");
  EXPECT_TRUE(decode_jws(header + "." + payload + "."));
  EXPECT_FALSE(decode_jws(header + "." + payload));
  EXPECT_FALSE(decode_jws(header + "." + payload + ".AAAA.AAAA"));
  EXPECT_FALSE(decode_jws(header + "." + payload + ".AA=="));  // padding
  EXPECT_FALSE(decode_jws(header + "." + payload + ".A+/A"));  // not base64url
  EXPECT_FALSE(decode_jws(base64url_encode("not json") + "." + payload + "."));
  EXPECT_FALSE(decode_jws(base64url_encode("[1]") + "." + payload + "."));
  EXPECT_FALSE(decode_jws(header + "." + base64url_encode("\"str\"") + "."));
  EXPECT_FALSE(decode_jws(""));
  EXPECT_FALSE(decode_jws(".."));
}

}  // namespace
}  // namespace parity::crypto
