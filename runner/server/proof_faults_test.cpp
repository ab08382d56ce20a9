// The reference-server faults that the requirement walk added: each breaks exactly the rule it
// names, and the clean server keeps it (fixtures/reference/README.md, "Faults").
#include "core/build_info.hpp"
#include "crypto/pkce.hpp"
#include "load/catalogue_loader.hpp"
#include "server/faults.hpp"
#include "server/test_proofs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <thread>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

std::string param(const GetResult& result, const std::string& name) {
  return http::find_param(location_params(result), name).value_or("");
}

const httplib::Headers& basic_header() {
  static const httplib::Headers headers{
      {"Authorization", basic_auth("parity-basic", k_basic_secret)}};
  return headers;
}

std::string code_of(TestServer& server, const std::string& state = "xyz-state") {
  return param(server.authorize("parity-basic", server.push_basic_request_uri(state)), "code");
}

/// /token as parity-basic with the default redirect_uri and verifier, plus `extra`.
httplib::Result redeem(TestServer& server,
                       const std::string& code,
                       const http::Params& extra = {},
                       const httplib::Headers& headers = basic_header()) {
  http::Params params{{"grant_type", "authorization_code"},
                      {"code", code},
                      {"redirect_uri", k_redirect_uri},
                      {"code_verifier", server.verifier()}};
  params.insert(params.end(), extra.begin(), extra.end());
  return server.post("/token", params, headers);
}

TEST(ProofFaultsTest, EveryFaultNamesCatalogueRequirementsAndTheirFacets) {
  const std::vector<Requirement> catalogue =
      load::load_catalogue(parity::build_info::source_path("suites/catalogue"));
  for (const FaultInfo& fault : fault_catalogue()) {
    ASSERT_FALSE(fault.breaks.empty()) << fault.name;
    for (const std::string& text : fault.breaks) {
      const RequirementRef ref = parse_requirement_ref(text);
      const auto found = std::find_if(catalogue.begin(), catalogue.end(), [&](const auto& r) {
        return r.id == ref.requirement;
      });
      ASSERT_NE(found, catalogue.end()) << fault.name << " breaks unknown " << text;
      if (found->facets.empty()) {
        EXPECT_TRUE(ref.facet.empty()) << fault.name << ": " << ref.requirement << " has no facets";
      } else {
        EXPECT_NE(found->find_facet(ref.facet), nullptr)
            << fault.name << ": " << text << " names no facet of " << ref.requirement;
      }
    }
  }
}

TEST(ProofFaultsTest, ConfidentialClientWithoutCredentials) {
  TestServer clean;
  const auto refused = clean.post("/par", clean.push_params("parity-basic"));
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body).at("error"), "invalid_client");
  TestServer faulty({"accept_unauthenticated_confidential_client"});
  for (const char* client : {"parity-basic", "parity-post", "parity-hmac", "parity-jwt"}) {
    EXPECT_EQ(faulty.post("/par", faulty.push_params(client))->status, 201) << client;
  }
}

TEST(ProofFaultsTest, IgnoreBasicCredentials) {
  TestServer server({"ignore_basic_credentials"});
  EXPECT_EQ(server.push_basic()->status, 400);
}

TEST(ProofFaultsTest, RequestObjectDoesNotReplaceClientAuthentication) {
  const auto push = [](TestServer& server, const httplib::Headers& headers) {
    const json claims = request_object_claims(server, "parity-basic");
    return server.post(
        "/par",
        request_object_push("parity-basic", hmac_request_object(claims, k_basic_secret)),
        headers);
  };
  const httplib::Headers wrong{{"Authorization", basic_auth("parity-basic", "wrong")}};
  TestServer clean;
  EXPECT_EQ(push(clean, wrong)->status, 401);
  EXPECT_EQ(push(clean, {})->status, 400);
  TestServer faulty({"skip_client_auth_with_request_object"});
  EXPECT_EQ(push(faulty, wrong)->status, 201);
  EXPECT_EQ(push(faulty, {})->status, 201);
  // Without a Request Object the fault changes nothing.
  EXPECT_EQ(faulty.post("/par", faulty.push_params("parity-basic"), wrong)->status, 401);
}

