#include "server/tls.hpp"

#include "core/errors.hpp"
#include "http/curl_client.hpp"
#include "server/config.hpp"
#include "server/reference_server.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace parity::server::test_support {
namespace {

namespace fs = std::filesystem;

const char* const k_client = R"(clients:
  - client_id: c1
    auth_method: client_secret_basic
    secret: s3cret
    redirect_uris: [https://client.example/cb]
)";

/// The LoadError message (after the file name) for a config made of `tls_block` and one
/// client, written next to the TLS fixtures so that relative paths resolve there.
std::string load_error(const std::string& tls_block) {
  const fs::path dir =
      fs::temp_directory_path() /
      ("parity-tls-config-" +
       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  fs::create_directories(dir);
  const std::string path = (dir / "server.yaml").string();
  std::ofstream(path) << tls_block << k_client;
  std::string message;
  try {
    load_server_config(path);
  } catch (const LoadError& error) {
    message = std::string(error.what()).substr(path.size());
  }
  fs::remove_all(dir);
  return message;
}

std::string tls_fixture(const std::string& name) {
  return fixture("tls/" + name);
}

http::Exchange get(const std::string& url, const http::ClientOptions& options) {
  http::CurlClient client(options);
  return client.send(http::Request{"GET", url, {}, ""});
}

http::ClientOptions trusting_test_ca() {
  http::ClientOptions options;
  options.ca_file = tls_fixture("ca.pem");
  return options;
}

TEST(ServerTlsTest, DefaultFixtureServesHttpsWithPathsRelativeToTheConfig) {
  const ServerConfig config = load_server_config(fixture("reference/default.yaml"));
  ASSERT_TRUE(config.tls.has_value());
  EXPECT_EQ(config.tls->cert_file, fs::path(tls_fixture("server.pem")).lexically_normal());
  EXPECT_EQ(config.tls->key_file, fs::path(tls_fixture("server.key")).lexically_normal());
  EXPECT_EQ(url_scheme(config.tls), "https");
  EXPECT_EQ(url_scheme(std::nullopt), "http");
}

TEST(ServerTlsTest, MetadataOverVerifiedHttpsAdvertisesHttpsEndpoints) {
  ReferenceServer server(load_server_config(fixture("reference/default.yaml")));
  const int port = server.start();
  const std::string issuer = "https://127.0.0.1:" + std::to_string(port);
  EXPECT_EQ(server.base_url(), issuer);
  const http::Exchange exchange =
      get(issuer + "/.well-known/oauth-authorization-server", trusting_test_ca());
  ASSERT_EQ(exchange.transport_error, "");
  ASSERT_EQ(exchange.response.status, 200);
  const auto doc = nlohmann::json::parse(exchange.response.body);
  EXPECT_EQ(doc.at("issuer"), issuer);
  EXPECT_EQ(doc.at("pushed_authorization_request_endpoint"), issuer + "/par");
  EXPECT_EQ(doc.at("token_endpoint"), issuer + "/token");
  EXPECT_EQ(doc.at("authorization_endpoint"), issuer + "/authorize");
}

TEST(ServerTlsTest, CertificateIsValidForLocalhostToo) {
  ReferenceServer server(load_server_config(fixture("reference/default.yaml")));
  const int port = server.start();
  const http::Exchange exchange =
      get("https://localhost:" + std::to_string(port) + "/.well-known/openid-configuration",
          trusting_test_ca());
  // localhost may resolve to ::1 first, where nothing listens; curl then tries 127.0.0.1.
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.status, 200);
}

TEST(ServerTlsTest, PlainHttpParEndpointFaultAdvertisesHttp) {
  ServerConfig config = load_server_config(fixture("reference/default.yaml"));
  config.faults = {"par_endpoint_plain_http"};
  ReferenceServer server(std::move(config));
  const int port = server.start();
  const http::Exchange exchange =
      get(server.base_url() + "/.well-known/oauth-authorization-server", trusting_test_ca());
  ASSERT_EQ(exchange.response.status, 200) << exchange.transport_error;
  const auto doc = nlohmann::json::parse(exchange.response.body);
  EXPECT_EQ(doc.at("pushed_authorization_request_endpoint"),
            "http://127.0.0.1:" + std::to_string(port) + "/par");
  EXPECT_EQ(doc.at("issuer"), server.base_url());  // only the PAR endpoint is affected
}

TEST(ServerTlsTest, ClientWithoutTheTestCaGetsAVerificationError) {
  ReferenceServer server(load_server_config(fixture("reference/default.yaml")));
  server.start();
  http::ClientOptions options;
  options.ca_file = tls_fixture("other-ca.pem");
  const http::Exchange exchange = get(server.base_url() + "/par", options);
  EXPECT_EQ(exchange.response.status, 0);
  EXPECT_NE(exchange.transport_error.find("SSL certificate problem"), std::string::npos)
      << exchange.transport_error;
}

TEST(ServerTlsTest, PlainHttpOnTheHttpsPortIsNotServed) {
  ReferenceServer server(load_server_config(fixture("reference/default.yaml")));
  const int port = server.start();
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(2);
  const auto result = client.Get("/.well-known/oauth-authorization-server");
  EXPECT_FALSE(result && result->status == 200);
}

TEST(ServerTlsTest, ConfigWithoutTlsServesPlainHttp) {
  ServerConfig config = load_server_config(fixture("reference/default.yaml"));
  config.tls.reset();
  ReferenceServer server(std::move(config));
  const int port = server.start();
  EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(port));
}

