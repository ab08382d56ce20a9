#include "server/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

template <typename Result>
std::string error_of(const Result& result) {
  return json::parse(result->body).value("error", "");
}

http::Params with(http::Params params, const std::string& name, const std::string& value) {
  std::erase_if(params, [&](const auto& param) { return param.first == name; });
  params.emplace_back(name, value);
  return params;
}

http::Params without(http::Params params, const std::string& name) {
  std::erase_if(params, [&](const auto& param) { return param.first == name; });
  return params;
}

const httplib::Headers& basic_header() {
  static const httplib::Headers headers{
      {"Authorization", basic_auth("parity-basic", k_basic_secret)}};
  return headers;
}

TEST(ParEndpointTest, BasicPushGets201WithRequestUriAndExpiresIn) {
  TestServer server;
  const auto result = server.push_basic();
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(result->get_header_value("Cache-Control"), "no-store");
  const json body = json::parse(result->body);
  const std::string uri = body.at("request_uri");
  EXPECT_EQ(uri.rfind("urn:ietf:params:oauth:request_uri:", 0), 0U);
  EXPECT_EQ(uri.size(), std::string("urn:ietf:params:oauth:request_uri:").size() + 43);
  EXPECT_TRUE(body.at("expires_in").is_number_integer());
  EXPECT_EQ(body.at("expires_in"), 1);
}

TEST(ParEndpointTest, EveryAuthMethodCanPush) {
  TestServer server;
  const std::string issuer = server.issuer();
  const auto assertion = [](const std::string& value) {
    return http::Params{
        {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
        {"client_assertion", value}};
  };
  struct Attempt {
    std::string client_id;
    http::Params extra;
    httplib::Headers headers;
  };
  const std::vector<Attempt> attempts{
      {"parity-basic", {}, basic_header()},
      {"parity-post", {{"client_secret", k_post_secret}}, {}},
      {"parity-hmac",
       assertion(hmac_assertion("parity-hmac", k_hmac_secret, {{"aud", issuer}})),
       {}},
      {"parity-jwt",
       assertion(sign_assertion("parity-jwt", "keys/client_rsa.pem", "RS256", {{"aud", issuer}})),
       {}},
      {"parity-jwt",
       assertion(sign_assertion("parity-jwt", "keys/client_rsa.pem", "PS256", {{"aud", issuer}})),
       {}},
      {"parity-jwt-es",
       assertion(sign_assertion("parity-jwt-es", "keys/client_ec.pem", "ES256", {{"aud", issuer}})),
       {}},
      {"parity-public", {}, {}},
  };
  for (const auto& attempt : attempts) {
    http::Params params = server.push_params(attempt.client_id);
    params.insert(params.end(), attempt.extra.begin(), attempt.extra.end());
    const auto result = server.post("/par", params, attempt.headers);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 201) << attempt.client_id << ": " << result->body;
  }
}

