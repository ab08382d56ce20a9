#include "server/faults.hpp"

#include "crypto/pkce.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <thread>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

std::string param(const GetResult& result, const std::string& name) {
  return http::find_param(location_params(result), name).value_or("");
}

http::Params without(http::Params params, const std::string& name) {
  std::erase_if(params, [&](const auto& item) { return item.first == name; });
  return params;
}

const httplib::Headers& basic_header() {
  static const httplib::Headers headers{
      {"Authorization", basic_auth("parity-basic", k_basic_secret)}};
  return headers;
}

TEST(FaultsTest, CatalogueHasTheDocumentedFaultsOnce) {
  std::set<std::string> names;
  for (const auto& fault : fault_catalogue()) {
    EXPECT_TRUE(names.insert(fault.name).second) << fault.name;
    EXPECT_FALSE(fault.breaks.empty()) << fault.name;
    EXPECT_FALSE(fault.description.empty()) << fault.name;
  }
  for (const char* name : {"accept_missing_client_id",
                           "accept_any_assertion_type",
                           "accept_wrong_secret",
                           "no_www_authenticate",
                           "push_returns_200",
                           "expires_in_as_string",
                           "accept_request_uri_in_push",
                           "accept_plain_pkce",
                           "default_pkce_method_s256",
                           "reject_short_state",
                           "ignore_min_state_length",
                           "request_uri_never_expires",
                           "request_uri_not_bound_to_client",
                           "accept_unknown_request_uri",
                           "drop_state",
                           "token_ignores_pkce",
                           "request_uri_reusable",
                           "guessable_request_uri"}) {
    EXPECT_TRUE(is_known_fault(name)) << name;
  }
  EXPECT_FALSE(is_known_fault("no_such_fault"));
}

TEST(FaultsTest, PushReturns200) {
  TestServer server({"push_returns_200"});
  EXPECT_EQ(server.push_basic()->status, 200);
}

TEST(FaultsTest, ExpiresInAsString) {
  TestServer server({"expires_in_as_string"});
  const auto result = server.push_basic();
  EXPECT_EQ(json::parse(result->body).at("expires_in"), "1");
}

TEST(FaultsTest, AcceptWrongSecret) {
  TestServer server({"accept_wrong_secret"});
  const auto result = server.post("/par",
                                  server.push_params("parity-basic"),
                                  {{"Authorization", basic_auth("parity-basic", "x")}});
  EXPECT_EQ(result->status, 201);
}

TEST(FaultsTest, NoWwwAuthenticate) {
  TestServer server({"no_www_authenticate"});
  const auto result = server.post("/par",
                                  server.push_params("parity-basic"),
                                  {{"Authorization", basic_auth("parity-basic", "x")}});
  EXPECT_EQ(result->status, 401);
  EXPECT_FALSE(result->has_header("WWW-Authenticate"));
}

TEST(FaultsTest, AcceptRequestUriInPush) {
  TestServer server({"accept_request_uri_in_push"});
  auto params = server.push_params("parity-basic");
  params.emplace_back("request_uri", "urn:ietf:params:oauth:request_uri:x");
  EXPECT_EQ(server.post("/par", params, basic_header())->status, 201);
}

TEST(FaultsTest, AcceptPlainPkce) {
  TestServer server({"accept_plain_pkce"});
  auto params = server.push_params("parity-basic");
  params[5].second = server.verifier();
  params[6].second = "plain";
  EXPECT_EQ(server.post("/par", params, basic_header())->status, 201);
}

TEST(FaultsTest, DefaultPkceMethodS256) {
  TestServer server({"default_pkce_method_s256"});
  const auto pushed = server.post(
      "/par", without(server.push_params("parity-basic"), "code_challenge_method"), basic_header());
  EXPECT_EQ(pushed->status, 201);
}

TEST(FaultsTest, RejectShortState) {
  TestServer server({"reject_short_state"});
  EXPECT_EQ(server.push_basic("abc")->status, 400);
  EXPECT_EQ(server.push_basic("abcdefgh")->status, 201);
}