TEST(ServerTlsTest, ConfigErrorsPointAtTheTlsKey) {
  const std::string cert = tls_fixture("server.pem");
  const std::string key = tls_fixture("server.key");
  EXPECT_EQ(load_error("tls: { cert: " + cert + ", key: " + key + " }\n"), "");
  const std::string missing = load_error("tls: { cert: no-such.pem, key: " + key + " }\n");
  // Checked where the path is written, before OpenSSL opens it.
  EXPECT_EQ(missing.rfind(":1:8: file not found: ", 0), 0U) << missing;
  EXPECT_NE(missing.find("no-such.pem"), std::string::npos) << missing;
  const std::string mismatch =
      load_error("tls: { cert: " + cert + ", key: " + tls_fixture("client.key") + " }\n");
  EXPECT_EQ(mismatch.rfind(":1:1: tls: ", 0), 0U) << mismatch;
  EXPECT_NE(mismatch.find("client.key"), std::string::npos) << mismatch;
  const std::string not_pem = load_error("tls: { cert: " + cert + ", key: " + cert + " }\n");
  EXPECT_EQ(not_pem.rfind(":1:1: tls: cannot use private key", 0), 0U) << not_pem;
  EXPECT_EQ(load_error("tls: { cert: " + cert + " }\n").rfind(":1:6: ", 0), 0U);
  const std::string unknown = load_error("tls: { cert: " + cert + ", key: " + key + ", kye: x }\n");
  EXPECT_NE(unknown.find("unknown key 'kye'"), std::string::npos) << unknown;
  EXPECT_NE(load_error("tls: { cert: '', key: " + key + " }\n").find("tls.cert must not be empty"),
            std::string::npos);
  const std::string ca = tls_fixture("ca.pem");
  EXPECT_EQ(load_error("tls: { cert: " + cert + ", key: " + key + ", client_ca: " + ca + " }\n"),
            "");
  const std::string bad_ca =
      load_error("tls: { cert: " + cert + ", key: " + key + ", client_ca: no-ca.pem }\n");
  EXPECT_NE(bad_ca.find(": file not found: "), std::string::npos) << bad_ca;
}

TEST(ServerTlsTest, UnusableCertificateCannotMakeAServer) {
  const ServerTls tls{"/nonexistent/server.pem", tls_fixture("server.key"), ""};
  EXPECT_THROW(make_http_server(tls), std::runtime_error);
  EXPECT_NE(make_http_server(std::nullopt), nullptr);
}

}  // namespace
}  // namespace parity::server::test_support
