#pragma once

#include "http/url.hpp"
#include "server/httplib_fwd.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace parity::server {

/// An RFC 6749 §5.2 error (also used for §4.1.2.1 authorization errors).
struct OAuthError {
  int status = 400;
  std::string error;             ///< e.g. "invalid_request"
  std::string description;       ///< error_description
  std::string www_authenticate;  ///< non-empty: sent as WWW-Authenticate (RFC 6749 §5.2)
};

/// A 400 invalid_request error with `description`.
OAuthError invalid_request(std::string description);

/// Sends `body` as application/json with Cache-Control: no-store (RFC 6749 §5.1).
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
/// RFC 6749 §5.2: {"error", "error_description"} as JSON, no-store, WWW-Authenticate if set.
void send_error(httplib::Response& res, const OAuthError& error);
/// RFC 6749 §4.1.2.1: an HTML error page for the resource owner (never a redirect).
void send_error_page(httplib::Response& res, const OAuthError& error);
/// For the faults par_errors_not_json and token_errors_not_json: turns an RFC 6749 §5.2 JSON
/// error already in `res` into send_error_page's HTML, keeping the status; other responses
/// are left alone.
void rewrite_error_as_page(httplib::Response& res);
/// A 302 redirect to `redirect_uri` with `params` appended to its query (RFC 6749 §4.1.2).
void send_redirect(httplib::Response& res,
                   const std::string& redirect_uri,
                   const http::Params& params);
/// 405 with Allow: `allow` and an invalid_request JSON body (RFC 9126 §2.3).
void send_method_not_allowed(httplib::Response& res, const std::string& allow);

/// The parsed body of a form POST (PAR and token endpoints): empty values removed.
struct FormBody {
  http::Params params;
  std::optional<OAuthError> error;  ///< set when the request is unusable
};

/// Which RFC 6749 §3.1 / §2.3.1 rules read_form_body applies; all on except under a fault.
struct FormRules {
  bool reject_query_credentials = true;  ///< RFC 6749 §2.3.1
  bool drop_empty_values = true;         ///< RFC 6749 §3.1
  bool reject_duplicates = true;         ///< RFC 6749 §3.1
};

/// RFC 9126 §2.1 / RFC 6749 §3.1 / §2.3.1: checks the media type, decodes `body`, drops empty
/// values, rejects repeated parameters and client credentials in the query string.
FormBody read_form_body(const httplib::Request& req,
                        const std::string& body,
                        const FormRules& rules = {});

}  // namespace parity::server
