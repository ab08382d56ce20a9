#include "server/responses.hpp"

#include "core/html_escape.hpp"
#include "server/syntax.hpp"

#include <httplib.h>

namespace parity::server {
OAuthError invalid_request(std::string description) {
  return OAuthError{400, "invalid_request", std::move(description), {}};
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, const OAuthError& error) {
  nlohmann::json body{{"error", error.error}};
  if (!error.description.empty()) {
    body["error_description"] = sanitize_description(error.description);
  }
  if (!error.www_authenticate.empty()) {
    res.set_header("WWW-Authenticate", error.www_authenticate);
  }
  send_json(res, error.status, body);
}

void send_error_page(httplib::Response& res, const OAuthError& error) {
  res.status = 400;
  res.set_header("Cache-Control", "no-store");
  res.set_content(
      "<!DOCTYPE html>\n<html><head><title>Authorization error</title></head><body>\n"
      "<h1>Authorization error</h1>\n<p>error: <code>" +
          escape_html(error.error) + "</code></p>\n<p>" + escape_html(error.description) +
          "</p>\n</body></html>\n",
      "text/html; charset=utf-8");
}

void rewrite_error_as_page(httplib::Response& res) {
  if (res.status < 400) {
    return;
  }
  const auto body = nlohmann::json::parse(res.body, nullptr, false);
  if (!body.is_object()) {
    return;
  }
  const OAuthError error{
      res.status, body.value("error", ""), body.value("error_description", ""), {}};
  res.headers.erase("Content-Type");
  res.headers.erase("Cache-Control");
  send_error_page(res, error);
  res.status = error.status;
}

void send_redirect(httplib::Response& res,
                   const std::string& redirect_uri,
                   const http::Params& params) {
  res.status = 302;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Location", http::append_query(redirect_uri, params));
}

void send_method_not_allowed(httplib::Response& res, const std::string& allow) {
  res.set_header("Allow", allow);
  send_error(res, OAuthError{405, "invalid_request", "only " + allow + " is allowed here", {}});
}

FormBody read_form_body(const httplib::Request& req,
                        const std::string& body,
                        const FormRules& rules) {
  if (!is_form_content_type(req.get_header_value("Content-Type"))) {
    return {{}, invalid_request("Content-Type must be application/x-www-form-urlencoded")};
  }
  // RFC 6749 §2.3.1: client credentials MUST NOT be included in the request URI.
  const http::Params query = http::form_decode(query_of(req.target));
  for (const char* name : {"client_secret", "client_assertion"}) {
    if (rules.reject_query_credentials && http::count_param(query, name) > 0) {
      return {{}, invalid_request(std::string(name) + " must not be sent in the URL query")};
    }
  }
  http::Params params = http::form_decode(body);
  if (rules.drop_empty_values) {
    params = without_empty_values(std::move(params));
  }
  if (const auto duplicate = find_duplicate(params); duplicate && rules.reject_duplicates) {
    return {{}, invalid_request("parameter " + *duplicate + " is repeated")};
  }
  return {std::move(params), std::nullopt};
}

}  // namespace parity::server
