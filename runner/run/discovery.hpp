#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"

#include <string>

namespace parity::run {

/// RFC 8414 §3 / OIDC Discovery §4: when `profile.metadata_url` is set, GETs it and fills the
/// endpoints the profile leaves empty (pushed_authorization_request_endpoint, RFC 9126 §5;
/// authorization_endpoint; token_endpoint) and the issuer when empty, and adds the capability
/// "discovery". A 404 from ".../.well-known/oauth-authorization-server" falls back to
/// ".../.well-known/openid-configuration" (metadata_url is then updated). Returns "" on
/// success (or when there is nothing to discover), otherwise why the metadata is unusable:
/// among them each endpoint member that the profile does not give and that is missing, not
/// a string or not an http(s) URL, by name.
std::string discover_endpoints(Profile& profile, http::HttpClient& client);

}  // namespace parity::run
