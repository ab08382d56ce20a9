#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

std::string param(const GetResult& result, const std::string& name) {
  return http::find_param(location_params(result), name).value_or("");
}

GetResult front_channel(TestServer& server, const std::string& client_id) {
  return server.get("/authorize?" + http::form_encode(server.push_params(client_id, "front")));
}

TEST(ParRequiredTest, ClientRequiringParIsRefusedAPlainAuthorizeWithRedirect) {
  TestServer server;
  const auto refused = front_channel(server, "parity-par-only");
  EXPECT_EQ(param(refused, "error"), "invalid_request");
  EXPECT_EQ(param(refused, "state"), "front");
  EXPECT_EQ(param(refused, "code"), "");
  // Other clients are not affected.
  EXPECT_FALSE(param(front_channel(server, "parity-basic"), "code").empty());

  TestServer faulty({"ignore_client_par_requirement"});
  EXPECT_FALSE(param(front_channel(faulty, "parity-par-only"), "code").empty());
}

TEST(ParRequiredTest, ClientRequiringParCanPush) {
  TestServer server;
  const auto pushed = server.post(
      "/par",
      server.push_params("parity-par-only"),
      {{"Authorization", basic_auth("parity-par-only", "parity-par-only-secret-4e8a1d")}});
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  const auto authorized =
      server.authorize("parity-par-only", json::parse(pushed->body).at("request_uri"));
  EXPECT_FALSE(param(authorized, "code").empty());
}

TEST(ParRequiredTest, UnregisteredRedirectUriGetsTheErrorPage) {
  TestServer server;
  auto params = server.push_params("parity-par-only", "front");
  params[2].second = "https://evil.example/cb";
  const auto result = server.get("/authorize?" + http::form_encode(params));
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_FALSE(result->has_header("Location"));
}

TEST(ParRequiredTest, ServerWideRequirementFromTheParRequiredFixture) {
  TestServer server(load_fixture_config({}, "par-required.yaml"));
  EXPECT_EQ(param(front_channel(server, "parity-basic"), "error"), "invalid_request");
  EXPECT_FALSE(
      param(server.authorize("parity-basic", server.push_basic_request_uri()), "code").empty());
  const json doc = json::parse(server.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(doc.at("require_pushed_authorization_requests"), true);

  TestServer ignoring(load_fixture_config({"ignore_server_par_requirement"}, "par-required.yaml"));
  EXPECT_FALSE(param(front_channel(ignoring, "parity-basic"), "code").empty());

  TestServer hiding(load_fixture_config({"metadata_hides_par_requirement"}, "par-required.yaml"));
  const json hidden = json::parse(hiding.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(hidden.at("require_pushed_authorization_requests"), false);
  EXPECT_EQ(param(front_channel(hiding, "parity-basic"), "error"), "invalid_request");
}

TEST(ParRequiredTest, PushResponseIsNotCacheable) {
  TestServer server;
  EXPECT_EQ(server.push_basic()->get_header_value("Cache-Control"), "no-store");
  TestServer faulty({"push_without_no_store"});
  const auto result = faulty.push_basic();
  EXPECT_EQ(result->status, 201);
  EXPECT_FALSE(result->has_header("Cache-Control"));
}

TEST(ParRequiredTest, PushBodyHasExactlyRequestUriAndExpiresIn) {
  TestServer server;
  const json body = json::parse(server.push_basic()->body);
  EXPECT_EQ(body.size(), 2U);
  EXPECT_TRUE(body.contains("request_uri"));
  EXPECT_TRUE(body.contains("expires_in"));
}

}  // namespace
}  // namespace parity::server::test_support
