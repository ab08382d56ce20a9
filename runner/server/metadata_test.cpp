#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

TEST(MetadataTest, BothWellKnownDocumentsDescribeTheServer) {
  TestServer server;
  for (const char* path :
       {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
    const auto result = server.get(path);
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << path;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
    const json doc = json::parse(result->body);
    const std::string issuer = server.issuer();
    EXPECT_EQ(doc.at("issuer"), issuer);
    EXPECT_EQ(doc.at("authorization_endpoint"), issuer + "/authorize");
    EXPECT_EQ(doc.at("token_endpoint"), issuer + "/token");
    EXPECT_EQ(doc.at("pushed_authorization_request_endpoint"), issuer + "/par");
    EXPECT_EQ(doc.at("require_pushed_authorization_requests"), false);
    EXPECT_EQ(doc.at("token_endpoint_auth_methods_supported").size(), 5U);
    EXPECT_EQ(doc.at("token_endpoint_auth_signing_alg_values_supported"),
              json({"RS256", "PS256", "ES256", "HS256"}));
    EXPECT_EQ(doc.at("code_challenge_methods_supported"), json({"S256"}));
    EXPECT_EQ(doc.at("response_types_supported"), json({"code"}));
    EXPECT_EQ(doc.at("grant_types_supported"), json({"authorization_code"}));
    EXPECT_EQ(doc.at("scopes_supported"), json({"email", "openid", "profile"}));
    EXPECT_EQ(doc.at("authorization_response_iss_parameter_supported"), true);
    EXPECT_EQ(doc.at("request_parameter_supported"), true);
    EXPECT_EQ(doc.at("request_uri_parameter_supported"), true);
  }
}

TEST(MetadataTest, RequirePushedAuthorizationRequestsFollowsConfig) {
  ServerConfig config = load_fixture_config();
  config.require_par = true;
  TestServer server(config);
  const json doc = json::parse(server.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(doc.at("require_pushed_authorization_requests"), true);
}

TEST(MetadataTest, UnknownPathIsNotFound) {
  TestServer server;
  const auto result = server.get("/nothing-here");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
}

TEST(ReferenceServerTest, StopIsIdempotentAndWaitReturnsAfterStop) {
  ReferenceServer server(load_fixture_config());
  const int port = server.start();
  EXPECT_GT(port, 0);
  EXPECT_EQ(server.base_url(), "http://127.0.0.1:" + std::to_string(port));
  std::thread stopper([&] { server.stop(); });
  server.wait();
  stopper.join();
  server.stop();
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1);
  EXPECT_FALSE(client.Get("/.well-known/oauth-authorization-server"));
}

TEST(ReferenceServerTest, StopIsPromptWithAnIdleKeepAliveConnection) {
  ReferenceServer server(load_fixture_config());
  const int port = server.start();
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  ASSERT_TRUE(client.Get("/.well-known/oauth-authorization-server"));
  const auto started = std::chrono::steady_clock::now();
  server.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1500));
}

TEST(ReferenceServerTest, StartingOnABusyPortThrows) {
  ReferenceServer first(load_fixture_config());
  const int port = first.start();
  ReferenceServer second(load_fixture_config());
  EXPECT_THROW(second.start(port), std::runtime_error);
}

}  // namespace
}  // namespace parity::server::test_support