TEST(FaultsTest, IgnoreMinStateLength) {
  TestServer server(load_fixture_config({"ignore_min_state_length"}, "state8.yaml"));
  EXPECT_EQ(server.push_basic("abc")->status, 201);
}

TEST(FaultsTest, RequestUriNotBoundToClient) {
  TestServer server({"request_uri_not_bound_to_client"});
  const auto result = server.authorize("parity-other", server.push_basic_request_uri());
  EXPECT_FALSE(param(result, "code").empty());
}

TEST(FaultsTest, RequestUriReusable) {
  TestServer server({"request_uri_reusable"});
  const std::string request_uri = server.push_basic_request_uri();
  EXPECT_FALSE(param(server.authorize("parity-basic", request_uri), "code").empty());
  EXPECT_FALSE(param(server.authorize("parity-basic", request_uri), "code").empty());
}

TEST(FaultsTest, AcceptUnknownRequestUri) {
  TestServer server({"accept_unknown_request_uri"});
  const auto result = server.authorize("parity-basic", "urn:ietf:params:oauth:request_uri:made-up");
  EXPECT_FALSE(param(result, "code").empty());
  EXPECT_EQ(result->get_header_value("Location").rfind(k_redirect_uri, 0), 0U);
}

TEST(FaultsTest, RequestUriNeverExpires) {
  ServerConfig config = load_fixture_config({"request_uri_never_expires"});
  config.request_uri_lifetime = 1;
  TestServer server(config);
  const std::string request_uri = server.push_basic_request_uri();
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_FALSE(param(server.authorize("parity-basic", request_uri), "code").empty());
}

TEST(FaultsTest, DropState) {
  TestServer server({"drop_state"});
  const auto result = server.authorize("parity-basic", server.push_basic_request_uri("s-123"));
  EXPECT_FALSE(param(result, "code").empty());
  EXPECT_FALSE(http::find_param(location_params(result), "state").has_value());
}

TEST(FaultsTest, TokenIgnoresPkce) {
  TestServer server({"token_ignores_pkce"});
  const auto authorized = server.authorize("parity-basic", server.push_basic_request_uri());
  const auto result = server.token_basic(param(authorized, "code"), crypto::make_code_verifier());
  EXPECT_EQ(result->status, 200);
}

TEST(FaultsTest, GuessableRequestUri) {
  TestServer server({"guessable_request_uri"});
  EXPECT_EQ(server.push_basic_request_uri(), "urn:ietf:params:oauth:request_uri:1");
  EXPECT_EQ(server.push_basic_request_uri(), "urn:ietf:params:oauth:request_uri:2");
}

TEST(FaultsTest, AcceptMissingClientId) {
  TestServer server({"accept_missing_client_id"});
  const auto with_basic =
      server.post("/par", without(server.push_params("parity-basic"), "client_id"), basic_header());
  EXPECT_EQ(with_basic->status, 201);
  const auto anonymous =
      server.post("/par", without(server.push_params("parity-public"), "client_id"));
  EXPECT_EQ(anonymous->status, 201) << anonymous->body;
  // Bound to no client: no registered client can redeem it.
  const auto redeemed =
      server.authorize("parity-public", json::parse(anonymous->body).at("request_uri"));
  EXPECT_EQ(param(redeemed, "error"), "invalid_request_uri");
}

TEST(FaultsTest, AcceptAnyAssertionType) {
  TestServer server({"accept_any_assertion_type"});
  auto params = server.push_params("parity-jwt");
  params.emplace_back("client_assertion_type",
                      "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
  params.emplace_back(
      "client_assertion",
      sign_assertion("parity-jwt", "keys/client_rsa.pem", "RS256", {{"aud", server.issuer()}}));
  EXPECT_EQ(server.post("/par", params)->status, 201);
}

}  // namespace
}  // namespace parity::server::test_support
