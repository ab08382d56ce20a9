#include "crypto/pkce.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

std::string error_of(const httplib::Result& result) {
  return json::parse(result->body).value("error", "");
}

class TokenEndpointTest : public ::testing::Test {
 protected:
  /// Push as parity-basic, authorize, and return the code.
  std::string code() {
    const auto authorized = server.authorize("parity-basic", server.push_basic_request_uri());
    return http::find_param(location_params(authorized), "code").value_or("");
  }

  TestServer server;
};

TEST_F(TokenEndpointTest, WrongVerifierIsInvalidGrant) {
  const auto result = server.token_basic(code(), crypto::make_code_verifier());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_grant");
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
}

TEST_F(TokenEndpointTest, MissingVerifierIsInvalidGrant) {
  const auto result = server.post("/token",
                                  {{"grant_type", "authorization_code"}, {"code", code()}},
                                  {{"Authorization", basic_auth("parity-basic", k_basic_secret)}});
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_grant");
}

TEST_F(TokenEndpointTest, CodeIsSingleUse) {
  const std::string issued = code();
  EXPECT_EQ(server.token_basic(issued, server.verifier())->status, 200);
  const auto again = server.token_basic(issued, server.verifier());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 400);
  EXPECT_EQ(error_of(again), "invalid_grant");
}

TEST_F(TokenEndpointTest, CodeOfAnotherClientIsInvalidGrant) {
  const auto result = server.post("/token",
                                  {{"grant_type", "authorization_code"},
                                   {"code", code()},
                                   {"redirect_uri", k_redirect_uri},
                                   {"code_verifier", server.verifier()}},
                                  {{"Authorization", basic_auth("parity-other", k_other_secret)}});
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_grant");
}

TEST_F(TokenEndpointTest, RedirectUriMustMatchThePushedOne) {
  const auto headers =
      httplib::Headers{{"Authorization", basic_auth("parity-basic", k_basic_secret)}};
  const http::Params missing{
      {"grant_type", "authorization_code"}, {"code", code()}, {"code_verifier", server.verifier()}};
  EXPECT_EQ(error_of(server.post("/token", missing, headers)), "invalid_grant");
  http::Params other = missing;
  other[1].second = code();
  other.emplace_back("redirect_uri", "https://client.example/other");
  EXPECT_EQ(error_of(server.post("/token", other, headers)), "invalid_grant");
}

TEST_F(TokenEndpointTest, UnsupportedGrantType) {
  const auto result = server.post("/token",
                                  {{"grant_type", "client_credentials"}},
                                  {{"Authorization", basic_auth("parity-basic", k_basic_secret)}});
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "unsupported_grant_type");
}

TEST_F(TokenEndpointTest, ClientMustAuthenticate) {
  const auto result = server.post("/token",
                                  {{"grant_type", "authorization_code"},
                                   {"code", code()},
                                   {"redirect_uri", k_redirect_uri},
                                   {"code_verifier", server.verifier()}},
                                  {{"Authorization", basic_auth("parity-basic", "wrong")}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(TokenEndpointTest, PlainChallengeIsVerifiedAsPlain) {
  TestServer plain_server(load_fixture_config({}, "state8.yaml"));
  auto params = plain_server.push_params("parity-public", "long-enough-state");
  params[5].second = plain_server.verifier();  // code_challenge
  params[6].second = "plain";                  // code_challenge_method
  const auto pushed = plain_server.post("/par", params);
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  const auto authorized =
      plain_server.authorize("parity-public", json::parse(pushed->body).at("request_uri"));
  const auto result =
      plain_server.post("/token",
                        {{"grant_type", "authorization_code"},
                         {"client_id", "parity-public"},
                         {"code", http::find_param(location_params(authorized), "code").value()},
                         {"redirect_uri", k_redirect_uri},
                         {"code_verifier", plain_server.verifier()}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
}

}  // namespace
}  // namespace parity::server::test_support
