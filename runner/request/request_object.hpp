#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"
#include "http/url.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace parity::run {

/// RFC 9101 §4: the request object header `typ` (oauth-authz-req+jwt).
inline constexpr const char* k_request_object_typ = "oauth-authz-req+jwt";

/// RFC 9101 §4 / RFC 9126 §3: the claims of a request object carrying `params` (the step's
/// final authorization parameters). Each parameter becomes a string claim (a repeated name an
/// array of strings); `authorization_details` and `claims` whose value parses as a JSON object
/// or array are embedded as JSON (RFC 9396 §3, OIDC Core §5.5). Then iss = client_id, aud =
/// the `issuer` variable, iat = nbf = now, exp = now + 60 s, a random jti (offsets from
/// `spec`), then `spec.claims` (rendered with `vars`) and `spec.omit_claims`.
nlohmann::json request_object_claims(const RequestObjectSpec& spec,
                                     const http::Params& params,
                                     const Client& client,
                                     const eval::Vars& vars);

/// The compact request object for `params`: claims as request_object_claims, header typ
/// oauth-authz-req+jwt (or `spec.typ`) and `kid` when signed with the client's key. Signed
/// with `spec.key_path`, or the client's private key and signing_alg (private_key_jwt
/// clients), or HS256 with the client secret (others); `spec.alg` "none" leaves it unsigned
/// and `tamper_signature` breaks the signature. Throws std::runtime_error (or
/// crypto::CryptoError) when the key material is missing.
std::string make_request_object(const RequestObjectSpec& spec,
                                const http::Params& params,
                                const Client& client,
                                const eval::Vars& vars);

/// The parameters sent next to the request object: `client_id` (taken from `params`, left out
/// for `only_request`), the client authentication parameters `auth_params` not yet present
/// (without client_id for `only_request`), `request` = `jwt`, then `spec.outer` (rendered)
/// replacing or adding parameters.
http::Params request_object_form(const RequestObjectSpec& spec,
                                 const http::Params& params,
                                 const http::Params& auth_params,
                                 const std::string& jwt,
                                 const eval::Vars& vars);

}  // namespace parity::run
