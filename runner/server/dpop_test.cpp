#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "server/test_proofs.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>

namespace parity::server::test_support {
namespace {

using nlohmann::json;

constexpr const char* k_nonce_secret = "parity-dpop-nonce-secret-6c2f9b";

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

httplib::Headers basic_with(const std::string& proof,
                            const std::string& client = "parity-basic",
                            const std::string& secret = k_basic_secret) {
  httplib::Headers headers{{"Authorization", basic_auth(client, secret)}};
  if (!proof.empty()) {
    headers.emplace("DPoP", proof);
  }
  return headers;
}

/// Pushes as parity-basic with `proof` (none when empty) and `extra` parameters.
httplib::Result push(TestServer& server, const std::string& proof, const http::Params& extra = {}) {
  auto params = server.push_params("parity-basic");
  params.insert(params.end(), extra.begin(), extra.end());
  return server.post("/par", params, basic_with(proof));
}

std::string par_proof(TestServer& server,
                      const json& overrides = json::object(),
                      const std::string& key = "keys/client_ec.pem") {
  return dpop_proof("POST", server.issuer() + "/par", overrides, key);
}

/// Pushes (with `proof`), authorizes and returns the code.
std::string code_for(TestServer& server, const std::string& proof, const http::Params& extra = {}) {
  const auto pushed = push(server, proof, extra);
  if (!pushed || pushed->status != 201) {
    return "";
  }
  return param(server.authorize("parity-basic", json::parse(pushed->body).at("request_uri")),
               "code");
}

httplib::Result redeem(TestServer& server, const std::string& code, const std::string& proof) {
  return server.post("/token",
                     {{"grant_type", "authorization_code"},
                      {"code", code},
                      {"redirect_uri", k_redirect_uri},
                      {"code_verifier", server.verifier()}},
                     basic_with(proof));
}

std::string token_proof(TestServer& server, const std::string& key = "keys/client_ec.pem") {
  return dpop_proof("POST", server.issuer() + "/token", json::object(), key);
}

TEST(DpopTest, ProofAtParBindsTheCodeToItsKey) {
  TestServer server;
  const auto same = redeem(server, code_for(server, par_proof(server)), token_proof(server));
  ASSERT_EQ(same->status, 200) << same->body;
  EXPECT_EQ(json::parse(same->body).at("token_type"), "DPoP");

  const auto other_key = redeem(
      server, code_for(server, par_proof(server)), token_proof(server, "keys/client_rsa.pem"));
  EXPECT_EQ(other_key->status, 400);
  EXPECT_EQ(error_of(other_key), "invalid_grant");

  const auto no_proof = redeem(server, code_for(server, par_proof(server)), "");
  EXPECT_EQ(error_of(no_proof), "invalid_grant");
}

TEST(DpopTest, UnboundCodeGetsABearerToken) {
  TestServer server;
  const auto result = redeem(server, code_for(server, ""), "");
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(json::parse(result->body).at("token_type"), "Bearer");
}

TEST(DpopTest, TokenIgnoresDpopBindingFault) {
  TestServer server({"token_ignores_dpop_binding"});
  const auto result = redeem(
      server, code_for(server, par_proof(server)), token_proof(server, "keys/client_rsa.pem"));
  EXPECT_EQ(result->status, 200) << result->body;
}

TEST(DpopTest, DpopJktAloneBindsTheCode) {
  TestServer server;
  const http::Params jkt{{"dpop_jkt", thumbprint_of("keys/client_ec.pem")}};
  const auto wrong =
      redeem(server, code_for(server, "", jkt), token_proof(server, "keys/client_rsa.pem"));
  EXPECT_EQ(error_of(wrong), "invalid_grant");
  const auto right = redeem(server, code_for(server, "", jkt), token_proof(server));
  EXPECT_EQ(right->status, 200) << right->body;
}

TEST(DpopTest, DpopJktMustMatchTheProofKey) {
  const http::Params other{{"dpop_jkt", thumbprint_of("keys/client_rsa.pem")}};
  TestServer server;
  const auto result = push(server, par_proof(server), other);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_of(result), "invalid_request");
  const http::Params same{{"dpop_jkt", thumbprint_of("keys/client_ec.pem")}};
  EXPECT_EQ(push(server, par_proof(server), same)->status, 201);