TEST(ProofFaultsTest, PresentedRequestUriExpiresAllTheSame) {
  for (const bool faulty : {false, true}) {
    ServerConfig config =
        load_fixture_config(faulty ? std::set<std::string>{"request_uri_expiry_checked_once"}
                                   : std::set<std::string>{});
    config.request_uri_lifetime = 1;
    TestServer server(config);
    const std::string request_uri = server.push_basic_request_uri();
    EXPECT_FALSE(param(server.authorize("parity-basic", request_uri), "code").empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    server.push_basic();  // an insertion purges what has expired
    const auto again = server.authorize("parity-basic", request_uri);
    EXPECT_EQ(param(again, "code").empty(), !faulty);
  }
}

TEST(ProofFaultsTest, CodeReusableAndNotBoundToClient) {
  TestServer clean;
  const std::string code = code_of(clean);
  EXPECT_EQ(redeem(clean, code)->status, 200);
  EXPECT_EQ(redeem(clean, code)->status, 400);

  TestServer reusable({"code_reusable"});
  const std::string reused = code_of(reusable);
  EXPECT_EQ(redeem(reusable, reused)->status, 200);
  EXPECT_EQ(redeem(reusable, reused)->status, 200);

  const httplib::Headers other{{"Authorization", basic_auth("parity-other", k_other_secret)}};
  EXPECT_EQ(redeem(clean, code_of(clean), {}, other)->status, 400);
  TestServer unbound({"code_not_bound_to_client"});
  EXPECT_EQ(redeem(unbound, code_of(unbound), {}, other)->status, 200);
}

TEST(ProofFaultsTest, CodeNeverExpires) {
  for (const bool faulty : {false, true}) {
    ServerConfig config = load_fixture_config(faulty ? std::set<std::string>{"code_never_expires"}
                                                     : std::set<std::string>{});
    config.code_lifetime = 1;
    TestServer server(config);
    const std::string code = code_of(server);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_EQ(redeem(server, code)->status, faulty ? 200 : 400);
  }
}

TEST(ProofFaultsTest, TokenRequestChecks) {
  const auto without_redirect_uri = [](TestServer& server) {
    return server.post("/token",
                       {{"grant_type", "authorization_code"},
                        {"code", code_of(server)},
                        {"code_verifier", server.verifier()}},
                       basic_header());
  };
  TestServer clean;
  EXPECT_EQ(without_redirect_uri(clean)->status, 400);
  TestServer optional({"token_redirect_uri_optional"});
  EXPECT_EQ(without_redirect_uri(optional)->status, 200);

  const http::Params client_id_only{{"client_id", "parity-basic"}};
  EXPECT_EQ(redeem(clean, code_of(clean), client_id_only, {})->status, 400);
  TestServer skipping({"token_skips_client_auth"});
  EXPECT_EQ(redeem(skipping, code_of(skipping), client_id_only, {})->status, 200);

  const auto challenge_as_verifier = [](TestServer& server) {
    const std::string code = code_of(server);
    http::Params params{{"grant_type", "authorization_code"},
                        {"code", code},
                        {"redirect_uri", k_redirect_uri},
                        {"code_verifier", crypto::s256_challenge(server.verifier())}};
    return server.post("/token", params, basic_header());
  };
  EXPECT_EQ(challenge_as_verifier(clean)->status, 400);
  TestServer plain({"token_pkce_plain_fallback"});
  EXPECT_EQ(challenge_as_verifier(plain)->status, 200);
}

TEST(ProofFaultsTest, TokenResponseFaults) {
  TestServer clean;
  const auto good = redeem(clean, code_of(clean));
  EXPECT_EQ(good->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(json::parse(good->body).at("token_type"), "Bearer");
  TestServer cacheable({"token_response_cacheable"});
  EXPECT_FALSE(redeem(cacheable, code_of(cacheable))->has_header("Cache-Control"));
  TestServer untyped({"token_response_without_token_type"});
  EXPECT_FALSE(json::parse(redeem(untyped, code_of(untyped))->body).contains("token_type"));
}

TEST(ProofFaultsTest, ErrorsAsPages) {
  TestServer token({"token_errors_not_json"});
  const auto token_error = redeem(token, "no-such-code");
  EXPECT_EQ(token_error->status, 400);
  EXPECT_EQ(token_error->get_header_value("Content-Type").rfind("text/html", 0), 0U);
  TestServer par({"par_errors_not_json"});
  const auto par_error = par.post("/par", par.push_params("parity-basic"));
  EXPECT_EQ(par_error->status, 400);
  EXPECT_EQ(par_error->get_header_value("Content-Type").rfind("text/html", 0), 0U);
  EXPECT_NE(par_error->body.find("invalid_client"), std::string::npos);
}

TEST(ProofFaultsTest, AuthorizationResponseFaults) {
  TestServer clean;
  const auto good = clean.authorize("parity-basic", clean.push_basic_request_uri("a+b%2Bc d"));
  EXPECT_EQ(param(good, "iss"), clean.issuer());
  EXPECT_EQ(param(good, "state"), "a+b%2Bc d");
  TestServer reencoded({"state_reencoded"});
  EXPECT_EQ(
      param(reencoded.authorize("parity-basic", reencoded.push_basic_request_uri("a+b%2Bc d")),
            "state"),
      "a b+c d");
  TestServer no_iss({"authorization_response_without_iss"});
  EXPECT_EQ(param(no_iss.authorize("parity-basic", no_iss.push_basic_request_uri()), "iss"), "");
  TestServer wrong_iss({"authorization_response_wrong_iss"});
  EXPECT_EQ(param(wrong_iss.authorize("parity-basic", wrong_iss.push_basic_request_uri()), "iss"),
            wrong_iss.issuer() + "/authorize");
  TestServer error_no_iss({"error_response_without_iss"});
  const auto refused =
      error_no_iss.authorize("parity-basic", "urn:ietf:params:oauth:request_uri:made-up");
  EXPECT_EQ(param(refused, "error"), "invalid_request_uri");
  EXPECT_EQ(param(refused, "iss"), "");
}

TEST(ProofFaultsTest, PushFaults) {
  TestServer s256({"pkce_s256_unsupported"});
  EXPECT_EQ(s256.push_basic()->status, 400);
  const auto without_scope = [](TestServer& server) {
    http::Params params = server.push_params("parity-basic");
    std::erase_if(params, [](const auto& pair) { return pair.first == "scope"; });
    return server.post("/par", params, basic_header());
  };
  TestServer clean;
  EXPECT_EQ(without_scope(clean)->status, 201);
  TestServer scope({"missing_scope_invalid_request"});
  EXPECT_EQ(json::parse(without_scope(scope)->body).at("error"), "invalid_request");
  TestServer long_uri({"long_request_uri"});
  EXPECT_GT(long_uri.push_basic_request_uri().size(), 512U);
  EXPECT_LT(clean.push_basic_request_uri().size(), 512U);
}

TEST(ProofFaultsTest, AssertionErrorsAsInvalidRequest) {
  TestServer server({"assertion_errors_invalid_request"});
  http::Params params = server.push_params("parity-jwt");
  params.emplace_back("client_assertion_type",
                      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  params.emplace_back("client_assertion",
                      sign_assertion("parity-jwt", "keys/attacker_rsa.pem", "RS256", {}));
  const auto refused = server.post("/par", params);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body).at("error"), "invalid_request");
}

TEST(ProofFaultsTest, MetadataAndAuthorizeFaults) {
  TestServer query({"metadata_issuer_with_query"});
  const auto document = query.get("/.well-known/oauth-authorization-server");
  EXPECT_EQ(json::parse(document->body).at("issuer"), query.issuer() + "?tenant=parity");
  TestServer no_get({"authorize_rejects_get"});
  EXPECT_EQ(no_get.authorize("parity-basic", no_get.push_basic_request_uri())->status, 405);
}

TEST(ProofFaultsTest, IgnoreDpopJktParameter) {
  const auto bound_push = [](TestServer& server) {
    http::Params params = server.push_params("parity-basic");
    params.emplace_back("dpop_jkt", thumbprint_of("keys/client_ec.pem"));
    const auto pushed = server.post("/par", params, basic_header());
    const std::string request_uri = json::parse(pushed->body).at("request_uri");
    return param(server.authorize("parity-basic", request_uri), "code");
  };
  TestServer clean;
  EXPECT_EQ(redeem(clean, bound_push(clean))->status, 400);  // no proof for a bound code
  TestServer ignoring({"ignore_dpop_jkt_parameter"});
  EXPECT_EQ(redeem(ignoring, bound_push(ignoring))->status, 200);
}

}  // namespace
}  // namespace parity::server::test_support
