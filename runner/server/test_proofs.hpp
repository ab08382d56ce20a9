#pragma once

#include "server/test_server.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace parity::server::test_support {

/// `claims` with `overrides` applied (null values remove a claim).
nlohmann::json with_claims(nlohmann::json claims, const nlohmann::json& overrides);

/// The claims of a valid Request Object (RFC 9101 §4) of `client_id` for `server`: the default
/// push parameters plus iss, aud, iat, nbf, exp and jti; `overrides` as in with_claims().
nlohmann::json request_object_claims(TestServer& server,
                                     const std::string& client_id,
                                     const nlohmann::json& overrides = nlohmann::json::object());

/// A Request Object signed with the PEM key at fixtures/`key` using `alg`, header typ
/// oauth-authz-req+jwt unless `header` says otherwise.
std::string signed_request_object(const nlohmann::json& claims,
                                  const std::string& key = "keys/client_rsa.pem",
                                  const std::string& alg = "PS256",
                                  const nlohmann::json& header = {{"typ", "oauth-authz-req+jwt"}});

/// An HS256 Request Object signed with a client secret.
std::string hmac_request_object(const nlohmann::json& claims, const std::string& secret);

/// An RFC 9449 §4.2 DPoP proof for `method` `htu` signed with fixtures/`key` (ES256 for the EC
/// key, PS256 otherwise); `overrides` change claims, `header` is merged over {typ, jwk}.
std::string dpop_proof(const std::string& method,
                       const std::string& htu,
                       const nlohmann::json& overrides = nlohmann::json::object(),
                       const std::string& key = "keys/client_ec.pem",
                       const nlohmann::json& header = nlohmann::json::object());

/// The RFC 7638 thumbprint of the key at fixtures/`key`.
std::string thumbprint_of(const std::string& key);

/// Form parameters of a push with a Request Object: client_id and `request`.
http::Params request_object_push(const std::string& client_id, const std::string& request_object);

}  // namespace parity::server::test_support
