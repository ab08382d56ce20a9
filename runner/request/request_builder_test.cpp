#include "request/request_builder.hpp"

#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "http/url.hpp"
#include "plan/test_cases.hpp"
#include "request/client_auth.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

using Pairs = http::Params;

const Pairs k_push_defaults_web = {
    {"response_type", "code"},
    {"client_id", "web-client"},
    {"redirect_uri", "https://client.example/cb"},
    {"scope", "openid profile"},
    {"state", "state-1234567890"},
    {"code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"},
    {"code_challenge_method", "S256"},
};

Pairs push_defaults_for(const std::string& client_id) {
  return {
      {"response_type", "code"},
      {"client_id", client_id},
      {"redirect_uri", "https://client.example/cb"},
      {"state", "state-1234567890"},
      {"code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"},
      {"code_challenge_method", "S256"},
  };
}

class RequestBuilderTest : public ::testing::Test {
 protected:
  BuiltRequest build(const Step& step, const std::string& client_name) {
    const Client& client = client_named(m_profile, client_name);
    return build_request(step, client, test_vars(m_profile, client));
  }

  static Pairs body_params(const http::Request& request) { return http::form_decode(request.body); }

  static Pairs query_params(const http::Request& request) {
    const auto question = request.url.find('?');
    return question == std::string::npos ? Pairs{}
                                         : http::form_decode(request.url.substr(question + 1));
  }

  // The decoded client_assertion of a push built for `client_name` with `assertion`.
  crypto::DecodedJws assertion_of(const AssertionSpec& assertion, const std::string& client_name) {
    Step step = make_step(StepKind::push);
    step.request.assertion = assertion;
    const http::Request request = build(step, client_name).request;
    const std::optional<std::string> compact =
        http::find_param(body_params(request), "client_assertion");
    EXPECT_TRUE(compact.has_value());
    std::optional<crypto::DecodedJws> decoded = crypto::decode_jws(compact.value_or(""));
    EXPECT_TRUE(decoded.has_value());
    return decoded.value_or(crypto::DecodedJws{});
  }

  static long now_seconds() {
    return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count());
  }

  Profile m_profile = test_profile();
};

TEST_F(RequestBuilderTest, DefaultPushWithClientSecretBasic) {
  const BuiltRequest built = build(make_step(StepKind::push), "web");
  const http::Request& request = built.request;
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://as.example/par");
  EXPECT_EQ(http::find_header(request.headers, "content-type"),
            "application/x-www-form-urlencoded");
  EXPECT_EQ(body_params(request), k_push_defaults_web);
  EXPECT_EQ(http::find_header(request.headers, "Authorization"),
            "Basic d2ViLWNsaWVudDp3ZWIrc2VjcmV0JTNBMQ==");
  EXPECT_EQ(built.secrets,
            (std::vector<std::string>{
                "web secret:1", "web+secret%3A1", "d2ViLWNsaWVudDp3ZWIrc2VjcmV0JTNBMQ=="}));
}

TEST_F(RequestBuilderTest, BasicCredentialsAreFormEncodedBeforeBase64) {
  // RFC 6749 §2.3.1 / Appendix B: "a b:c" → "a+b%3Ac".
  EXPECT_EQ(basic_authorization("web-client", "web secret:1"),
            "Basic d2ViLWNsaWVudDp3ZWIrc2VjcmV0JTNBMQ==");
  EXPECT_EQ(basic_authorization("s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw"),
            "Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3");
}

TEST_F(RequestBuilderTest, DefaultPushWithClientSecretPost) {
  const http::Request request = build(make_step(StepKind::push), "post").request;
  Pairs expected = push_defaults_for("post-client");
  expected.emplace_back("client_secret", "post-secret-value");
  EXPECT_EQ(body_params(request), expected);
  EXPECT_FALSE(http::find_header(request.headers, "Authorization"));
  EXPECT_EQ(request.method, "POST");
}

TEST_F(RequestBuilderTest, DefaultPushWithNoneSendsOnlyClientId) {
  const BuiltRequest built = build(make_step(StepKind::push), "public");
  EXPECT_EQ(body_params(built.request), push_defaults_for("public-client"));
  EXPECT_FALSE(http::find_header(built.request.headers, "Authorization"));
  EXPECT_TRUE(built.secrets.empty());
}

