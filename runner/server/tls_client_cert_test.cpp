#include "server/tls_client_cert.hpp"

#include "crypto/certificate.hpp"
#include "http/curl_client.hpp"
#include "server/test_server.hpp"
#include "server/tls.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <thread>

namespace parity::server::test_support {
namespace {

std::string tls_fixture(const std::string& name) {
  return fixture("tls/" + name);
}

std::string thumbprint_of(const std::string& name) {
  return crypto::certificate_thumbprint(crypto::read_certificate_file(tls_fixture(name)));
}

// An HTTPS server that asks for client certificates (tls.client_ca) and answers GET /whoami
// with what client_certificate() saw.
class MutualTlsServer {
 public:
  MutualTlsServer()
      : m_server(make_http_server(ServerTls{
            tls_fixture("server.pem"), tls_fixture("server.key"), tls_fixture("ca.pem")})) {
    m_server->Get("/whoami", [](const httplib::Request& request, httplib::Response& response) {
      const auto cert = client_certificate(request);
      const nlohmann::json body = cert ? nlohmann::json{{"subject", cert->subject_dn},
                                                        {"x5t#S256", cert->sha256_thumbprint},
                                                        {"verified", cert->chain_verified}}
                                       : nlohmann::json(nullptr);
      response.set_content(body.dump(), "application/json");
    });
    m_port = m_server->bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running()) {
      std::this_thread::yield();
    }
  }
  MutualTlsServer(const MutualTlsServer&) = delete;
  MutualTlsServer& operator=(const MutualTlsServer&) = delete;
  MutualTlsServer(MutualTlsServer&&) = delete;
  MutualTlsServer& operator=(MutualTlsServer&&) = delete;
  ~MutualTlsServer() {
    m_server->stop();
    m_thread.join();
  }

  /// GET /whoami presenting client certificate `name` (fixtures/tls/<name>.pem), or none.
  nlohmann::json whoami(const std::string& name) const {
    http::ClientOptions options;
    options.ca_file = tls_fixture("ca.pem");
    if (!name.empty()) {
      options.client_cert = tls_fixture(name + ".pem");
      options.client_key = tls_fixture(name + ".key");
    }
    http::CurlClient client(options);
    const auto exchange = client.send(
        http::Request{"GET", "https://127.0.0.1:" + std::to_string(m_port) + "/whoami", {}, ""});
    EXPECT_EQ(exchange.transport_error, "");
    return nlohmann::json::parse(exchange.response.body, nullptr, false);
  }

 private:
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
};

TEST(ClientCertificateTest, CaSignedCertificateIsVerifiedWithItsSubject) {
  const MutualTlsServer server;
  const nlohmann::json seen = server.whoami("client");
  EXPECT_EQ(seen.at("subject"), "CN=parity-mtls,O=parity test fixtures");
  EXPECT_EQ(seen.at("verified"), true);
  EXPECT_EQ(seen.at("x5t#S256"), thumbprint_of("client.pem"));
}

TEST(ClientCertificateTest, SelfSignedCertificateGetsThroughUnverified) {
  const MutualTlsServer server;
  const nlohmann::json seen = server.whoami("client-self-signed");
  EXPECT_EQ(seen.at("subject"), "CN=parity-mtls-self-signed,O=parity test fixtures");
  EXPECT_EQ(seen.at("verified"), false);
  EXPECT_EQ(seen.at("x5t#S256"), thumbprint_of("client-self-signed.pem"));
  EXPECT_NE(seen.at("x5t#S256"), thumbprint_of("client.pem"));
}

TEST(ClientCertificateTest, ClientCertificateIsOptional) {
  const MutualTlsServer server;
  EXPECT_TRUE(server.whoami("").is_null());
}

}  // namespace
}  // namespace parity::server::test_support
