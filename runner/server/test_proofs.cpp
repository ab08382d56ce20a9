#include "server/test_proofs.hpp"

#include "crypto/jws.hpp"
#include "crypto/key.hpp"
#include "crypto/random.hpp"

#include <chrono>

namespace parity::server::test_support {
namespace {

long now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

nlohmann::json with_claims(nlohmann::json claims, const nlohmann::json& overrides) {
  for (const auto& [name, value] : overrides.items()) {
    if (value.is_null()) {
      claims.erase(name);
    } else {
      claims[name] = value;
    }
  }
  return claims;
}

nlohmann::json request_object_claims(TestServer& server,
                                     const std::string& client_id,
                                     const nlohmann::json& overrides) {
  nlohmann::json claims = nlohmann::json::object();
  for (const auto& [name, value] : server.push_params(client_id)) {
    claims[name] = value;
  }
  claims["iss"] = client_id;
  claims["aud"] = server.issuer();
  claims["iat"] = now();
  claims["nbf"] = now();
  claims["exp"] = now() + 60;
  claims["jti"] = crypto::random_token(16);
  return with_claims(std::move(claims), overrides);
}

std::string signed_request_object(const nlohmann::json& claims,
                                  const std::string& key,
                                  const std::string& alg,
                                  const nlohmann::json& header) {
  return crypto::sign_jws(header, claims, crypto::Key::from_pem_file(fixture(key)), alg);
}

std::string hmac_request_object(const nlohmann::json& claims, const std::string& secret) {
  return crypto::sign_jws_hmac({{"typ", "oauth-authz-req+jwt"}}, claims, secret);
}

std::string dpop_proof(const std::string& method,
                       const std::string& htu,
                       const nlohmann::json& overrides,
                       const std::string& key,
                       const nlohmann::json& header) {
  const crypto::Key signer = crypto::Key::from_pem_file(fixture(key));
  nlohmann::json full_header{{"typ", "dpop+jwt"}, {"jwk", signer.public_jwk()}};
  full_header = with_claims(std::move(full_header), header);
  const nlohmann::json claims = with_claims(
      {{"jti", crypto::random_token(16)}, {"htm", method}, {"htu", htu}, {"iat", now()}},
      overrides);
  const std::string alg = signer.type() == crypto::Key::Type::ec ? "ES256" : "PS256";
  return crypto::sign_jws(full_header, claims, signer, alg);
}

std::string thumbprint_of(const std::string& key) {
  return crypto::Key::from_pem_file(fixture(key)).thumbprint();
}

http::Params request_object_push(const std::string& client_id, const std::string& request_object) {
  return {{"client_id", client_id}, {"request", request_object}};
}

}  // namespace parity::server::test_support