TEST_F(RequestBuilderTest, DefaultPushWithPrivateKeyJwtSignsAVerifiableAssertion) {
  const BuiltRequest built = build(make_step(StepKind::push), "jwt");
  const Pairs params = body_params(built.request);
  ASSERT_EQ(params.size(), 8U);
  EXPECT_EQ(Pairs(params.begin(), params.begin() + 6), push_defaults_for("jwt-client"));
  EXPECT_EQ(
      params[6],
      (std::pair<std::string, std::string>{
          "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"}));
  EXPECT_EQ(params[7].first, "client_assertion");
  EXPECT_EQ(built.secrets, std::vector<std::string>{params[7].second});

  const std::optional<crypto::DecodedJws> jws = crypto::decode_jws(params[7].second);
  ASSERT_TRUE(jws);
  EXPECT_TRUE(crypto::verify_jws(*jws, crypto::Key::from_pem_file(key_path("client_rsa.pub.pem"))));
  EXPECT_EQ(jws->header, (nlohmann::json{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}}));
  EXPECT_EQ(jws->payload["iss"], "jwt-client");
  EXPECT_EQ(jws->payload["sub"], "jwt-client");
  EXPECT_EQ(jws->payload["aud"], "https://as.example");
  EXPECT_EQ(jws->payload["jti"].get<std::string>().size(), 32U);
  const long iat = jws->payload["iat"].get<long>();
  EXPECT_LE(std::abs(iat - now_seconds()), 5);
  EXPECT_EQ(jws->payload["exp"].get<long>() - iat, 60);
}

TEST_F(RequestBuilderTest, ClientSecretJwtUsesHs256WithTheSecret) {
  const crypto::DecodedJws jws = assertion_of({}, "hmac");
  EXPECT_EQ(jws.header["alg"], "HS256");
  EXPECT_TRUE(crypto::verify_jws_hmac(jws, "hmac-secret-value-0123456789-0123456789"));
  EXPECT_FALSE(crypto::verify_jws_hmac(jws, "another-secret-value-0123456789-01234567"));
  EXPECT_EQ(jws.payload["iss"], "hmac-client");
}

TEST_F(RequestBuilderTest, PrivateKeyJwtOverrideOnAnHmacClientSignsWithItsKey) {
  // A client registered for client_secret_jwt has signing_alg HS256; asked to authenticate
  // with private_key_jwt, it must sign with its private key, never with the secret.
  for (Client& client : m_profile.clients) {
    if (client.name == "hmac") {
      client.signing_alg = "HS256";  // as the profile loader sets it for client_secret_jwt
      client.private_key_path = key_path("client_rsa.pem");
    }
  }
  Step step = make_step(StepKind::push);
  step.request.auth = AuthMethod::private_key_jwt;
  const std::optional<std::string> compact =
      http::find_param(body_params(build(step, "hmac").request), "client_assertion");
  ASSERT_TRUE(compact);
  const std::optional<crypto::DecodedJws> jws = crypto::decode_jws(*compact);
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header["alg"], "RS256");
  EXPECT_TRUE(crypto::verify_jws(*jws, crypto::Key::from_pem_file(key_path("client_rsa.pub.pem"))));
}

TEST_F(RequestBuilderTest, AssertionJtiIsFreshPerRequest) {
  EXPECT_NE(assertion_of({}, "jwt").payload["jti"], assertion_of({}, "jwt").payload["jti"]);
}

TEST_F(RequestBuilderTest, ExpiredAssertionHasExpInThePast) {
  AssertionSpec spec;
  spec.exp_offset = -60;
  spec.iat_offset = -120;
  const crypto::DecodedJws jws = assertion_of(spec, "jwt");
  EXPECT_LE(std::abs(jws.payload["exp"].get<long>() - (now_seconds() - 60)), 5);
  EXPECT_LE(std::abs(jws.payload["iat"].get<long>() - (now_seconds() - 120)), 5);
  EXPECT_TRUE(crypto::verify_jws(jws, crypto::Key::from_pem_file(key_path("client_rsa.pub.pem"))));
}

