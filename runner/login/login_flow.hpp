#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"

#include <string>
#include <vector>

namespace parity::login {

/// What the login automation did for one authorization.
struct LoginResult {
  /// Every request it sent after the authorization request, in order, unredacted (the caller
  /// redacts). The last one (or the authorization request's own exchange when empty) is the
  /// answer the case judges.
  std::vector<http::Exchange> exchanges;
  /// Non-empty when the authorization could not be completed: a transport error, a page no
  /// rule of the script handles, an unsupported form, or the request limit. The case is then
  /// errored with this message (it names the page, never field values).
  std::string error;
  /// A browser login that failed: the screenshot of the page, as reports name it (relative to
  /// the directory of the reports); empty otherwise.
  std::string screenshot;
};

/// Acts as the end-user's browser from `first`, the authorization endpoint's response
/// (RFC 6749 §4.1.1): follows redirects within the authorization server's origin, fills and
/// submits the login and consent forms `script` describes, keeps cookies, and stops, without
/// requesting it, at the first redirect to one of `redirect_uris` (RFC 6749 §4.1.2), at a
/// redirect that leaves the server's origin, or at a non-redirect error status; that
/// response is what the case judges. At most `script.max_requests` requests are sent.
LoginResult complete_authorization(http::HttpClient& http,
                                   const http::Exchange& first,
                                   const LoginScript& script,
                                   const std::vector<std::string>& redirect_uris);

/// Whether `url` (absolute) is one of `redirect_uris`, ignoring query and fragment.
bool is_redirect_uri(const std::string& url, const std::vector<std::string>& redirect_uris);

}  // namespace parity::login
