#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"
#include "http/url.hpp"

#include <string>
#include <vector>

namespace parity::run {

/// What client authentication adds to a push or token request.
struct ClientAuthentication {
  http::Params params;    ///< body parameters, added unless a default of that name exists
  http::Headers headers;  ///< e.g. Authorization: Basic …
  std::vector<std::string> secrets;  ///< values the Redactor must mask (secret, assertion)
};

/// The default JWT client assertion type (RFC 7523 §2.2).
inline constexpr const char* k_jwt_bearer_type =
    "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/// RFC 6749 §2.3.1: base64(form-urlencode(id) ":" form-urlencode(secret)).
std::string basic_credentials(const std::string& client_id, const std::string& secret);

/// RFC 6749 §2.3.1: "Basic " + base64(form-urlencode(id) ":" form-urlencode(secret)).
std::string basic_authorization(const std::string& client_id, const std::string& secret);

/// RFC 7523 §3 / OIDC Core §9: a client assertion with iss = sub = client_id, aud = the
/// `issuer` variable, a random jti, iat = now and exp = now + 60 s, signed with the client's
/// key (or HS256 with its secret), with `spec`'s deliberate breakages applied (claim overrides
/// rendered with `vars`, offsets, omitted claims, another key, another alg or "none").
/// Throws std::runtime_error (or crypto::CryptoError) when the key material is missing.
std::string make_client_assertion(const AssertionSpec& spec,
                                  AuthMethod method,
                                  const Client& client,
                                  const eval::Vars& vars);

/// Client authentication with `method` (RFC 6749 §2.3.1, RFC 7523 §2.2, OIDC Core §9):
/// client_secret_basic → Authorization header; client_secret_post → client_id and
/// client_secret; *_jwt → client_assertion_type and client_assertion built from
/// `spec.assertion`; none and the mTLS methods (RFC 8705 §2) → client_id only. `spec.secret`
/// (rendered) replaces the client's secret; being a deliberately wrong value from the suite,
/// it is not listed in `secrets`.
ClientAuthentication authenticate_client(AuthMethod method,
                                         const RequestSpec& spec,
                                         const Client& client,
                                         const eval::Vars& vars);

}  // namespace parity::run
