#include "http/curl_client.hpp"
#include "http/test_server.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace parity::http {
namespace {

using test_support::LoopbackServer;

// Self-signed server and client certificates made with the openssl CLI in a temp dir.
class CurlClientTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parity-tls-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    s_dir = pattern;
    for (const char* name : {"server", "client"}) {
      const std::string command =
          "cd '" + s_dir.string() +
          "' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 "
          "-subj /CN=" +
          name + " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " + name +
          ".key -out " + name + ".crt >/dev/null 2>&1";
      const int status = std::system(command.c_str());
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << command;
    }
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(s_dir); }

  static std::string file(const std::string& name) { return (s_dir / name).string(); }

  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Starts an HTTPS server; with `require_client_cert` it demands the client certificate.
  static std::unique_ptr<LoopbackServer> start_server(bool require_client_cert) {
    auto server = std::make_unique<httplib::SSLServer>(
        file("server.crt").c_str(),
        file("server.key").c_str(),
        require_client_cert ? file("client.crt").c_str() : nullptr);
    EXPECT_TRUE(server->is_valid());
    auto loopback = std::make_unique<LoopbackServer>(std::move(server));
    loopback->routes().Get("/", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("secure", "text/plain");
    });
    EXPECT_TRUE(loopback->start());
    return loopback;
  }

  static Exchange get(const LoopbackServer& server, const ClientOptions& options) {
    CurlClient client(options);
    return client.send({"GET", server.url("https", "/"), {}, ""});
  }

  static inline std::filesystem::path s_dir;
};

TEST_F(CurlClientTlsTest, RejectsUntrustedCertificate) {
  const auto server = start_server(false);
  const Exchange exchange = get(*server, ClientOptions{});
  EXPECT_NE(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.status, 0);
}

TEST_F(CurlClientTlsTest, TrustsCaFile) {
  const auto server = start_server(false);
  ClientOptions options;
  options.ca_file = file("server.crt");
  const Exchange exchange = get(*server, options);
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.body, "secure");
}

TEST_F(CurlClientTlsTest, WrongCaFileFails) {
  const auto server = start_server(false);
  ClientOptions options;
  options.ca_file = file("client.crt");
  EXPECT_NE(get(*server, options).transport_error, "");
}

// The CA file is read once, when the client is made: its later connections verify against
// what it read then.
TEST_F(CurlClientTlsTest, ReadsTheCaFileOnceForAllConnections) {
  const auto server = start_server(false);
  const std::string copy = file("server-copy.crt");
  std::filesystem::copy_file(
      file("server.crt"), copy, std::filesystem::copy_options::overwrite_existing);
  ClientOptions options;
  options.ca_file = copy;
  CurlClient client(options);
  std::filesystem::remove(copy);
  const Exchange exchange = client.send({"GET", server->url("https", "/"), {}, ""});
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.body, "secure");
}

TEST_F(CurlClientTlsTest, MissingCaFileIsATransportErrorNamingIt) {
  const auto server = start_server(false);
  ClientOptions options;
  options.ca_file = file("no-such-ca.pem");
  const Exchange exchange = get(*server, options);
  EXPECT_NE(exchange.transport_error.find("no-such-ca.pem"), std::string::npos)
      << exchange.transport_error;
  EXPECT_EQ(exchange.response.status, 0);
}

TEST_F(CurlClientTlsTest, SkipsVerificationWhenTold) {
  const auto server = start_server(false);
  ClientOptions options;
  options.verify_tls = false;
  EXPECT_EQ(get(*server, options).response.status, 200);
}

TEST_F(CurlClientTlsTest, PresentsClientCertificateForMutualTls) {
  const auto server = start_server(true);
  ClientOptions options;
  options.ca_file = file("server.crt");
  EXPECT_NE(get(*server, options).transport_error, "");
  options.client_cert = file("client.crt");
  options.client_key = file("client.key");
  const Exchange exchange = get(*server, options);
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.body, "secure");
}

TEST_F(CurlClientTlsTest, PresentsTheRequestsOwnCertificateOnItsOwnConnection) {
  const auto server = start_server(true);
  ClientOptions options;
  options.ca_file = file("server.crt");
  CurlClient client(options);
  Request request{"GET", server->url("https", "/"), {}, ""};
  request.tls_identity = TlsIdentity{read(file("client.crt")), read(file("client.key")), "client"};
  const Exchange with_certificate = client.send(request);
  EXPECT_EQ(with_certificate.transport_error, "");
  EXPECT_EQ(with_certificate.response.body, "secure");
  // RFC 8705 §2: a request that presents none must not ride on the previous handshake.
  request.tls_identity = TlsIdentity{"", "", "none"};
  EXPECT_NE(client.send(request).transport_error, "");
  request.tls_identity.reset();
  EXPECT_NE(client.send(request).transport_error, "");
}

}  // namespace
}  // namespace parity::http