  TestServer faulty({"accept_dpop_jkt_mismatch"});
  EXPECT_EQ(push(faulty, par_proof(faulty), other)->status, 201);
}

/// A broken proof and the fault that lets it through.
struct BrokenProof {
  std::string name;
  std::string fault;
  std::function<std::string(TestServer&)> make;
};

std::vector<BrokenProof> broken_proofs() {
  return {
      {"typ JWT",
       "accept_wrong_dpop_typ",
       [](TestServer& s) {
         return dpop_proof("POST", s.issuer() + "/par", {}, "keys/client_ec.pem", {{"typ", "JWT"}});
       }},
      {"alg none",
       "accept_unsigned_dpop_proof",
       [](TestServer& s) {
         const auto key = crypto::Key::from_pem_file(fixture("keys/client_ec.pem"));
         return crypto::unsigned_jws(
             {{"typ", "dpop+jwt"}, {"jwk", key.public_jwk()}},
             {{"jti", "j-none"}, {"htm", "POST"}, {"htu", s.issuer() + "/par"}, {"iat", now()}});
       }},
      {"jwk of another key",
       "accept_bad_dpop_signature",
       [](TestServer& s) {
         const auto other = crypto::Key::from_pem_file(fixture("keys/client_rsa.pem"));
         return dpop_proof("POST",
                           s.issuer() + "/par",
                           {},
                           "keys/attacker_rsa.pem",
                           {{"jwk", other.public_jwk()}});
       }},
      {"htm GET",
       "ignore_dpop_htm",
       [](TestServer& s) {
         return dpop_proof("GET", s.issuer() + "/par");
       }},
      {"htu token endpoint",
       "ignore_dpop_htu",
       [](TestServer& s) {
         return dpop_proof("POST", s.issuer() + "/token");
       }},
      {"iat 5 minutes ago",
       "accept_stale_dpop_proof",
       [](TestServer& s) {
         return par_proof(s, {{"iat", now() - 300}});
       }},
  };
}

TEST(DpopTest, BrokenProofsAreRejectedAndEachFaultLetsOneThrough) {
  for (const auto& broken : broken_proofs()) {
    TestServer clean;
    const auto rejected = push(clean, broken.make(clean));
    EXPECT_EQ(rejected->status, 400) << broken.name;
    EXPECT_EQ(error_of(rejected), "invalid_dpop_proof") << broken.name << ": " << rejected->body;

    TestServer faulty({broken.fault});
    const auto through = push(faulty, broken.make(faulty));
    EXPECT_EQ(through->status, 201) << broken.name << ": " << through->body;
  }
}

TEST(DpopTest, MalformedProofsAreRejected) {
  TestServer server;
  const auto ec = crypto::Key::from_pem_file(fixture("keys/client_ec.pem"));
  const std::vector<std::string> proofs{
      "not-a-jwt",
      par_proof(server, {{"jti", nullptr}}),
      par_proof(server, {{"iat", nullptr}}),
      dpop_proof("POST", server.issuer() + "/par", {}, "keys/client_ec.pem", {{"jwk", nullptr}}),
  };
  for (const auto& proof : proofs) {
    EXPECT_EQ(error_of(push(server, proof)), "invalid_dpop_proof") << proof;
  }
  httplib::Headers two = basic_with(par_proof(server));
  two.emplace("DPoP", par_proof(server));
  EXPECT_EQ(error_of(server.post("/par", server.push_params("parity-basic"), two)),
            "invalid_dpop_proof");
}

TEST(DpopTest, ReplayedProofIsRejected) {
  TestServer server;
  const std::string proof = par_proof(server);
  EXPECT_EQ(push(server, proof)->status, 201);
  const auto replayed = push(server, proof);
  EXPECT_EQ(replayed->status, 400);
  EXPECT_EQ(error_of(replayed), "invalid_dpop_proof");

  TestServer faulty({"accept_replayed_dpop_proof"});
  const std::string again = par_proof(faulty);
  EXPECT_EQ(push(faulty, again)->status, 201);
  EXPECT_EQ(push(faulty, again)->status, 201);
}

httplib::Result push_nonce_client(TestServer& server, const std::string& proof) {
  return server.post("/par",
                     server.push_params("parity-dpop-nonce"),
                     basic_with(proof, "parity-dpop-nonce", k_nonce_secret));
}

TEST(DpopTest, NonceIsDemandedAndTheRetrySucceeds) {
  TestServer server;
  const auto first = push_nonce_client(server, par_proof(server));
  EXPECT_EQ(first->status, 400);
  EXPECT_EQ(error_of(first), "use_dpop_nonce");
  const std::string nonce = first->get_header_value("DPoP-Nonce");
  ASSERT_FALSE(nonce.empty());
  const auto retry = push_nonce_client(server, par_proof(server, {{"nonce", nonce}}));
  EXPECT_EQ(retry->status, 201) << retry->body;
  const auto forged = push_nonce_client(server, par_proof(server, {{"nonce", "1.forged"}}));
  EXPECT_EQ(error_of(forged), "use_dpop_nonce");
  // Clients without the flag need no nonce.
  EXPECT_EQ(push(server, par_proof(server))->status, 201);

  TestServer faulty({"skip_dpop_nonce"});
  EXPECT_EQ(push_nonce_client(faulty, par_proof(faulty))->status, 201);
}

TEST(DpopTest, MetadataAdvertisesProofAlgorithms) {
  TestServer server;
  const json doc = json::parse(server.get("/.well-known/oauth-authorization-server")->body);
  EXPECT_EQ(doc.at("dpop_signing_alg_values_supported"), json({"ES256", "PS256", "RS256"}));
}

}  // namespace
}  // namespace parity::server::test_support
