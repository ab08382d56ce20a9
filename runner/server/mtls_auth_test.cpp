// RFC 8705 §2 at the reference server: mTLS clients authenticate at /par by the certificate of
// the TLS connection, over real HTTPS with parity's curl client.
#include "crypto/certificate.hpp"
#include "crypto/pkce.hpp"
#include "http/curl_client.hpp"
#include "server/config.hpp"
#include "server/reference_server.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace parity::server::test_support {
namespace {

std::string read_fixture(const std::string& relative) {
  std::ifstream in(fixture(relative), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

http::TlsIdentity fixture_identity(const std::string& name) {
  return {read_fixture("tls/" + name + ".pem"), read_fixture("tls/" + name + ".key"), name};
}

class MtlsAuthTest : public ::testing::Test {
 protected:
  void start(const std::set<std::string>& faults = {}) {
    ServerConfig config = load_server_config(fixture("reference/default.yaml"));
    config.faults = faults;
    m_server = std::make_unique<ReferenceServer>(config);
    m_server->start(0);
  }

  // Pushes the default request as `client_id`, presenting `identity` (nullopt: none is set
  // on the request, so the connection default, none, applies).
  http::Exchange push(const std::string& client_id,
                      const std::optional<http::TlsIdentity>& identity,
                      http::Params extra = {}) {
    http::Params params{{"response_type", "code"},
                        {"client_id", client_id},
                        {"redirect_uri", k_redirect_uri},
                        {"scope", "openid"},
                        {"state", "mtls-state"},
                        {"code_challenge", crypto::s256_challenge(crypto::make_code_verifier())},
                        {"code_challenge_method", "S256"}};
    params.insert(params.end(), extra.begin(), extra.end());
    http::Request request{"POST",
                          m_server->base_url() + "/par",
                          {{"Content-Type", "application/x-www-form-urlencoded"}},
                          http::form_encode(params)};
    request.tls_identity = identity;
    http::ClientOptions options;
    options.ca_file = fixture("tls/ca.pem");
    http::CurlClient client(options);
    return client.send(request);
  }

  static std::string error_of(const http::Exchange& exchange) {
    return nlohmann::json::parse(exchange.response.body, nullptr, false).value("error", "");
  }

  std::unique_ptr<ReferenceServer> m_server;
};

TEST_F(MtlsAuthTest, TlsClientAuthWithItsCaIssuedCertificateIsAccepted) {
  start();
  const http::Exchange exchange = push("parity-mtls", fixture_identity("client"));
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.status, 201) << exchange.response.body;
}

TEST_F(MtlsAuthTest, SelfSignedClientWithItsRegisteredCertificateIsAccepted) {
  start();
  EXPECT_EQ(push("parity-mtls-self-signed", fixture_identity("client-self-signed")).response.status,
            201);
}

TEST_F(MtlsAuthTest, NoCertificateIsInvalidClient) {
  start();
  for (const char* client_id : {"parity-mtls", "parity-mtls-self-signed"}) {
    const http::Exchange exchange = push(client_id, http::TlsIdentity{"", "", "none"});
    EXPECT_EQ(exchange.response.status, 400) << client_id;
    EXPECT_EQ(error_of(exchange), "invalid_client") << client_id;
  }
}

TEST_F(MtlsAuthTest, CertificateThatNoTrustedCaIssuedIsInvalidClient) {
  start();
  const crypto::CertificateAndKey copy = crypto::self_signed_copy(read_fixture("tls/client.pem"));
  const http::Exchange exchange =
      push("parity-mtls", http::TlsIdentity{copy.certificate_pem, copy.private_key_pem, "copy"});
  EXPECT_EQ(exchange.response.status, 400);
  EXPECT_EQ(error_of(exchange), "invalid_client");
}

TEST_F(MtlsAuthTest, AnotherClientsCertificateIsInvalidClient) {
  start();
  EXPECT_EQ(error_of(push("parity-mtls", fixture_identity("client-other"))), "invalid_client");
  EXPECT_EQ(push("parity-mtls-other", fixture_identity("client-other")).response.status, 201);
  EXPECT_EQ(error_of(push("parity-mtls-self-signed", fixture_identity("client"))),
            "invalid_client");
}

TEST_F(MtlsAuthTest, ACertificateDoesNotAuthenticateASecretClient) {
  start();
  // parity-basic is registered for client_secret_basic: a certificate and its client_id alone
  // are not its registered method.
  EXPECT_EQ(error_of(push("parity-basic", fixture_identity("client"))), "invalid_client");
}

TEST_F(MtlsAuthTest, EachFaultAcceptsWhatItsRuleRefuses) {
  const crypto::CertificateAndKey copy = crypto::self_signed_copy(read_fixture("tls/client.pem"));
  start({"mtls_certificate_not_required"});
  EXPECT_EQ(push("parity-mtls", http::TlsIdentity{"", "", "none"}).response.status, 201);
  start({"mtls_chain_not_verified"});
  EXPECT_EQ(
      push("parity-mtls", http::TlsIdentity{copy.certificate_pem, copy.private_key_pem, "copy"})
          .response.status,
      201);
  start({"mtls_subject_not_checked"});
  EXPECT_EQ(push("parity-mtls", fixture_identity("client-other")).response.status, 201);
  start({"mtls_self_signed_certificate_not_checked"});
  EXPECT_EQ(push("parity-mtls-self-signed", fixture_identity("client")).response.status, 201);
}

TEST_F(MtlsAuthTest, MetadataListsTheMtlsMethodsOnlyWhenCertificatesAreAsked) {
  start();
  http::ClientOptions options;
  options.ca_file = fixture("tls/ca.pem");
  http::CurlClient client(options);
  const auto with_ca = nlohmann::json::parse(
      client.send({"GET", m_server->base_url() + "/.well-known/oauth-authorization-server", {}, ""})
          .response.body);
  const auto& methods = with_ca.at("token_endpoint_auth_methods_supported");
  EXPECT_NE(std::find(methods.begin(), methods.end(), "tls_client_auth"), methods.end());
  EXPECT_NE(std::find(methods.begin(), methods.end(), "self_signed_tls_client_auth"),
            methods.end());
  // The same clients without tls (plain HTTP, no certificates asked): not advertised.
  TestServer plain;
  const GetResult without_ca = plain.get("/.well-known/oauth-authorization-server");
  ASSERT_TRUE(without_ca.has_value());
  const auto plain_methods =
      nlohmann::json::parse(without_ca->body).at("token_endpoint_auth_methods_supported");
  EXPECT_EQ(std::find(plain_methods.begin(), plain_methods.end(), "tls_client_auth"),
            plain_methods.end());
  EXPECT_NE(std::find(plain_methods.begin(), plain_methods.end(), "client_secret_basic"),
            plain_methods.end());
}

TEST(MtlsConfigTest, MtlsClientsNeedAClientCa) {
  const std::string dir = ::testing::TempDir();
  const std::string path = dir + "/mtls-no-ca.yaml";
  std::ofstream(path) << "tls: { cert: " << fixture("tls/server.pem")
                      << ", key: " << fixture("tls/server.key") << " }\n"
                      << "clients:\n"
                      << "  - client_id: m\n"
                      << "    auth_method: tls_client_auth\n"
                      << "    tls_client_auth_subject_dn: CN=m\n"
                      << "    redirect_uris: [https://client.example/cb]\n";
  try {
    load_server_config(path);
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("needs tls.client_ca"), std::string::npos)
        << error.what();
  }
}

TEST(MtlsConfigTest, EachMethodNeedsItsBinding) {
  const std::string path = ::testing::TempDir() + "/mtls-no-binding.yaml";
  std::ofstream(path) << "clients:\n"
                      << "  - client_id: s\n"
                      << "    auth_method: self_signed_tls_client_auth\n"
                      << "    redirect_uris: [https://client.example/cb]\n";
  try {
    load_server_config(path);
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("needs certificate for self_signed_tls_client_auth"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace parity::server::test_support
