#pragma once

#include "http/url.hpp"
#include "server/config.hpp"
#include "server/emulation.hpp"
#include "server/responses.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace parity::server {

struct ServerContext;

/// A validated authorization request (pushed or front-channel), as the code will be bound to it.
struct AuthorizationRequest {
  std::string client_id;  ///< empty only with the accept_missing_client_id fault
  /// RFC 6749 §3.1.1: "code", or another type an emulated vendor accepts at the push.
  std::string response_type = "code";
  std::string redirect_uri;
  bool redirect_uri_explicit = false;  ///< sent by the client (not the single registered one)
  std::string scope;
  std::optional<std::string> state;   ///< exactly as received (RFC 6749 §4.1.2)
  std::string code_challenge;         ///< empty: no PKCE
  std::string code_challenge_method;  ///< "S256" or "plain" when code_challenge is set
  /// RFC 9449 §10: the JWK thumbprint the code is bound to (dpop_jkt, or the key of the DPoP
  /// proof sent with the push, §10.1); empty: not bound.
  std::string dpop_jkt;
  /// RFC 9396 §2: the validated authorization_details array; null when none was requested.
  nlohmann::json authorization_details;
};

/// The outcome of validating an authorization request.
struct Validation {
  AuthorizationRequest request;  ///< filled as far as validation got (redirect_uri, state)
  std::optional<OAuthError> error;
  /// True once redirect_uri is known to be registered: later errors may be redirected to it
  /// (RFC 6749 §4.1.2.1); earlier ones must not be.
  bool redirect_uri_valid = false;
};

/// RFC 9126 §2.1 step 3 / RFC 6749 §4.1.1: validates `params` (empty values already removed)
/// as an authorization request from `client` (nullptr only for an anonymous push under the
/// accept_missing_client_id fault, signalled by `client_id_optional`).
Validation validate_authorization_request(const ServerContext& ctx,
                                          const http::Params& params,
                                          const RegisteredClient* client,
                                          bool client_id_optional);

}  // namespace parity::server
