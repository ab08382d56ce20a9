#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

std::string param(const GetResult& result, const std::string& name) {
  return http::find_param(location_params(result), name).value_or("");
}

bool has_param(const GetResult& result, const std::string& name) {
  return http::find_param(location_params(result), name).has_value();
}

TEST(AuthorizeEndpointTest, FullFlowIssuesCodeAndToken) {
  TestServer server;
  const std::string request_uri = server.push_basic_request_uri("state with spaces&=");
  ASSERT_FALSE(request_uri.empty());
  const auto authorized = server.authorize("parity-basic", request_uri);
  ASSERT_TRUE(authorized);
  ASSERT_EQ(authorized->status, 302);
  const std::string location = authorized->get_header_value("Location");
  EXPECT_EQ(location.rfind(std::string(k_redirect_uri) + "?", 0), 0U) << location;
  EXPECT_EQ(param(authorized, "state"), "state with spaces&=");
  EXPECT_EQ(param(authorized, "iss"), server.issuer());
  const std::string code = param(authorized, "code");
  ASSERT_FALSE(code.empty());

  const auto token = server.token_basic(code, server.verifier());
  ASSERT_TRUE(token);
  EXPECT_EQ(token->status, 200) << token->body;
  EXPECT_EQ(token->get_header_value("Cache-Control"), "no-store");
  const json body = json::parse(token->body);
  EXPECT_EQ(body.at("token_type"), "Bearer");
  EXPECT_EQ(body.at("expires_in"), 300);
  EXPECT_EQ(body.at("scope"), "openid profile");
  EXPECT_FALSE(body.at("access_token").get<std::string>().empty());
}

TEST(AuthorizeEndpointTest, ReusedRequestUriIsRejectedWithRedirect) {
  TestServer server;
  const std::string request_uri = server.push_basic_request_uri();
  EXPECT_TRUE(has_param(server.authorize("parity-basic", request_uri), "code"));
  const auto again = server.authorize("parity-basic", request_uri);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 302);
  EXPECT_EQ(param(again, "error"), "invalid_request_uri");
  EXPECT_EQ(param(again, "iss"), server.issuer());
  EXPECT_FALSE(has_param(again, "code"));
}

TEST(AuthorizeEndpointTest, OtherClientCannotRedeem) {
  TestServer server;
  const std::string request_uri = server.push_basic_request_uri();
  const auto result = server.authorize("parity-other", request_uri);
  EXPECT_EQ(param(result, "error"), "invalid_request_uri");
  // The rightful client can still use it.
  EXPECT_TRUE(has_param(server.authorize("parity-basic", request_uri), "code"));
}

TEST(AuthorizeEndpointTest, UnknownRequestUriIsRejected) {
  TestServer server;
  for (const char* uri :
       {"urn:ietf:params:oauth:request_uri:made-up", "https://client.example/request.jwt"}) {
    const auto result = server.authorize("parity-basic", uri);
    EXPECT_EQ(param(result, "error"), "invalid_request_uri") << uri;
  }
}

TEST(AuthorizeEndpointTest, ExpiredRequestUriIsRejected) {
  ServerConfig config = load_fixture_config();
  config.request_uri_lifetime = 1;
  TestServer server(config);
  const std::string request_uri = server.push_basic_request_uri();
  ASSERT_FALSE(request_uri.empty());
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(param(server.authorize("parity-basic", request_uri), "error"), "invalid_request_uri");
}

TEST(AuthorizeEndpointTest, MissingOrUnknownClientGetsErrorPage) {
  TestServer server;
  const std::string request_uri = server.push_basic_request_uri();
  for (const std::string& query :
       {"request_uri=" + http::percent_encode(request_uri),
        "client_id=nobody&request_uri=" + http::percent_encode(request_uri)}) {
    const auto result = server.get("/authorize?" + query);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    EXPECT_FALSE(result->has_header("Location"));
    EXPECT_EQ(result->get_header_value("Content-Type").rfind("text/html", 0), 0U);
  }
}

TEST(AuthorizeEndpointTest, ErrorsGoToPageWhenSeveralRedirectUrisAreRegistered) {
  ServerConfig config = load_fixture_config();
  config.clients.front().redirect_uris.push_back("https://client.example/cb2");
  TestServer server(config);
  const auto result = server.authorize("parity-basic", "urn:ietf:params:oauth:request_uri:nope");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_FALSE(result->has_header("Location"));
}

