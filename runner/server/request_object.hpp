#pragma once

#include "http/url.hpp"
#include "server/config.hpp"
#include "server/responses.hpp"

#include <optional>

namespace parity::server {

struct ServerContext;

/// The authorization parameters of a push or authorization request, after unpacking its
/// Request Object when one was sent.
struct UnpackedRequest {
  http::Params params;  ///< what validate_authorization_request() gets
  std::optional<OAuthError> error;
};

/// RFC 9101 §10.5 / RFC 9126 §2.3: true when the server or `client` demands signed Request
/// Objects.
bool requires_signed_request_object(const ServerContext& ctx, const RegisteredClient& client);

/// RFC 9126 §3 / RFC 9101 §6: when `params` carries `request`, verifies that Request Object for
/// `client` (signature with the client's registered key or secret, typ, exp, nbf, aud = issuer,
/// iss = client_id = the client, no request/request_uri claims) and returns its claims as the
/// authorization parameters; other parameters outside it are ignored (§6.3). A JWE (5 parts)
/// is refused: no decryption keys are registered. Without `request`, returns `params` unless
/// the client must use signed Request Objects (400 invalid_request). Errors are 400
/// invalid_request_object.
UnpackedRequest unpack_request_object(const ServerContext& ctx,
                                      const http::Params& params,
                                      const RegisteredClient* client);

}  // namespace parity::server
