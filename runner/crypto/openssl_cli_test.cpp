// Cross-checks our signatures and keys against the openssl command-line tool, so a bug shared
// by signer and verifier in this library cannot hide.
#include "crypto/base64url.hpp"
#include "crypto/error.hpp"
#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "crypto/test_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/wait.h>

namespace parity::crypto {
namespace {

using test_support::key_path;
using test_support::read_file;
using test_support::write_file;

// Minimal DER for ECDSA-Sig-Value (RFC 3279 §2.2.3), written here independently of the library.
std::string der_integer(std::string bytes) {
  while (bytes.size() > 1 && bytes[0] == '\0' &&
         (static_cast<unsigned char>(bytes[1]) & 0x80) == 0) {
    bytes.erase(0, 1);
  }
  if ((static_cast<unsigned char>(bytes[0]) & 0x80) != 0) {
    bytes.insert(0, 1, '\0');
  }
  return std::string{'\x02', static_cast<char>(bytes.size())} + bytes;
}

std::string raw_to_der(const std::string& raw) {
  const std::string body = der_integer(raw.substr(0, 32)) + der_integer(raw.substr(32));
  return std::string{'\x30', static_cast<char>(body.size())} + body;
}

// Reads one INTEGER at `pos` (short-form lengths suffice for P-256) as 32 big-endian octets.
std::optional<std::string> read_der_integer(const std::string& der, std::size_t& pos) {
  if (pos + 2 > der.size() || der[pos] != '\x02') {
    return std::nullopt;
  }
  const auto length = static_cast<std::size_t>(static_cast<unsigned char>(der[pos + 1]));
  std::string value = der.substr(pos + 2, length);
  pos += 2 + length;
  while (value.size() > 32 && value[0] == '\0') {
    value.erase(0, 1);
  }
  return value.size() <= 32 ? std::string(32 - value.size(), '\0') + value
                            : std::optional<std::string>();
}

std::optional<std::string> der_to_raw(const std::string& der) {
  std::size_t pos = 2;
  if (der.size() < 2 || der[0] != '\x30') {
    return std::nullopt;
  }
  const auto r = read_der_integer(der, pos);
  const auto s = read_der_integer(der, pos);
  return r && s ? std::optional<std::string>(*r + *s) : std::nullopt;
}

class OpensslCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "parity-crypto-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    m_dir = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(m_dir); }

  std::string path(const std::string& name) const { return (m_dir / name).string(); }