TEST_F(RequestBuilderTest, WrongAssertionTypeIsSent) {
  Step step = make_step(StepKind::push);
  step.request.assertion.client_assertion_type =
      text("urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
  const Pairs params = body_params(build(step, "jwt").request);
  EXPECT_EQ(http::find_param(params, "client_assertion_type"),
            "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
}

TEST_F(RequestBuilderTest, AlgNoneAssertionIsUnsigned) {
  AssertionSpec spec;
  spec.alg = "none";
  const crypto::DecodedJws jws = assertion_of(spec, "jwt");
  EXPECT_EQ(jws.header["alg"], "none");
  EXPECT_TRUE(jws.signature.empty());
  EXPECT_FALSE(jws.header.contains("kid"));
}

TEST_F(RequestBuilderTest, OtherKeySignsWithThatKey) {
  AssertionSpec spec;
  spec.key_path = key_path("attacker_rsa.pem");
  const crypto::DecodedJws jws = assertion_of(spec, "jwt");
  EXPECT_EQ(jws.header["alg"], "RS256");
  EXPECT_FALSE(crypto::verify_jws(jws, crypto::Key::from_pem_file(key_path("client_rsa.pub.pem"))));
  EXPECT_TRUE(
      crypto::verify_jws(jws, crypto::Key::from_pem_file(key_path("attacker_rsa.pub.pem"))));
}

TEST_F(RequestBuilderTest, EcKeyOverrideDefaultsToEs256) {
  AssertionSpec spec;
  spec.key_path = key_path("client_ec.pem");
  const crypto::DecodedJws jws = assertion_of(spec, "jwt");
  EXPECT_EQ(jws.header["alg"], "ES256");
  EXPECT_TRUE(crypto::verify_jws(jws, crypto::Key::from_pem_file(key_path("client_ec.pub.pem"))));
}

TEST_F(RequestBuilderTest, AssertionAudienceFollowsTheClientsSetting) {
  // RFC 9126 §2: the issuer by default; the token or PAR endpoint URL when the profile says so.
  for (Client& client : m_profile.clients) {
    client.assertion_audience = AssertionAudience::token_endpoint;
  }
  EXPECT_EQ(assertion_of({}, "jwt").payload["aud"], "https://as.example/token");
  for (Client& client : m_profile.clients) {
    client.assertion_audience = AssertionAudience::par_endpoint;
  }
  EXPECT_EQ(assertion_of({}, "jwt").payload["aud"], "https://as.example/par");
  AssertionSpec explicit_issuer;
  explicit_issuer.aud = text("${issuer}");
  EXPECT_EQ(assertion_of(explicit_issuer, "jwt").payload["aud"], "https://as.example");
}

TEST_F(RequestBuilderTest, ProfilePushParamsAreAddedAndCaseParamsWin) {
  for (Client& client : m_profile.clients) {
    client.push_params = {{"nonce", "${nonce}"}, {"state", "profile-state"}};
  }
  Pairs expected = push_defaults_for("public-client");
  expected[3].second = "profile-state";
  expected.emplace_back("nonce", "nonce-1234567890");
  EXPECT_EQ(body_params(build(make_step(StepKind::push), "public").request), expected);

  Step step = make_step(StepKind::push);
  step.request.params = {{"nonce", text("from-the-case")}};
  expected.back().second = "from-the-case";
  EXPECT_EQ(body_params(build(step, "public").request), expected);
}

TEST_F(RequestBuilderTest, ClaimOverridesAreTemplatesAndOmitRemovesClaims) {
  AssertionSpec spec;
  spec.aud = text("${issuer}/par");
  spec.iss = text("someone-else");
  spec.omit_claims = {"jti", "sub"};
  const crypto::DecodedJws jws = assertion_of(spec, "jwt");
  EXPECT_EQ(jws.payload["aud"], "https://as.example/par");
  EXPECT_TRUE(jws.payload["aud"].is_string());
  EXPECT_EQ(jws.payload["iss"], "someone-else");
  EXPECT_FALSE(jws.payload.contains("jti"));
  EXPECT_FALSE(jws.payload.contains("sub"));
}

TEST_F(RequestBuilderTest, AuthOverrideChangesTheMethod) {
  Step step = make_step(StepKind::push);
  step.request.auth = AuthMethod::client_secret_post;
  const http::Request request = build(step, "web").request;
  EXPECT_FALSE(http::find_header(request.headers, "Authorization"));
  EXPECT_EQ(http::find_param(body_params(request), "client_secret"), "web secret:1");
  EXPECT_EQ(http::count_param(body_params(request), "client_id"), 1);
}

TEST_F(RequestBuilderTest, SecretOverrideReplacesTheClientSecret) {
  Step step = make_step(StepKind::push);
  step.request.secret = text("parity-not-the-${client.name}");
  const BuiltRequest basic = build(step, "web");
  EXPECT_EQ(http::find_header(basic.request.headers, "Authorization"),
            basic_authorization("web-client", "parity-not-the-web"));
  EXPECT_TRUE(basic.secrets.empty());
  const BuiltRequest post = build(step, "post");
  EXPECT_EQ(http::find_param(body_params(post.request), "client_secret"), "parity-not-the-post");
  const crypto::DecodedJws jws = *crypto::decode_jws(
      *http::find_param(body_params(build(step, "hmac").request), "client_assertion"));
  EXPECT_TRUE(crypto::verify_jws_hmac(jws, "parity-not-the-hmac"));
}

TEST_F(RequestBuilderTest, ListParamReplacesEveryDefaultOfThatName) {
  Step step = make_step(StepKind::push);
  step.request.params = {
      {"scope", text("openid")}, {"scope", text("email")}, {"prompt", text("login")}};
  const Pairs params = body_params(build(step, "web").request);
  Pairs expected = k_push_defaults_web;
  expected[3] = {"scope", "openid"};
  expected.insert(expected.begin() + 4, {"scope", "email"});
  expected.emplace_back("prompt", "login");
  EXPECT_EQ(params, expected);
}

TEST_F(RequestBuilderTest, OmitRemovesAndDuplicateRepeats) {
  Step step = make_step(StepKind::push);
  step.request.omit = {"client_id", "code_challenge", "code_challenge_method"};
  step.request.duplicate = {"state"};
  const Pairs params = body_params(build(step, "web").request);
  const Pairs expected = {{"response_type", "code"},
                          {"redirect_uri", "https://client.example/cb"},
                          {"scope", "openid profile"},
                          {"state", "state-1234567890"},
                          {"state", "state-1234567890"}};
  EXPECT_EQ(params, expected);
}

TEST_F(RequestBuilderTest, OmitAlsoRemovesAuthenticationParameters) {
  Step step = make_step(StepKind::push);
  step.request.omit = {"client_assertion"};
  const Pairs params = body_params(build(step, "jwt").request);
  EXPECT_FALSE(http::find_param(params, "client_assertion"));
  EXPECT_TRUE(http::find_param(params, "client_assertion_type"));
}

TEST_F(RequestBuilderTest, ScopeIsLeftOutWhenTheClientHasNone) {
  const Pairs params = body_params(build(make_step(StepKind::push), "post").request);
  EXPECT_FALSE(http::find_param(params, "scope"));
}

TEST_F(RequestBuilderTest, AuthorizeIsAGetWithTheQueryAndNoAuthentication) {
  Step step = make_step(StepKind::authorize);
  const Client& client = client_named(m_profile, "web");
  eval::Vars vars = test_vars(m_profile, client);
  vars.set("request_uri", "urn:ietf:params:oauth:request_uri:abc");
  const http::Request request = build_request(step, client, vars).request;
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.url,
            "https://as.example/authorize?client_id=web-client&request_uri=urn%3Aietf%3Aparams%"
            "3Aoauth%3Arequest_uri%3Aabc");
  EXPECT_TRUE(request.body.empty());
  EXPECT_TRUE(request.headers.empty());
}

TEST_F(RequestBuilderTest, TokenDefaultsWithClientSecretPost) {
  Step step = make_step(StepKind::token);
  const Client& client = client_named(m_profile, "post");
  eval::Vars vars = test_vars(m_profile, client);
  vars.set("code", "the-code");
  const http::Request request = build_request(step, client, vars).request;
  EXPECT_EQ(request.url, "https://as.example/token");
  const Pairs expected = {{"grant_type", "authorization_code"},
                          {"code", "the-code"},
                          {"redirect_uri", "https://client.example/cb"},
                          {"code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"},
                          {"client_id", "post-client"},
                          {"client_secret", "post-secret-value"}};
  EXPECT_EQ(body_params(request), expected);
}

TEST_F(RequestBuilderTest, DiscoverGetsTheMetadataUrl) {
  m_profile.metadata_url = "https://as.example/.well-known/oauth-authorization-server";
  const http::Request request = build(make_step(StepKind::discover), "web").request;
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.url, "https://as.example/.well-known/oauth-authorization-server");
  EXPECT_TRUE(request.headers.empty());
}

TEST_F(RequestBuilderTest, FinalOverridesApplyLast) {
  Step step = make_step(StepKind::push);
  step.request.method = "PUT";
  step.request.url = text("${issuer}/elsewhere");
  step.request.query = {{"client_secret", text("x y")}};
  step.request.headers = {{"authorization", text("Bearer ${state}")}, {"X-Test", text("1")}};
  step.request.content_type = "application/json";
  step.request.body = text(R"({"client_id": "${client.id}"})");
  const http::Request request = build(step, "web").request;
  EXPECT_EQ(request.method, "PUT");
  EXPECT_EQ(request.url, "https://as.example/elsewhere?client_secret=x+y");
  EXPECT_EQ(request.body, R"({"client_id": "web-client"})");
  const http::Headers expected = {{"Content-Type", "application/json"},
                                  {"authorization", "Bearer state-1234567890"},
                                  {"X-Test", "1"}};
  EXPECT_EQ(request.headers, expected);
}

TEST_F(RequestBuilderTest, MissingPrivateKeyThrows) {
  Step step = make_step(StepKind::push);
  step.request.auth = AuthMethod::private_key_jwt;
  EXPECT_THROW(build(step, "web"), std::runtime_error);
}

}  // namespace
}  // namespace parity::run
