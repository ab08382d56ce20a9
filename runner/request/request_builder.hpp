#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/suite.hpp"
#include "eval/vars.hpp"

#include <string>
#include <vector>

namespace parity::run {

/// A request ready to send, and the secret values it carries (for the Redactor).
struct BuiltRequest {
  http::Request request;
  std::vector<std::string> secrets;
};

/// Form Content-Type of push and token requests (RFC 9126 §2.1, RFC 6749 §4.1.3).
inline constexpr const char* k_form_content_type = "application/x-www-form-urlencoded";

/// Builds the request of a push, authorize, token or discover `step` acting as `client`, with
/// templates rendered from `vars` (which must hold the endpoints, issuer and client.* values).
/// Order: documented defaults, then client authentication (push and token only; the step's
/// `auth` or the client's method), then `params` replace every default of the same name (or
/// are appended), `omit` removes, `duplicate` repeats; push/token send a form body,
/// authorize/discover a GET query. `method`, `url`, `query`, `headers`, `content_type` and
/// `body` overrides apply last. Throws std::out_of_range for an undefined variable and
/// std::runtime_error / crypto::CryptoError for missing key material.
/// With a `request_object` (RFC 9126 §3, RFC 9101): the authorization parameters (defaults —
/// the push defaults on an authorize step — then `params`, then `omit`) become the claims of
/// a JWT and the body or query carries client_id, client authentication, `request` and the
/// object's `outer` parameters; `duplicate` applies to that. With `dpop` (RFC 9449 §4): a
/// `DPoP` header for the final method and URL, before the `headers` overrides.
/// This overload has no profile: a DPoP proof then needs its own `dpop.key`.
BuiltRequest build_request(const Step& step, const Client& client, const eval::Vars& vars);

/// As above; DPoP proofs default to `profile`'s dpop_key and dpop_alg.
BuiltRequest build_request(const Step& step,
                           const Client& client,
                           const eval::Vars& vars,
                           const Profile& profile);

}  // namespace parity::run
