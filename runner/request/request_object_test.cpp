// Request objects (RFC 9101, RFC 9126 §3) and DPoP proofs (RFC 9449) built by build_request.
#include "request/request_object.hpp"

#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "http/url.hpp"
#include "plan/test_cases.hpp"
#include "request/dpop_header.hpp"
#include "request/request_builder.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class RequestObjectTest : public ::testing::Test {
 protected:
  BuiltRequest build(const Step& step, const std::string& client_name) {
    const Client& client = client_named(m_profile, client_name);
    return build_request(step, client, test_vars(m_profile, client), m_profile);
  }

  static Step push_with(RequestObjectSpec object) {
    Step step = make_step(StepKind::push);
    step.request.request_object = std::move(object);
    return step;
  }

  static http::Params form_of(const http::Request& request) {
    return http::form_decode(request.body);
  }

  static crypto::DecodedJws decoded_param(const http::Params& params, const std::string& name) {
    const auto compact = http::find_param(params, name);
    EXPECT_TRUE(compact.has_value()) << name;
    return crypto::decode_jws(compact.value_or("")).value_or(crypto::DecodedJws{});
  }

  static std::vector<std::string> names(const http::Params& params) {
    std::vector<std::string> out;
    for (const auto& pair : params) {
      out.push_back(pair.first);
    }
    return out;
  }

  Profile m_profile = test_profile();
};

TEST_F(RequestObjectTest, PrivateKeyJwtClientSignsWithItsKeyAndAlg) {
  const http::Params form = form_of(build(push_with({}), "jwt").request);
  EXPECT_EQ(names(form),
            (std::vector<std::string>{
                "client_id", "client_assertion_type", "client_assertion", "request"}));
  EXPECT_EQ(http::find_param(form, "client_id"), "jwt-client");
  const crypto::DecodedJws jwt = decoded_param(form, "request");
  EXPECT_EQ(jwt.header["typ"], "oauth-authz-req+jwt");
  EXPECT_EQ(jwt.header["alg"], "RS256");
  EXPECT_EQ(jwt.header["kid"], "k1");
  EXPECT_TRUE(crypto::verify_jws(jwt, crypto::Key::from_pem_file(key_path("client_rsa.pub.pem"))));
}

