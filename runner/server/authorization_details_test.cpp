#include "server/test_proofs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

std::string error_of(const httplib::Result& result) {
  return json::parse(result->body).value("error", "");
}

std::string param(const GetResult& result, const std::string& name) {
  return http::find_param(location_params(result), name).value_or("");
}

const httplib::Headers& basic_header() {
  static const httplib::Headers headers{
      {"Authorization", basic_auth("parity-basic", k_basic_secret)}};
  return headers;
}

httplib::Result push_details(TestServer& server, const std::string& details) {
  auto params = server.push_params("parity-basic");
  params.emplace_back("authorization_details", details);
  return server.post("/par", params, basic_header());
}

const json k_payment =
    json::array({{{"type", "payment_initiation"},
                  {"instructedAmount", {{"currency", "EUR"}, {"amount", "123.50"}}}}});

TEST(AuthorizationDetailsTest, ValidDetailsAreBoundAndEchoedWithTheToken) {
  TestServer server;
  const auto pushed = push_details(server, k_payment.dump());
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  const auto authorized =
      server.authorize("parity-basic", json::parse(pushed->body).at("request_uri"));
  const auto token = server.token_basic(param(authorized, "code"), server.verifier());
  ASSERT_EQ(token->status, 200) << token->body;
  EXPECT_EQ(json::parse(token->body).at("authorization_details"), k_payment);
}

TEST(AuthorizationDetailsTest, DetailsInsideARequestObjectAreJson) {
  TestServer server;
  const json claims =
      request_object_claims(server, "parity-basic", {{"authorization_details", k_payment}});
  const auto pushed =
      server.post("/par",
                  request_object_push("parity-basic", hmac_request_object(claims, k_basic_secret)),
                  basic_header());
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  const auto authorized =
      server.authorize("parity-basic", json::parse(pushed->body).at("request_uri"));
  const auto token = server.token_basic(param(authorized, "code"), server.verifier());
  EXPECT_EQ(json::parse(token->body).at("authorization_details"), k_payment);
}

TEST(AuthorizationDetailsTest, InvalidDetailsAreRejectedUnlessTheFaultIsOn) {
  const std::vector<std::string> invalid{
      "not json",
      R"({"type":"payment_initiation"})",
      R"([{"amount":"1"}])",
      R"([{"type":7}])",
      R"([{"type":"nonexistent"}])",
      R"(["payment_initiation"])",
  };
  TestServer clean;
  TestServer faulty({"accept_invalid_authorization_details"});
  for (const auto& details : invalid) {
    const auto rejected = push_details(clean, details);
    EXPECT_EQ(rejected->status, 400) << details;
    EXPECT_EQ(error_of(rejected), "invalid_authorization_details") << details;
    EXPECT_EQ(push_details(faulty, details)->status, 201) << details;
  }
}

TEST(AuthorizationDetailsTest, MetadataListsTheConfiguredTypes) {
  TestServer server;
  const json doc = json::parse(server.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(doc.at("authorization_details_types_supported"),
            json({"account_information", "payment_initiation"}));
  ServerConfig config = load_fixture_config();
  config.authorization_details_types.clear();
  TestServer none(config);
  const json bare = json::parse(none.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_FALSE(bare.contains("authorization_details_types_supported"));
}

}  // namespace
}  // namespace parity::server::test_support
