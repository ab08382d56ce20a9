#include "run/discovery.hpp"

#include "run/test_http_client.hpp"

#include <gtest/gtest.h>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

const nlohmann::json k_metadata = {
    {"issuer", "https://as.example"},
    {"authorization_endpoint", "https://as.example/authorize"},
    {"token_endpoint", "https://as.example/token"},
    {"pushed_authorization_request_endpoint", "https://as.example/par"},
};

constexpr const char* k_oauth_url = "https://as.example/.well-known/oauth-authorization-server";
constexpr const char* k_openid_url = "https://as.example/.well-known/openid-configuration";

Profile profile_with_metadata(const std::string& url) {
  Profile profile;
  profile.metadata_url = url;
  return profile;
}

TEST(DiscoverEndpointsTest, FillsEmptyEndpointsAndTheIssuer) {
  Profile profile = profile_with_metadata(k_oauth_url);
  profile.endpoints.token = "https://explicit.example/token";
  FakeHttpClient http;
  http.queue(json_response(200, k_metadata));
  EXPECT_EQ(discover_endpoints(profile, http), "");
  EXPECT_EQ(profile.issuer, "https://as.example");
  EXPECT_EQ(profile.endpoints.par, "https://as.example/par");
  EXPECT_EQ(profile.endpoints.authorization, "https://as.example/authorize");
  EXPECT_EQ(profile.endpoints.token, "https://explicit.example/token");
  EXPECT_EQ(profile.capabilities.count("discovery"), 1U);
  ASSERT_EQ(http.requests().size(), 1U);
  EXPECT_EQ(http.requests()[0].method, "GET");
  EXPECT_EQ(http.requests()[0].url, k_oauth_url);
}

TEST(DiscoverEndpointsTest, FallsBackToOpenidConfigurationOn404) {
  Profile profile = profile_with_metadata(k_oauth_url);
  FakeHttpClient http;
  http.queue(json_response(404, {{"error", "not_found"}}));
  http.queue(json_response(200, k_metadata));
  EXPECT_EQ(discover_endpoints(profile, http), "");
  EXPECT_EQ(http.requests().at(1).url, k_openid_url);
  EXPECT_EQ(profile.metadata_url, k_openid_url);
  EXPECT_EQ(profile.endpoints.par, "https://as.example/par");
}

TEST(DiscoverEndpointsTest, OtherUrlsDoNotFallBack) {
  Profile profile = profile_with_metadata("https://as.example/meta");
  FakeHttpClient http;
  http.queue(json_response(404, {}));
  EXPECT_EQ(discover_endpoints(profile, http),
            "metadata https://as.example/meta answered HTTP 404");
  EXPECT_EQ(http.requests().size(), 1U);
  EXPECT_EQ(profile.capabilities.count("discovery"), 0U);
}

TEST(DiscoverEndpointsTest, ReportsTransportErrorsAndNonJson) {
  Profile profile = profile_with_metadata(k_openid_url);
  FakeHttpClient http;
  http.queue_transport_error("Connection refused");
  EXPECT_EQ(discover_endpoints(profile, http),
            std::string("cannot fetch metadata ") + k_openid_url + ": Connection refused");
  http::Response html;
  html.status = 200;
  html.body = "<html></html>";
  http.queue(html);
  EXPECT_EQ(discover_endpoints(profile, http),
            std::string("metadata ") + k_openid_url + " is not a JSON object");
  EXPECT_TRUE(profile.endpoints.par.empty());
}

// One setup error naming each unusable member, instead of every case erroring on curl's
// "bad/illegal format or missing URL".
TEST(DiscoverEndpointsTest, MissingOrWrongTypedEndpointsAreNamed) {
  Profile profile = profile_with_metadata(k_oauth_url);
  profile.endpoints.authorization = "https://explicit.example/authorize";
  FakeHttpClient http;
  http.queue(json_response(200,
                           {{"issuer", "https://as.example"},
                            {"authorization_endpoint", 7},
                            {"token_endpoint", 42},
                            {"pushed_authorization_request_endpoint", "/par"}}));
  EXPECT_EQ(discover_endpoints(profile, http),
            std::string("metadata ") + k_oauth_url +
                ": pushed_authorization_request_endpoint '/par' is not an http(s) URL (and the "
                "profile's endpoints give no 'par'); token_endpoint is a number, not a URL string "
                "(and the profile's endpoints give no 'token')");
  EXPECT_EQ(profile.capabilities.count("discovery"), 0U);

  Profile second = profile_with_metadata(k_oauth_url);
  http.queue(json_response(200, {{"issuer", "https://as.example"}}));
  const std::string error = discover_endpoints(second, http);
  EXPECT_NE(error.find("pushed_authorization_request_endpoint is missing"), std::string::npos);
  EXPECT_NE(error.find("authorization_endpoint is missing"), std::string::npos);
  EXPECT_NE(error.find("token_endpoint is missing"), std::string::npos);
}

TEST(DiscoverEndpointsTest, NothingToDoWithoutMetadataUrl) {
  Profile profile;
  FakeHttpClient http;
  EXPECT_EQ(discover_endpoints(profile, http), "");
  EXPECT_TRUE(http.requests().empty());
  EXPECT_EQ(profile.capabilities.count("discovery"), 0U);
}

}  // namespace
}  // namespace parity::run
