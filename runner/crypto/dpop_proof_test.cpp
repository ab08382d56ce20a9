#include "crypto/dpop_proof.hpp"

#include "crypto/jws.hpp"
#include "crypto/key_cache.hpp"
#include "crypto/test_files.hpp"

#include <gtest/gtest.h>

namespace parity::crypto {
namespace {

TEST(DpopProof, HtuDropsQueryAndFragment) {
  EXPECT_EQ(dpop_htu("https://as.example/token?x=1#f"), "https://as.example/token");
  EXPECT_EQ(dpop_htu("https://as.example/par#f"), "https://as.example/par");
  EXPECT_EQ(dpop_htu("https://as.example/par"), "https://as.example/par");
}

TEST(DpopProof, AthIsBase64urlSha256OfTheToken) {
  // RFC 9449 §7.1 example: the access token "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU" has
  // ath "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo".
  EXPECT_EQ(dpop_ath("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"),
            "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
}

TEST(DpopProof, ProofVerifiesWithItsEmbeddedJwk) {
  const Key key = cached_key(test_support::key_path("client_ec.pem"));
  const nlohmann::json claims = {{"htm", "POST"}, {"htu", "https://as.example/par"}};
  const auto decoded = decode_jws(sign_dpop_proof(key, "ES256", k_dpop_typ, claims));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->header["typ"], "dpop+jwt");
  EXPECT_EQ(decoded->header["alg"], "ES256");
  EXPECT_FALSE(decoded->header["jwk"].contains("d"));
  EXPECT_EQ(decoded->payload, claims);
  EXPECT_TRUE(verify_jws(*decoded, Key::from_jwk(decoded->header["jwk"])));
}

TEST(DpopProof, RsaProofWithPs256Verifies) {
  const Key key = cached_key(test_support::key_path("client_rsa.pem"));
  const auto decoded = decode_jws(sign_dpop_proof(key, "PS256", "dpop+jwt", {{"jti", "x"}}));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->header["jwk"]["kty"], "RSA");
  EXPECT_TRUE(verify_jws(*decoded, Key::from_jwk(decoded->header["jwk"])));
}

TEST(DpopProof, NoneIsUnsignedButCarriesTheJwk) {
  const Key key = cached_key(test_support::key_path("client_ec.pem"));
  const auto decoded = decode_jws(sign_dpop_proof(key, "none", "dpop+jwt", {{"jti", "x"}}));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(decoded->signature.empty());
  EXPECT_TRUE(decoded->header.contains("jwk"));
}

TEST(DpopProof, TamperedSignatureNoLongerVerifies) {
  const Key key = cached_key(test_support::key_path("client_ec.pem"));
  const std::string proof = sign_dpop_proof(key, "ES256", "dpop+jwt", {{"jti", "x"}});
  const std::string tampered = tamper_jws_signature(proof);
  EXPECT_NE(tampered, proof);
  const auto decoded = decode_jws(tampered);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->signature.size(), 64U);
  EXPECT_FALSE(verify_jws(*decoded, key));
}

TEST(DpopProof, TamperingAnEmptySignatureAddsOne) {
  EXPECT_EQ(tamper_jws_signature("a.b."), "a.b.AA");
  EXPECT_EQ(tamper_jws_signature("not-a-jws"), "not-a-jws");
}

TEST(KeyCache, ReturnsTheSameKeyAndThrowsForMissingFiles) {
  const std::string path = test_support::key_path("client_ec.pem");
  EXPECT_EQ(cached_key(path).thumbprint(), Key::from_pem_file(path).thumbprint());
  EXPECT_THROW(cached_key(test_support::key_path("missing.pem")), std::exception);
}

}  // namespace
}  // namespace parity::crypto