TEST(AuthorizeEndpointTest, ExtraParametersNextToRequestUriAreIgnored) {
  TestServer server;
  const std::string request_uri = server.push_basic_request_uri("pushed-state");
  const auto result =
      server.get("/authorize?" + http::form_encode({{"client_id", "parity-basic"},
                                                    {"request_uri", request_uri},
                                                    {"state", "front-state"},
                                                    {"redirect_uri", "https://evil.example/cb"}}));
  EXPECT_EQ(param(result, "state"), "pushed-state");
  EXPECT_EQ(result->get_header_value("Location").rfind(k_redirect_uri, 0), 0U);
}

TEST(AuthorizeEndpointTest, FrontChannelRequestWorksWhenParIsOptional) {
  TestServer server;
  const auto result =
      server.get("/authorize?" + http::form_encode(server.push_params("parity-basic", "front")));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 302);
  EXPECT_TRUE(has_param(result, "code"));
  EXPECT_EQ(param(result, "state"), "front");
}

TEST(AuthorizeEndpointTest, FrontChannelRequestIsRefusedWhenParIsRequired) {
  ServerConfig config = load_fixture_config();
  config.require_par = true;
  TestServer server(config);
  const auto result =
      server.get("/authorize?" + http::form_encode(server.push_params("parity-basic", "front")));
  EXPECT_EQ(param(result, "error"), "invalid_request");
  EXPECT_FALSE(has_param(result, "code"));
}

TEST(AuthorizeEndpointTest, FrontChannelErrorsRedirectOnlyToAValidRedirectUri) {
  TestServer server;
  auto params = server.push_params("parity-basic", "front");
  params.emplace_back("prompt", "none");
  params[3].second = "openid admin";  // scope
  const auto bad_scope = server.get("/authorize?" + http::form_encode(params));
  EXPECT_EQ(param(bad_scope, "error"), "invalid_scope");
  EXPECT_EQ(param(bad_scope, "state"), "front");

  params[2].second = "https://evil.example/cb";  // redirect_uri
  const auto bad_redirect = server.get("/authorize?" + http::form_encode(params));
  ASSERT_TRUE(bad_redirect);
  EXPECT_EQ(bad_redirect->status, 400);
  EXPECT_FALSE(bad_redirect->has_header("Location"));
}

TEST(AuthorizeEndpointTest, RedirectUriWithQueryKeepsIt) {
  ServerConfig config = load_fixture_config();
  config.clients.front().redirect_uris = {"https://client.example/cb?tenant=a%20b"};
  TestServer server(config);
  auto params = server.push_params("parity-basic");
  params[2].second = "https://client.example/cb?tenant=a%20b";
  const auto pushed =
      server.post("/par", params, {{"Authorization", basic_auth("parity-basic", k_basic_secret)}});
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  const auto result = server.authorize("parity-basic", json::parse(pushed->body).at("request_uri"));
  const std::string location = result->get_header_value("Location");
  EXPECT_EQ(location.rfind("https://client.example/cb?tenant=a%20b&code=", 0), 0U) << location;
}

TEST(AuthorizeEndpointTest, ConcurrentRedemptionsIssueExactlyOneCode) {
  TestServer server;
  const std::string request_uri = server.push_basic_request_uri();
  ASSERT_FALSE(request_uri.empty());
  const std::string issuer = server.issuer();
  std::atomic<int> codes{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&] {
      const auto result =
          fetch(issuer + "/authorize?" +
                http::form_encode({{"client_id", "parity-basic"}, {"request_uri", request_uri}}));
      if (has_param(result, "code")) {
        ++codes;
      } else if (param(result, "error") == "invalid_request_uri") {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(codes.load(), 1);
  EXPECT_EQ(errors.load(), 19);
}

TEST(AuthorizeEndpointTest, DuplicateQueryParameterGetsErrorPage) {
  TestServer server;
  const auto result =
      server.get("/authorize?client_id=parity-basic&client_id=parity-other&request_uri=x");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_FALSE(result->has_header("Location"));
}

}  // namespace
}  // namespace parity::server::test_support
