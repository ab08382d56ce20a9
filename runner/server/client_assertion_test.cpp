#include "crypto/jws.hpp"
#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

constexpr const char* k_jwt_bearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

long now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class ClientAssertionTest : public ::testing::Test {
 protected:
  httplib::Result push(const std::string& client_id,
                       const std::string& assertion,
                       const std::string& type = k_jwt_bearer) {
    auto params = server.push_params(client_id);
    params.emplace_back("client_assertion_type", type);
    params.emplace_back("client_assertion", assertion);
    return server.post("/par", params);
  }
  httplib::Result push_rsa(const json& claims, const std::string& key = "keys/client_rsa.pem") {
    return push("parity-jwt", sign_assertion("parity-jwt", key, "RS256", claims));
  }
  json aud_issuer() const { return {{"aud", server.issuer()}}; }
  static std::string error_of(const httplib::Result& result) {
    return json::parse(result->body).value("error", "");
  }

  TestServer server;
};

TEST_F(ClientAssertionTest, AudienceMayBeIssuerTokenOrParEndpoint) {
  for (const std::string& aud :
       {server.issuer(), server.issuer() + "/token", server.issuer() + "/par"}) {
    const auto result = push_rsa({{"aud", aud}});
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 201) << aud << ": " << result->body;
  }
}

TEST_F(ClientAssertionTest, AudienceArrayContainingIssuerIsAccepted) {
  const auto result = push_rsa({{"aud", json::array({"https://other.example", server.issuer()})}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201) << result->body;
}

TEST_F(ClientAssertionTest, OtherAudienceIsRejected) {
  const auto result = push_rsa({{"aud", "https://other.example"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, ReplayedJtiIsRejected) {
  const std::string assertion =
      sign_assertion("parity-jwt", "keys/client_rsa.pem", "RS256", aud_issuer());
  EXPECT_EQ(push("parity-jwt", assertion)->status, 201);
  const auto replay = push("parity-jwt", assertion);
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 400);
  EXPECT_EQ(error_of(replay), "invalid_client");
}

TEST_F(ClientAssertionTest, ExpiredAssertionIsRejected) {
  const auto result = push_rsa({{"aud", server.issuer()}, {"exp", now() - 60}});
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, SmallClockSkewIsTolerated) {
  const auto result = push_rsa({{"aud", server.issuer()}, {"exp", now() - 2}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
}

TEST_F(ClientAssertionTest, MissingExpOrJtiIsRejected) {
  EXPECT_EQ(error_of(push_rsa({{"aud", server.issuer()}, {"exp", nullptr}})), "invalid_client");
  EXPECT_EQ(error_of(push_rsa({{"aud", server.issuer()}, {"jti", nullptr}})), "invalid_client");
}

TEST_F(ClientAssertionTest, IatFarInTheFutureIsRejected) {
  const auto result =
      push_rsa({{"aud", server.issuer()}, {"iat", now() + 3600}, {"exp", now() + 3700}});
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, ExpFarInTheFutureOrLaterNbfIsRejected) {
  EXPECT_EQ(error_of(push_rsa({{"aud", server.issuer()}, {"exp", now() + 2 * 86400}})),
            "invalid_client");
  EXPECT_EQ(error_of(push_rsa({{"aud", server.issuer()}, {"nbf", now() + 30}})), "invalid_client");
}

TEST_F(ClientAssertionTest, WrongKeyIsRejected) {
  const auto result = push_rsa(aud_issuer(), "keys/attacker_rsa.pem");
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, AlgNoneIsRejected) {
  const json claims{{"iss", "parity-jwt"},
                    {"sub", "parity-jwt"},
                    {"aud", server.issuer()},
                    {"jti", "none-1"},
                    {"exp", now() + 60}};
  const auto result = push("parity-jwt", crypto::unsigned_jws(json::object(), claims));
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, WrongAssertionTypeIsRejected) {
  const auto result =
      push("parity-jwt",
           sign_assertion("parity-jwt", "keys/client_rsa.pem", "RS256", aud_issuer()),
           "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, IssuerAndSubjectMustBeTheClient) {
  const auto result = push_rsa({{"aud", server.issuer()}, {"sub", "parity-basic"}});
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, HmacWithWrongSecretIsRejected) {
  const auto result =
      push("parity-hmac",
           hmac_assertion("parity-hmac", "not-the-secret-but-long-enough-32b", aud_issuer()));
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, HmacForAKeyClientIsRejected) {
  const auto result = push("parity-jwt", hmac_assertion("parity-jwt", k_hmac_secret, aud_issuer()));
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST_F(ClientAssertionTest, ClientIdParameterMustMatch) {
  const auto result = push(
      "parity-jwt-es", sign_assertion("parity-jwt", "keys/client_rsa.pem", "RS256", aud_issuer()));
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

}  // namespace
}  // namespace parity::server::test_support
