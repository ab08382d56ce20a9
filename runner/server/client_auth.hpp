#pragma once

#include "http/url.hpp"
#include "server/config.hpp"
#include "server/responses.hpp"
#include "server/tls_client_cert.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace parity::server {

struct ServerContext;

/// The outcome of client authentication at the PAR or token endpoint.
struct ClientAuthentication {
  const RegisteredClient* client = nullptr;  ///< the authenticated client when `error` is empty
  std::optional<OAuthError> error;
  bool anonymous = false;  ///< neither credentials nor a client_id were presented
};

/// What a request brings for client authentication: the Authorization header value (empty
/// when absent), the form parameters, and the TLS client certificate of its connection.
struct ClientCredentials {
  std::string_view authorization;
  const http::Params& params;
  std::optional<ClientCertificate> certificate;
};

/// RFC 9126 §2.1 step 1 / RFC 6749 §2.3: authenticates the client exactly as at the token
/// endpoint. Exactly one method must be used and it must be the client's registered one; a
/// client_id alone authenticates a public client, or an mTLS client whose connection
/// presented its certificate (RFC 8705 §2).
ClientAuthentication authenticate_client(ServerContext& ctx, const ClientCredentials& credentials);

/// RFC 6749 §5.2: invalid_client; after HTTP Basic it is 401 with WWW-Authenticate.
OAuthError invalid_client(const ServerContext& ctx, std::string description, bool basic_used);

/// RFC 7521 §4.2: a client_id parameter next to other credentials must name `client`;
/// returns the problem, if any.
std::optional<std::string> client_id_mismatch(const http::Params& params,
                                              const RegisteredClient& client);

/// RFC 7523 §3 / OIDC Core §9: client_secret_jwt and private_key_jwt authentication from
/// client_assertion_type and client_assertion.
ClientAuthentication authenticate_with_assertion(ServerContext& ctx, const http::Params& params);

}  // namespace parity::server
