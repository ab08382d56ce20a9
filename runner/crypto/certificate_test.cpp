#include "crypto/certificate.hpp"

#include "core/build_info.hpp"
#include "crypto/error.hpp"
#include "crypto/test_files.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::crypto {
namespace {

std::string tls_fixture(const std::string& name) {
  return parity::build_info::fixture_path("tls/") + name;
}

TEST(CertificateTest, ReadsTheSubjectInRfc4514Form) {
  const std::string pem = read_certificate_file(tls_fixture("client.pem"));
  EXPECT_EQ(certificate_subject(pem), "CN=parity-mtls,O=parity test fixtures");
}

TEST(CertificateTest, ThumbprintIsBase64urlSha256OfTheDer) {
  const std::string client =
      certificate_thumbprint(read_certificate_file(tls_fixture("client.pem")));
  EXPECT_EQ(client.size(), 43U);  // 32 bytes, base64url without padding
  EXPECT_EQ(client.find_first_of("+/="), std::string::npos);
  EXPECT_NE(client,
            certificate_thumbprint(read_certificate_file(tls_fixture("client-self-signed.pem"))));
}

TEST(CertificateTest, RefusesFilesThatHoldNoCertificate) {
  EXPECT_THROW(read_certificate_file(tls_fixture("client.key")), CryptoError);
  EXPECT_THROW(read_certificate_file(tls_fixture("no-such-file.pem")), CryptoError);
  EXPECT_THROW(certificate_subject("not a certificate"), CryptoError);
}

TEST(CertificateTest, MatchesACertificateWithItsOwnKeyOnly) {
  const std::string cert = read_certificate_file(tls_fixture("client.pem"));
  EXPECT_TRUE(certificate_matches_key(cert, test_support::read_file(tls_fixture("client.key"))));
  EXPECT_FALSE(certificate_matches_key(
      cert, test_support::read_file(tls_fixture("client-self-signed.key"))));
  EXPECT_FALSE(certificate_matches_key(cert, "garbage"));
}

TEST(CertificateTest, SelfSignedCopyKeepsTheSubjectWithANewKey) {
  const std::string original = read_certificate_file(tls_fixture("client.pem"));
  const CertificateAndKey copy = self_signed_copy(original);
  EXPECT_EQ(certificate_subject(copy.certificate_pem), certificate_subject(original));
  EXPECT_NE(certificate_thumbprint(copy.certificate_pem), certificate_thumbprint(original));
  EXPECT_TRUE(certificate_matches_key(copy.certificate_pem, copy.private_key_pem));
  EXPECT_FALSE(certificate_matches_key(original, copy.private_key_pem));
  // Two copies are two different certificates.
  EXPECT_NE(certificate_thumbprint(self_signed_copy(original).certificate_pem),
            certificate_thumbprint(copy.certificate_pem));
}

}  // namespace
}  // namespace parity::crypto
