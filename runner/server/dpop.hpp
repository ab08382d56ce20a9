#pragma once

#include "server/config.hpp"
#include "server/httplib_fwd.hpp"
#include "server/responses.hpp"

#include <optional>
#include <string>

namespace parity::server {

struct ServerContext;

/// The outcome of checking the DPoP header of a request.
struct DpopResult {
  std::string jkt;  ///< RFC 7638 thumbprint of the proof's key; empty when no proof was sent
  std::optional<OAuthError> error;  ///< invalid_dpop_proof or use_dpop_nonce (400)
  std::string nonce;                ///< non-empty: send as DPoP-Nonce (RFC 9449 §8)
};

/// RFC 9449 §4.3: checks the DPoP proof of `req`, a request to `htu`: one DPoP header holding
/// a JWT with typ dpop+jwt, an asymmetric alg (ES256, PS256, RS256), a public jwk whose key
/// verifies the signature, jti, htm = the method, htu = `htu` (no query or fragment), iat
/// within 60 s of now, and a jti not seen before for that key. §8: for a client with
/// dpop_nonce_required, a current server nonce. No DPoP header: an empty result.
DpopResult check_dpop_proof(ServerContext& ctx,
                            const httplib::Request& req,
                            const std::string& htu,
                            const RegisteredClient* client);

/// RFC 9449 §8: a fresh, unpredictable server nonce (valid for 5 minutes).
std::string make_dpop_nonce(const ServerContext& ctx);

/// Sends `result.error` (RFC 6749 §5.2 JSON) with the DPoP-Nonce header when one is due.
void send_dpop_error(httplib::Response& res, const DpopResult& result);

}  // namespace parity::server
