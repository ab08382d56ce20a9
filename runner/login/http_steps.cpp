#include "login/http_steps.hpp"

#include "http/url.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace parity::login {
namespace {

std::string status_list(const std::vector<int>& statuses) {
  std::string text;
  for (const int status : statuses) {
    text += (text.empty() ? "" : ", ") + std::to_string(status);
  }
  return text;
}

// Expands every string of a JSON body; false (and `missing` set) when a variable is undefined.
bool expand_json(nlohmann::json& value, const LoginVariables& variables, std::string& missing) {
  if (value.is_string()) {
    const std::optional<std::string> text = expand(value.get<std::string>(), variables, missing);
    if (!text) {
      return false;
    }
    value = *text;
  } else if (value.is_structured()) {
    for (auto& item : value) {
      if (!expand_json(item, variables, missing)) {
        return false;
      }
    }
  }
  return true;
}

// The request of `step`, or an error naming the undefined variable.
std::optional<http::Request> build(const HttpLoginStep& step,
                                   const LoginVariables& variables,
                                   std::string& missing) {
  http::Request request;
  request.method = step.method;
  const std::optional<std::string> url = expand(step.url, variables, missing);
  if (!url) {
    return std::nullopt;
  }
  http::Params query;
  for (const auto& [name, value] : step.query) {
    const std::optional<std::string> text = expand(value, variables, missing);
    if (!text) {
      return std::nullopt;
    }
    query.emplace_back(name, *text);
  }
  request.url = query.empty() ? *url : http::append_query(*url, query);
  for (const auto& [name, value] : step.headers) {
    const std::optional<std::string> text = expand(value, variables, missing);
    if (!text) {
      return std::nullopt;
    }
    request.headers.emplace_back(name, *text);
  }
  if (!step.json_body.is_null()) {
    nlohmann::json body = step.json_body;
    if (!expand_json(body, variables, missing)) {
      return std::nullopt;
    }
    request.body = body.dump();
    request.headers.emplace_back("Content-Type", "application/json");
  } else if (step.has_form_body) {
    http::Params form;
    for (const auto& [name, value] : step.form_body) {
      const std::optional<std::string> text = expand(value, variables, missing);
      if (!text) {
        return std::nullopt;
      }
      form.emplace_back(name, *text);
    }
    request.body = http::form_encode(form);
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  }
  if (!http::find_header(request.headers, "Accept")) {
    request.headers.emplace_back("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
  }
  return request;
}

// Reads the captures of one answer into `variables`; the error names the first one missing.
std::string capture_all(const std::vector<std::pair<std::string, std::string>>& captures,
                        const http::Exchange& exchange,
                        LoginVariables& variables) {
  for (const auto& [name, selector] : captures) {
    const std::optional<std::string> value = capture_value(exchange, selector);
    if (!value) {
      std::string problem = "capture '" + name;
      problem += "' (" + selector + ") found nothing";
      return problem;
    }
    variables[name] = *value;
  }
  return "";
}

std::string describe(const http::Exchange& exchange) {
  const std::optional<http::Url> url = http::parse_url(exchange.request.url);
  return exchange.request.method + " " + (url ? url->path : exchange.request.url) + " (status " +
         std::to_string(exchange.response.status) + ")";
}

}  // namespace

LoginVariables initial_variables(const http::Exchange& first,
                                 const std::vector<std::string>& redirect_uris) {
  LoginVariables variables;
  variables["authorize_url"] = first.request.url;
  if (const std::optional<http::Url> url = http::parse_url(first.request.url)) {
    variables["origin"] =
        url->scheme + "://" + url->host + (url->port.empty() ? "" : ":" + url->port);
    variables["client_id"] =
        http::find_param(http::form_decode(url->query), "client_id").value_or("");
  }
  variables["redirect_uri"] = redirect_uris.empty() ? "" : redirect_uris.front();
  variables["location"] = capture_value(first, "location").value_or("");
  return variables;
}

std::optional<std::string> expand(const std::string& text,
                                  const LoginVariables& variables,
                                  std::string& missing) {
  std::string result;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "$${") == 0) {
      result += "${";
      i += 3;
      continue;
    }
    const std::size_t end = text.compare(i, 2, "${") == 0 ? text.find('}', i) : std::string::npos;
    if (end == std::string::npos) {
      result += text[i];
      ++i;
      continue;
    }
    const std::string name = text.substr(i + 2, end - i - 2);
    const auto found = variables.find(name);
    if (found == variables.end()) {
      missing = name;
      return std::nullopt;
    }
    result += found->second;
    i = end + 1;
  }
  return result;
}

std::optional<std::string> capture_value(const http::Exchange& exchange,
                                         const std::string& selector) {
  const http::Response& response = exchange.response;
  if (selector == "location" || selector.rfind("location:", 0) == 0) {
    const std::optional<std::string> location = http::find_header(response.headers, "Location");
    if (!location) {
      return std::nullopt;
    }
    const std::string resolved = http::resolve_location(exchange.request.url, *location);
    if (selector == "location") {
      return resolved;
    }
    const std::optional<http::Url> url = http::parse_url(resolved);
    return url ? http::find_param(http::form_decode(url->query), selector.substr(9)) : std::nullopt;
  }
  if (selector.rfind("header:", 0) == 0) {
    return http::find_header(response.headers, selector.substr(7));
  }
  if (selector.rfind("json:", 0) == 0) {
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_discarded()) {
      return std::nullopt;
    }
    try {
      const nlohmann::json& value = body.at(nlohmann::json::json_pointer(selector.substr(5)));
      return value.is_string() ? value.get<std::string>() : value.dump();
    } catch (const nlohmann::json::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

HttpStepsResult run_http_steps(http::HttpClient& http,
                               const http::Exchange& first,
                               const LoginScript& script,
                               const std::vector<std::string>& redirect_uris,
                               CookieJar& jar) {
  HttpStepsResult result;
  LoginVariables variables = initial_variables(first, redirect_uris);
  if (std::string problem = capture_all(script.http_captures, first, variables); !problem.empty()) {
    result.error = "login: the authorization response " + describe(first) + ": " + problem;
    return result;
  }
  for (const HttpLoginStep& step : script.http_steps) {
    std::string missing;
    std::optional<http::Request> request = build(step, variables, missing);
    if (!request) {
      result.error = "login: HTTP step '" + step.name + "': no variable '" + missing + "' (" +
                     step.where.str() + ")";
      return result;
    }
    if (const std::optional<std::string> cookies = jar.header_for(request->url)) {
      request->headers.emplace_back("Cookie", *cookies);
    }
    result.exchanges.push_back(http.send(*request));
    const http::Exchange& exchange = result.exchanges.back();
    if (!exchange.transport_error.empty()) {
      result.error = "login: HTTP step '" + step.name + "': " + exchange.transport_error;
      return result;
    }
    jar.store(exchange.request.url, exchange.response.headers);
    const int status = exchange.response.status;
    if (!step.expect_status.empty() &&
        std::find(step.expect_status.begin(), step.expect_status.end(), status) ==
            step.expect_status.end()) {
      result.error = "login: HTTP step '" + step.name + "': " + describe(exchange) + ", expected " +
                     status_list(step.expect_status);
      return result;
    }
    if (std::string problem = capture_all(step.captures, exchange, variables); !problem.empty()) {
      result.error = "login: HTTP step '" + step.name + "' " + describe(exchange) + ": " + problem;
      return result;
    }
  }
  return result;
}

}  // namespace parity::login