  // Runs `command` in the temp dir; returns its exit status (output goes to cli.log).
  int run(const std::string& command) const {
    const int status =
        std::system(("cd '" + m_dir.string() + "' && " + command + " >cli.log 2>&1").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  int cli_verify(const std::string& data,
                 const std::string& signature_der,
                 const std::string& public_key,
                 const std::string& options = "") {
    write_file(path("data"), data);
    write_file(path("sig.der"), signature_der);
    return run("openssl dgst -sha256 " + options + " -verify '" + key_path(public_key) +
               "' -signature sig.der data");
  }

  std::filesystem::path m_dir;
};

const nlohmann::json k_payload = {{"iss", "client"}, {"jti", "abc"}};
const std::string k_pss_options =
    "-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 -sigopt rsa_mgf1_md:sha256";

TEST_F(OpensslCliTest, CliVerifiesOurRs256Signature) {
  const auto jws =
      decode_jws(sign_jws({}, k_payload, Key::from_pem_file(key_path("client_rsa.pem")), "RS256"));
  ASSERT_TRUE(jws);
  EXPECT_EQ(cli_verify(jws->signing_input, jws->signature, "client_rsa.pub.pem"), 0)
      << read_file(path("cli.log"));
  EXPECT_NE(cli_verify(jws->signing_input + "x", jws->signature, "client_rsa.pub.pem"), 0);
  EXPECT_NE(cli_verify(jws->signing_input, jws->signature, "attacker_rsa.pub.pem"), 0);
}

TEST_F(OpensslCliTest, CliVerifiesOurPs256Signature) {
  const auto jws =
      decode_jws(sign_jws({}, k_payload, Key::from_pem_file(key_path("client_rsa.pem")), "PS256"));
  ASSERT_TRUE(jws);
  EXPECT_EQ(cli_verify(jws->signing_input, jws->signature, "client_rsa.pub.pem", k_pss_options), 0)
      << read_file(path("cli.log"));
  // PKCS#1 v1.5 verification of a PSS signature must fail: the padding really is PSS.
  EXPECT_NE(cli_verify(jws->signing_input, jws->signature, "client_rsa.pub.pem"), 0);
}

TEST_F(OpensslCliTest, CliVerifiesOurEs256Signature) {
  const auto jws =
      decode_jws(sign_jws({}, k_payload, Key::from_pem_file(key_path("client_ec.pem")), "ES256"));
  ASSERT_TRUE(jws);
  ASSERT_EQ(jws->signature.size(), 64U);
  EXPECT_EQ(cli_verify(jws->signing_input, raw_to_der(jws->signature), "client_ec.pub.pem"), 0)
      << read_file(path("cli.log"));
  EXPECT_NE(cli_verify(jws->signing_input + "x", raw_to_der(jws->signature), "client_ec.pub.pem"),
            0);
}

TEST_F(OpensslCliTest, WeVerifyCliSignatures) {
  const std::string input = base64url_encode(R"({"alg":"X"})") + "." + base64url_encode("{}");
  write_file(path("data"), input);
  struct Case {
    const char* alg;
    const char* key;
    std::string options;
  };
  for (const Case& c : {Case{"RS256", "client_rsa", ""},
                        Case{"PS256", "client_rsa", k_pss_options},
                        Case{"ES256", "client_ec", ""}}) {
    ASSERT_EQ(run("openssl dgst -sha256 " + c.options + " -sign '" +
                  key_path(std::string(c.key) + ".pem") + "' -out sig data"),
              0)
        << read_file(path("cli.log"));
    DecodedJws jws{{{"alg", c.alg}}, {}, input, read_file(path("sig"))};
    if (std::string(c.alg) == "ES256") {
      const auto raw = der_to_raw(jws.signature);
      ASSERT_TRUE(raw);
      jws.signature = *raw;
    }
    const Key pub = Key::from_pem_file(key_path(std::string(c.key) + ".pub.pem"));
    EXPECT_TRUE(verify_jws(jws, pub)) << c.alg;
    jws.signing_input += "x";
    EXPECT_FALSE(verify_jws(jws, pub)) << c.alg;
  }
}

TEST_F(OpensslCliTest, PublicJwkMatchesCliKeyData) {
  // The SPKI DER of a P-256 key ends with the uncompressed point 04||x||y.
  ASSERT_EQ(run("openssl pkey -pubin -in '" + key_path("client_ec.pub.pem") +
                "' -outform DER -out ec.der"),
            0);
  const std::string spki = read_file(path("ec.der"));
  ASSERT_GE(spki.size(), 65U);
  const nlohmann::json ec = Key::from_pem_file(key_path("client_ec.pem")).public_jwk();
  EXPECT_EQ(spki.substr(spki.size() - 65),
            '\x04' + *base64url_decode(ec["x"].get<std::string>()) +
                *base64url_decode(ec["y"].get<std::string>()));

  ASSERT_EQ(run("openssl rsa -pubin -in '" + key_path("client_rsa.pub.pem") + "' -noout -modulus"),
            0);
  std::string modulus = read_file(path("cli.log"));
  modulus = modulus.substr(modulus.find('=') + 1, 512);
  const std::string n = *base64url_decode(
      Key::from_pem_file(key_path("client_rsa.pem")).public_jwk()["n"].get<std::string>());
  std::string n_hex;
  for (const char c : n) {
    constexpr std::string_view k_digits = "0123456789ABCDEF";
    n_hex += k_digits[static_cast<unsigned char>(c) >> 4];
    n_hex += k_digits[static_cast<unsigned char>(c) & 0xF];
  }
  EXPECT_EQ(n_hex, modulus);
}

TEST_F(OpensslCliTest, LoadsTraditionalRsaPem) {
  ASSERT_EQ(run("openssl pkey -in '" + key_path("client_rsa.pem") + "' -traditional -out trad.pem"),
            0);
  const std::string pem = read_file(path("trad.pem"));
  ASSERT_NE(pem.find("BEGIN RSA PRIVATE KEY"), std::string::npos);
  const Key key = Key::from_pem(pem);
  EXPECT_TRUE(key.is_private());
  EXPECT_EQ(key.thumbprint(), Key::from_pem_file(key_path("client_rsa.pub.pem")).thumbprint());
}

TEST_F(OpensslCliTest, RejectsEncryptedPemWithoutPrompting) {
  ASSERT_EQ(run("openssl pkey -in '" + key_path("client_ec.pem") +
                "' -aes256 -passout pass:secret -out enc.pem"),
            0);
  EXPECT_THROW(Key::from_pem(read_file(path("enc.pem"))), CryptoError);
}

TEST_F(OpensslCliTest, RejectsOtherCurves) {
  ASSERT_EQ(run("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out p384.pem"), 0);
  try {
    Key::from_pem(read_file(path("p384.pem")));
    FAIL() << "no exception";
  } catch (const CryptoError& error) {
    EXPECT_EQ(std::string(error.what()), "unsupported EC curve 'secp384r1' (only P-256)");
  }
}

}  // namespace
}  // namespace parity::crypto
