#include "server/context.hpp"
#include "server/endpoints.hpp"

namespace parity::server {

nlohmann::json metadata_document(const ServerContext& ctx) {
  std::set<std::string> scopes;
  for (const auto& client : ctx.config.clients) {
    scopes.insert(client.scopes.begin(), client.scopes.end());
  }
  return nlohmann::json{
      {"issuer", ctx.issuer},
      {"authorization_endpoint", ctx.authorization_endpoint()},
      {"token_endpoint", ctx.token_endpoint()},
      // RFC 9126 §5
      {"pushed_authorization_request_endpoint", ctx.par_endpoint()},
      {"require_pushed_authorization_requests", ctx.config.require_par},
      // RFC 9126 §2: the token endpoint's authentication methods also govern PAR.
      {"token_endpoint_auth_methods_supported",
       {"client_secret_basic",
        "client_secret_post",
        "client_secret_jwt",
        "private_key_jwt",
        "none"}},
      {"token_endpoint_auth_signing_alg_values_supported", {"RS256", "PS256", "ES256", "HS256"}},
      // RFC 7636 §6.2
      {"code_challenge_methods_supported", ctx.config.pkce_methods},
      {"response_types_supported", {"code"}},
      {"grant_types_supported", {"authorization_code"}},
      {"scopes_supported", scopes},
      // RFC 9207 §3
      {"authorization_response_iss_parameter_supported", true},
      // RFC 9101 §10.5: no Request Objects, but PAR's request_uri works (RFC 9126 §5).
      {"request_parameter_supported", false},
      {"request_uri_parameter_supported", true},
  };
}

}  // namespace parity::server