TEST_F(RequestObjectTest, ClaimsAreTheAuthorizationParametersPlusRegisteredClaims) {
  Step step = push_with({});
  step.request.params = {{"state", text("custom-state")}, {"prompt", text("login")}};
  step.request.omit = {"code_challenge_method"};
  const crypto::DecodedJws jwt = decoded_param(form_of(build(step, "jwt").request), "request");
  const nlohmann::json& claims = jwt.payload;
  EXPECT_EQ(claims["response_type"], "code");
  EXPECT_EQ(claims["client_id"], "jwt-client");
  EXPECT_EQ(claims["redirect_uri"], "https://client.example/cb");
  EXPECT_EQ(claims["state"], "custom-state");
  EXPECT_EQ(claims["prompt"], "login");
  EXPECT_EQ(claims["code_challenge"], "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  EXPECT_FALSE(claims.contains("code_challenge_method"));
  EXPECT_FALSE(claims.contains("client_assertion"));
  EXPECT_EQ(claims["iss"], "jwt-client");
  EXPECT_EQ(claims["aud"], "https://as.example");
  const long long now = now_seconds();
  EXPECT_NEAR(claims["iat"].get<long long>(), now, 5);
  EXPECT_NEAR(claims["nbf"].get<long long>(), now, 5);
  EXPECT_NEAR(claims["exp"].get<long long>(), now + 60, 5);
  EXPECT_EQ(claims["jti"].get<std::string>().size(), 32U);
}

TEST_F(RequestObjectTest, SecretClientsSignWithHs256AndKeepTheirAuthentication) {
  const BuiltRequest built = build(push_with({}), "web");
  const http::Params form = form_of(built.request);
  EXPECT_EQ(names(form), (std::vector<std::string>{"client_id", "request"}));
  EXPECT_TRUE(http::find_header(built.request.headers, "Authorization").has_value());
  const crypto::DecodedJws jwt = decoded_param(form, "request");
  EXPECT_EQ(jwt.header["alg"], "HS256");
  EXPECT_TRUE(crypto::verify_jws_hmac(jwt, "web secret:1"));
  EXPECT_EQ(jwt.payload["scope"], "openid profile");
}

TEST_F(RequestObjectTest, OverridesOffsetsAndOmittedClaims) {
  RequestObjectSpec object;
  object.claims = {{"aud", "${issuer}/elsewhere", {}}, {"max_age", 0, {}}};
  object.omit_claims = {"jti", "nbf"};
  object.exp_offset = -30;
  object.iat_offset = 3600;
  object.typ = "JWT";
  const crypto::DecodedJws jwt =
      decoded_param(form_of(build(push_with(object), "jwt").request), "request");
  EXPECT_EQ(jwt.header["typ"], "JWT");
  EXPECT_EQ(jwt.payload["aud"], "https://as.example/elsewhere");
  EXPECT_EQ(jwt.payload["max_age"], 0);
  EXPECT_FALSE(jwt.payload.contains("jti"));
  EXPECT_FALSE(jwt.payload.contains("nbf"));
  EXPECT_NEAR(jwt.payload["exp"].get<long long>(), now_seconds() - 30, 5);
  EXPECT_NEAR(jwt.payload["iat"].get<long long>(), now_seconds() + 3600, 5);
}

TEST_F(RequestObjectTest, JsonValuedParametersAreEmbeddedAsJson) {
  Step step = push_with({});
  step.request.params = {
      {"authorization_details", text(R"([{"type":"payment_initiation","amount":"5"}])")},
      {"claims", text(R"({"id_token":{"acr":null}})")},
      {"login_hint", text(R"({"not":"json-valued"})")}};
  const crypto::DecodedJws jwt = decoded_param(form_of(build(step, "jwt").request), "request");
  ASSERT_TRUE(jwt.payload["authorization_details"].is_array());
  EXPECT_EQ(jwt.payload["authorization_details"][0]["type"], "payment_initiation");
  EXPECT_TRUE(jwt.payload["claims"].is_object());
  EXPECT_TRUE(jwt.payload["login_hint"].is_string());
}

TEST_F(RequestObjectTest, RepeatedParametersBecomeArrays) {
  Step step = push_with({});
  step.request.params = {{"resource", text("https://a.example")},
                         {"resource", text("https://b.example")}};
  const crypto::DecodedJws jwt = decoded_param(form_of(build(step, "jwt").request), "request");
  EXPECT_EQ(jwt.payload["resource"],
            nlohmann::json::array({"https://a.example", "https://b.example"}));
}

TEST_F(RequestObjectTest, UnsignedTamperedAndOtherKeyObjects) {
  RequestObjectSpec none;
  none.alg = "none";
  const crypto::DecodedJws unsigned_jwt =
      decoded_param(form_of(build(push_with(none), "jwt").request), "request");
  EXPECT_EQ(unsigned_jwt.header["alg"], "none");
  EXPECT_TRUE(unsigned_jwt.signature.empty());

  RequestObjectSpec tampered;
  tampered.tamper_signature = true;
  const crypto::DecodedJws broken =
      decoded_param(form_of(build(push_with(tampered), "jwt").request), "request");
  EXPECT_FALSE(
      crypto::verify_jws(broken, crypto::Key::from_pem_file(key_path("client_rsa.pub.pem"))));

  RequestObjectSpec attacker;
  attacker.key_path = key_path("attacker_rsa.pem");
  const crypto::DecodedJws forged =
      decoded_param(form_of(build(push_with(attacker), "jwt").request), "request");
  EXPECT_EQ(forged.header["alg"], "RS256");
  EXPECT_FALSE(forged.header.contains("kid"));
  EXPECT_TRUE(
      crypto::verify_jws(forged, crypto::Key::from_pem_file(key_path("attacker_rsa.pub.pem"))));
}

TEST_F(RequestObjectTest, OuterParametersAndOnlyRequest) {
  RequestObjectSpec object;
  object.outer = {{"state", text("outer-value")}};
  const http::Params form = form_of(build(push_with(object), "post").request);
  EXPECT_EQ(names(form),
            (std::vector<std::string>{"client_id", "client_secret", "request", "state"}));
  EXPECT_EQ(http::find_param(form, "state"), "outer-value");
  EXPECT_EQ(decoded_param(form, "request").payload["state"], "state-1234567890");

  RequestObjectSpec only;
  only.only_request = true;
  EXPECT_EQ(names(form_of(build(push_with(only), "post").request)),
            (std::vector<std::string>{"client_secret", "request"}));
  EXPECT_EQ(names(form_of(build(push_with(only), "web").request)),
            std::vector<std::string>{"request"});
}

TEST_F(RequestObjectTest, AuthorizeWithRequestObjectCarriesAWholeAuthorizationRequest) {
  Step step = make_step(StepKind::authorize);
  step.request.request_object = RequestObjectSpec{};
  const http::Request request = build(step, "jwt").request;
  EXPECT_EQ(request.method, "GET");
  const auto query = http::form_decode(request.url.substr(request.url.find('?') + 1));
  EXPECT_EQ(names(query), (std::vector<std::string>{"client_id", "request"}));
  const crypto::DecodedJws jwt = decoded_param(query, "request");
  EXPECT_EQ(jwt.payload["response_type"], "code");
  EXPECT_FALSE(jwt.payload.contains("request_uri"));
}

TEST_F(RequestObjectTest, MissingKeyMaterialThrows) {
  RequestObjectSpec object;
  object.alg = "RS256";
  EXPECT_THROW(build(push_with(object), "web"), std::runtime_error);
  EXPECT_THROW(build(push_with({}), "public"), std::runtime_error);
}

class DpopTest : public RequestObjectTest {
 protected:
  void SetUp() override {
    m_profile.dpop_key = key_path("client_ec.pem");
    m_profile.dpop_alg = "ES256";
  }

  crypto::DecodedJws proof_of(const Step& step, const std::string& client = "web") {
    const http::Request request = build(step, client).request;
    const auto header = http::find_header(request.headers, "DPoP");
    EXPECT_TRUE(header.has_value());
    return crypto::decode_jws(header.value_or("")).value_or(crypto::DecodedJws{});
  }

  static Step with_dpop(StepKind kind, DpopSpec dpop) {
    Step step = make_step(kind);
    step.request.dpop = std::move(dpop);
    return step;
  }
};

TEST_F(DpopTest, ProofVerifiesWithItsJwkAndDescribesTheRequest) {
  Step step = with_dpop(StepKind::token, {});
  step.request.params = {{"code", text("the-code")}};
  step.request.query = {{"x", text("1")}};
  const crypto::DecodedJws proof = proof_of(step);
  EXPECT_EQ(proof.header["typ"], "dpop+jwt");
  EXPECT_EQ(proof.header["alg"], "ES256");
  const crypto::Key jwk = crypto::Key::from_jwk(proof.header["jwk"]);
  EXPECT_TRUE(crypto::verify_jws(proof, jwk));
  EXPECT_EQ(jwk.thumbprint(), crypto::Key::from_pem_file(key_path("client_ec.pem")).thumbprint());
  EXPECT_EQ(proof.payload["htm"], "POST");
  EXPECT_EQ(proof.payload["htu"], "https://as.example/token");
  EXPECT_NEAR(proof.payload["iat"].get<long long>(), now_seconds(), 5);
  EXPECT_EQ(proof.payload["jti"].get<std::string>().size(), 32U);
  EXPECT_FALSE(proof.payload.contains("nonce"));
}

TEST_F(DpopTest, MethodOverrideChangesHtm) {
  Step step = with_dpop(StepKind::push, {});
  step.request.method = "PUT";
  EXPECT_EQ(proof_of(step).payload["htm"], "PUT");
}

TEST_F(DpopTest, OverridesBreakTheProofOnPurpose) {
  DpopSpec dpop;
  dpop.htm = text("GET");
  dpop.htu = text("${issuer}/elsewhere");
  dpop.jti = text("fixed-${state}");
  dpop.nonce = text("server-nonce");
  dpop.ath = text("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU");
  dpop.iat_offset = -600;
  dpop.typ = "JWT";
  dpop.omit_claims = {"iat"};
  dpop.claims = {{"extra", {{"a", 1}}, {}}};
  const crypto::DecodedJws proof = proof_of(with_dpop(StepKind::push, dpop));
  EXPECT_EQ(proof.header["typ"], "JWT");
  EXPECT_EQ(proof.payload["htm"], "GET");
  EXPECT_EQ(proof.payload["htu"], "https://as.example/elsewhere");
  EXPECT_EQ(proof.payload["jti"], "fixed-state-1234567890");
  EXPECT_EQ(proof.payload["nonce"], "server-nonce");
  EXPECT_EQ(proof.payload["ath"], "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
  EXPECT_FALSE(proof.payload.contains("iat"));
  EXPECT_EQ(proof.payload["extra"]["a"], 1);
}

TEST_F(DpopTest, OwnKeyTamperingNoneAndRaw) {
  DpopSpec own;
  own.key_path = key_path("client_rsa.pem");
  const crypto::DecodedJws rsa = proof_of(with_dpop(StepKind::push, own));
  EXPECT_EQ(rsa.header["alg"], "PS256");
  EXPECT_TRUE(crypto::verify_jws(rsa, crypto::Key::from_jwk(rsa.header["jwk"])));

  DpopSpec tampered;
  tampered.tamper_signature = true;
  const crypto::DecodedJws broken = proof_of(with_dpop(StepKind::push, tampered));
  EXPECT_FALSE(crypto::verify_jws(broken, crypto::Key::from_jwk(broken.header["jwk"])));

  DpopSpec none;
  none.alg = "none";
  EXPECT_TRUE(proof_of(with_dpop(StepKind::push, none)).signature.empty());

  DpopSpec raw;
  raw.raw = text("not.a.jwt ${state}");
  const http::Request request = build(with_dpop(StepKind::push, raw), "web").request;
  EXPECT_EQ(http::find_header(request.headers, "DPoP"), "not.a.jwt state-1234567890");
}

TEST_F(DpopTest, HeadersOverrideTheProofAndNoKeyThrows) {
  Step step = with_dpop(StepKind::push, {});
  step.request.headers = {{"dpop", text("from-headers")}};
  EXPECT_EQ(http::find_header(build(step, "web").request.headers, "DPoP"), "from-headers");
  m_profile.dpop_key.clear();
  EXPECT_THROW(build(with_dpop(StepKind::push, {}), "web"), std::runtime_error);
}

}  // namespace
}  // namespace parity::run