TEST(ParEndpointTest, WrongBasicSecretGets401WithChallenge) {
  TestServer server;
  const auto result = server.post("/par",
                                  server.push_params("parity-basic"),
                                  {{"Authorization", basic_auth("parity-basic", "wrong")}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(result->get_header_value("WWW-Authenticate"), "Basic realm=\"parity\"");
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST(ParEndpointTest, WrongPostSecretGetsInvalidClientWithoutChallenge) {
  TestServer server;
  auto params = server.push_params("parity-post");
  params.emplace_back("client_secret", "wrong");
  const auto result = server.post("/par", params);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_FALSE(result->has_header("WWW-Authenticate"));
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST(ParEndpointTest, MethodOtherThanRegisteredIsRejected) {
  TestServer server;
  auto params = server.push_params("parity-basic");
  params.emplace_back("client_secret", k_basic_secret);
  const auto result = server.post("/par", params);
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST(ParEndpointTest, TwoAuthMethodsAreInvalidRequest) {
  TestServer server;
  auto params = server.push_params("parity-basic");
  params.emplace_back("client_secret", k_basic_secret);
  const auto result = server.post("/par", params, basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, RequestUriInBodyIsRejected) {
  TestServer server;
  const auto result = server.post(
      "/par",
      with(
          server.push_params("parity-basic"), "request_uri", "urn:ietf:params:oauth:request_uri:x"),
      basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, DuplicateParameterIsRejected) {
  TestServer server;
  auto params = server.push_params("parity-basic");
  params.emplace_back("scope", "email");
  const auto result = server.post("/par", params, basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, EmptyValueCountsAsAbsent) {
  TestServer server;
  auto params = server.push_params("parity-basic");
  params.emplace_back("scope", "");
  params.emplace_back("nonce", "");
  const auto result = server.post("/par", params, basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201) << result->body;
}

TEST(ParEndpointTest, MissingClientIdIsInvalidRequestEvenWithBasic) {
  TestServer server;
  const auto result =
      server.post("/par", without(server.push_params("parity-basic"), "client_id"), basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, NoCredentialsAndNoClientIdIsInvalidClient) {
  TestServer server;
  const auto result =
      server.post("/par", without(server.push_params("parity-public"), "client_id"));
  ASSERT_TRUE(result);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST(ParEndpointTest, UnknownClientIsInvalidClient) {
  TestServer server;
  const auto result = server.post(
      "/par", server.push_params("nobody"), {{"Authorization", basic_auth("nobody", "x")}});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST(ParEndpointTest, ClientIdMustMatchAuthenticatedClient) {
  TestServer server;
  const auto result = server.post("/par", server.push_params("parity-other"), basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(error_of(result), "invalid_client");
}

TEST(ParEndpointTest, InvalidAuthorizationRequestsAreRejected) {
  TestServer server;
  const auto base = server.push_params("parity-basic");
  const std::vector<std::pair<http::Params, std::string>> cases{
      {with(base, "redirect_uri", "https://evil.example/cb"), "invalid_request"},
      {with(base, "redirect_uri", "https://client.example/cb#frag"), "invalid_request"},
      {with(base, "response_type", "token"), "unsupported_response_type"},
      {without(base, "response_type"), "invalid_request"},
      {with(base, "scope", "openid admin"), "invalid_scope"},
      {without(without(base, "code_challenge"), "code_challenge_method"), "invalid_request"},
      {without(base, "code_challenge"), "invalid_request"},
      {with(base, "code_challenge_method", "plain"), "invalid_request"},
      {with(base, "code_challenge_method", "S512"), "invalid_request"},
      {without(base, "code_challenge_method"), "invalid_request"},
      {with(base, "code_challenge", "too-short"), "invalid_request"},
      {with(base, "request", "eyJhbGciOiJub25lIn0.e30."), "invalid_request_object"},
  };
  for (const auto& [params, error] : cases) {
    const auto result = server.post("/par", params, basic_header());
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << http::form_encode(params);
    EXPECT_EQ(error_of(result), error) << http::form_encode(params);
  }
}

TEST(ParEndpointTest, RedirectUriMayBeOmittedWithOneRegistered) {
  TestServer server;
  const auto result = server.post(
      "/par", without(server.push_params("parity-basic"), "redirect_uri"), basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
}

TEST(ParEndpointTest, RedirectUriIsRequiredWithSeveralRegistered) {
  ServerConfig config = load_fixture_config();
  config.clients.front().redirect_uris.push_back("https://client.example/cb2");
  TestServer server(config);
  const auto result = server.post(
      "/par", without(server.push_params("parity-basic"), "redirect_uri"), basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, PublicClientNeedsPkceEvenWhenNotRequired) {
  ServerConfig config = load_fixture_config();
  config.pkce_required = false;
  TestServer server(config);
  const auto no_pkce = [&](const std::string& id) {
    return without(without(server.push_params(id), "code_challenge"), "code_challenge_method");
  };
  EXPECT_EQ(server.post("/par", no_pkce("parity-basic"), basic_header())->status, 201);
  EXPECT_EQ(server.post("/par", no_pkce("parity-public"))->status, 400);
}

TEST(ParEndpointTest, State8PolicyRejectsShortStateAndAcceptsPlain) {
  TestServer server(load_fixture_config({}, "state8.yaml"));
  EXPECT_EQ(server.push_basic("1234567")->status, 400);
  EXPECT_EQ(server.push_basic("12345678")->status, 201);
  const auto plain =
      with(with(server.push_params("parity-basic"), "code_challenge_method", "plain"),
           "code_challenge",
           server.verifier());
  EXPECT_EQ(server.post("/par", plain, basic_header())->status, 201);
}

TEST(ParEndpointTest, ShortStateIsFineWithoutPolicy) {
  TestServer server;
  EXPECT_EQ(server.push_basic("abc")->status, 201);
}

TEST(ParEndpointTest, WrongContentTypeIsRejected) {
  TestServer server;
  httplib::Client client(server.issuer());
  const auto result = client.Post("/par", basic_header(), "{}", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, FormContentTypeWithCharsetIsAccepted) {
  TestServer server;
  httplib::Client client(server.issuer());
  const auto result = client.Post("/par",
                                  basic_header(),
                                  http::form_encode(server.push_params("parity-basic")),
                                  "application/x-www-form-urlencoded; charset=UTF-8");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
}

TEST(ParEndpointTest, GetIsMethodNotAllowed) {
  TestServer server;
  const auto result = server.get("/par");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 405);
  EXPECT_EQ(result->get_header_value("Allow"), "POST");
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, CredentialsInQueryAreRejected) {
  TestServer server;
  auto params = server.push_params("parity-post");
  params.emplace_back("client_secret", k_post_secret);
  const auto result = server.post("/par?client_secret=parity-post-secret-7b1e4d", params);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
}

TEST(ParEndpointTest, OversizedBodyGets413) {
  TestServer server;
  const auto result =
      server.post("/par",
                  with(server.push_params("parity-basic"), "claims", std::string(70000, 'a')),
                  basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
}

TEST(ParEndpointTest, LargeButAcceptableBodyIsAccepted) {
  TestServer server;
  const auto result =
      server.post("/par",
                  with(server.push_params("parity-basic"), "claims", std::string(20000, 'a')),
                  basic_header());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
}

}  // namespace
}  // namespace parity::server::test_support
