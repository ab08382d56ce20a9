#include "crypto/jws.hpp"
#include "server/test_proofs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

long now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

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

/// Pushes `request_object` as parity-basic (client_secret_basic).
httplib::Result push_basic_object(TestServer& server, const std::string& request_object) {
  return server.post("/par", request_object_push("parity-basic", request_object), basic_header());
}

/// Client assertion parameters of parity-jar-only (private_key_jwt, RS256).
http::Params jar_only_auth(TestServer& server) {
  return {{"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
          {"client_assertion",
           sign_assertion(
               "parity-jar-only", "keys/client_rsa.pem", "RS256", {{"aud", server.issuer()}})}};
}

TEST(RequestObjectTest, SignedRequestObjectDrivesTheFlow) {
  TestServer server;
  const json claims = request_object_claims(server, "parity-basic", {{"state", "ro-state"}});
  const auto pushed = push_basic_object(server, hmac_request_object(claims, k_basic_secret));
  ASSERT_EQ(pushed->status, 201) << pushed->body;
  const auto authorized =
      server.authorize("parity-basic", json::parse(pushed->body).at("request_uri"));
  EXPECT_EQ(param(authorized, "state"), "ro-state");
  const auto token = server.token_basic(param(authorized, "code"), server.verifier());
  EXPECT_EQ(token->status, 200) << token->body;
}

TEST(RequestObjectTest, PrivateKeyClientSignsWithItsKey) {
  TestServer server;
  for (const char* alg : {"RS256", "PS256"}) {
    auto params = request_object_push(
        "parity-jar-only",
        signed_request_object(
            request_object_claims(server, "parity-jar-only"), "keys/client_rsa.pem", alg));
    const auto auth = jar_only_auth(server);
    params.insert(params.end(), auth.begin(), auth.end());
    const auto result = server.post("/par", params);
    EXPECT_EQ(result->status, 201) << alg << ": " << result->body;
  }
}

TEST(RequestObjectTest, OuterParametersAreIgnored) {
  for (const bool faulty : {false, true}) {
    TestServer server(faulty ? std::set<std::string>{"use_outer_parameters"}
                             : std::set<std::string>{});
    const json claims = request_object_claims(server, "parity-basic", {{"state", "inner"}});
    auto params = request_object_push("parity-basic", hmac_request_object(claims, k_basic_secret));
    params.emplace_back("state", "outer");
    const auto pushed = server.post("/par", params, basic_header());
    ASSERT_EQ(pushed->status, 201) << pushed->body;
    const auto authorized =
        server.authorize("parity-basic", json::parse(pushed->body).at("request_uri"));
    EXPECT_EQ(param(authorized, "state"), faulty ? "outer" : "inner");
  }
}

/// A broken Request Object, the error a conformant server answers, and the fault that lets it
/// through (the push then succeeds).
struct BrokenObject {
  BrokenObject(std::string name_,
               std::string fault_,
               std::function<std::string(TestServer&)> make_,
               std::string faulty_error_ = "")
      : name(std::move(name_)),
        fault(std::move(fault_)),
        make(std::move(make_)),
        faulty_error(std::move(faulty_error_)) {}

  std::string name;
  std::string fault;
  std::function<std::string(TestServer&)> make;
  std::string faulty_error;  ///< non-empty: the faulty server answers this error, not 201
};

std::string hmac_with(TestServer& server, const json& overrides) {
  return hmac_request_object(request_object_claims(server, "parity-basic", overrides),
                             k_basic_secret);
}

std::vector<BrokenObject> broken_objects() {
  return {
      {"alg none",
       "accept_unsigned_request_object",
       [](TestServer& s) {
         return crypto::unsigned_jws({{"typ", "oauth-authz-req+jwt"}},
                                     request_object_claims(s, "parity-basic"));
       }},
      {"signed with another secret",
       "accept_bad_request_object_signature",
       [](TestServer& s) {
         return hmac_request_object(request_object_claims(s, "parity-basic"),
                                    "another-secret-another-secret-xx");
       }},
      {"JWE",
       "misreport_encrypted_request_object",
       [](TestServer&) { return std::string("eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d"); },
       "invalid_request"},
      {"typ dpop+jwt",
       "accept_any_request_object_typ",
       [](TestServer& s) {
         return crypto::sign_jws_hmac(
             {{"typ", "dpop+jwt"}}, request_object_claims(s, "parity-basic"), k_basic_secret);
       }},
      {"expired",
       "accept_expired_request_object",
       [](TestServer& s) {
         return hmac_with(s, {{"exp", now() - 60}});
       }},
      {"no exp",
       "accept_expired_request_object",
       [](TestServer& s) {
         return hmac_with(s, {{"exp", nullptr}});
       }},
      {"nbf ahead",
       "accept_future_request_object",
       [](TestServer& s) {
         return hmac_with(s, {{"nbf", now() + 300}});
       }},
      {"aud elsewhere",
       "ignore_request_object_aud",
       [](TestServer& s) {
         return hmac_with(s, {{"aud", "https://elsewhere.example"}});
       }},
      {"iss other client",
       "ignore_request_object_iss",
       [](TestServer& s) {
         return hmac_with(s, {{"iss", "parity-other"}});
       }},
      {"client_id other client",
       "ignore_request_object_client_id",
       [](TestServer& s) {
         return hmac_with(s, {{"client_id", "parity-other"}});
       }},
      {"request_uri inside",
       "accept_request_uri_in_request_object",
       [](TestServer& s) {
         return hmac_with(s, {{"request_uri", "urn:ietf:params:oauth:request_uri:x"}});
       }},
      {"nested request",
       "accept_nested_request_object",
       [](TestServer& s) {
         return hmac_with(s, {{"request", "a.b.c"}});
       }},
  };
}

TEST(RequestObjectTest, BrokenRequestObjectsAreRejectedAndEachFaultLetsOneThrough) {
  for (const auto& broken : broken_objects()) {
    TestServer clean;
    const auto rejected = push_basic_object(clean, broken.make(clean));
    EXPECT_EQ(rejected->status, 400) << broken.name;
    EXPECT_EQ(error_of(rejected), "invalid_request_object")
        << broken.name << ": " << rejected->body;

    TestServer faulty({broken.fault});
    const auto through = push_basic_object(faulty, broken.make(faulty));
    if (broken.faulty_error.empty()) {
      EXPECT_EQ(through->status, 201) << broken.name << ": " << through->body;
    } else {
      EXPECT_EQ(error_of(through), broken.faulty_error) << broken.name;
    }
  }
}

TEST(RequestObjectTest, ObjectSignedWithAnotherKeyIsRejected) {
  TestServer server;
  auto params =
      request_object_push("parity-jar-only",
                          signed_request_object(request_object_claims(server, "parity-jar-only"),
                                                "keys/attacker_rsa.pem"));
  const auto auth = jar_only_auth(server);
  params.insert(params.end(), auth.begin(), auth.end());
  const auto result = server.post("/par", params);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request_object");
}

TEST(RequestObjectTest, AudienceArrayWithIssuerIsAccepted) {
  TestServer server;
  const auto result = push_basic_object(
      server, hmac_with(server, {{"aud", json::array({"https://x.example", server.issuer()})}}));
  EXPECT_EQ(result->status, 201) << result->body;
}

TEST(RequestObjectTest, ClientRequiringSignedObjectsCannotPushPlainParameters) {
  for (const bool faulty : {false, true}) {
    TestServer server(faulty ? std::set<std::string>{"ignore_require_signed_request_object"}
                             : std::set<std::string>{});
    auto params = server.push_params("parity-jar-only");
    const auto auth = jar_only_auth(server);
    params.insert(params.end(), auth.begin(), auth.end());
    const auto result = server.post("/par", params);
    if (faulty) {
      EXPECT_EQ(result->status, 201) << result->body;
    } else {
      EXPECT_EQ(result->status, 400);
      EXPECT_EQ(error_of(result), "invalid_request");
    }
  }
}

TEST(RequestObjectTest, ServerWideRequirementAppliesToEveryClient) {
  ServerConfig config = load_fixture_config();
  config.require_signed_request_object = true;
  TestServer server(config);
  EXPECT_EQ(error_of(server.push_basic()), "invalid_request");
  const auto signed_push = push_basic_object(server, hmac_with(server, {}));
  EXPECT_EQ(signed_push->status, 201) << signed_push->body;
  const json doc = json::parse(server.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(doc.at("require_signed_request_object"), true);
}

TEST(RequestObjectTest, FrontChannelRequestObjectIsAccepted) {
  TestServer server;
  const std::string object = hmac_with(server, {{"state", "front-ro"}});
  const auto result =
      server.get("/authorize?" + http::form_encode(request_object_push("parity-basic", object)));
  EXPECT_FALSE(param(result, "code").empty());
  EXPECT_EQ(param(result, "state"), "front-ro");
  const auto tampered = server.get(
      "/authorize?" + http::form_encode(request_object_push("parity-basic", object + "x")));
  ASSERT_TRUE(tampered);
  EXPECT_EQ(tampered->status, 400);
  EXPECT_FALSE(tampered->has_header("Location"));
}

TEST(RequestObjectTest, MetadataAdvertisesRequestObjects) {
  TestServer server;
  const json doc = json::parse(server.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(doc.at("request_parameter_supported"), true);
  EXPECT_EQ(doc.at("request_object_signing_alg_values_supported"),
            json({"RS256", "PS256", "ES256", "HS256"}));
  EXPECT_EQ(doc.at("require_signed_request_object"), false);
}

}  // namespace
}  // namespace parity::server::test_support
