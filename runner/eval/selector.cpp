#include "eval/selector.hpp"

#include "core/display_text.hpp"
#include "eval/json_depth.hpp"
#include "http/url.hpp"

#include <utility>

namespace parity::eval {
namespace {

using Kind = Selector::Kind;

bool has_response(const http::Exchange& exchange) {
  return exchange.transport_error.empty() && exchange.response.status != 0;
}

// Too deep a nesting counts as not JSON: judging it would overflow the stack (json_depth.hpp).
std::optional<nlohmann::json> parse_body(const std::string& body) {
  return parse_bounded_json(body);
}

std::optional<nlohmann::json> select_pointer(const std::string& body, const std::string& pointer) {
  const auto document = parse_body(body);
  if (!document) {
    return std::nullopt;
  }
  try {
    return document->at(nlohmann::json::json_pointer(pointer));
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // no such member, or an array index that is not a number
  }
}

std::optional<std::string> resolved_location(const http::Exchange& exchange) {
  const auto location = http::find_header(exchange.response.headers, "Location");
  if (!location) {
    return std::nullopt;
  }
  return http::resolve_location(exchange.request.url, *location);
}

std::string location_base(const std::string& location) {
  if (const auto url = http::parse_url(location)) {
    return url->base();
  }
  // Not an http(s) URL (e.g. a custom-scheme redirect URI): cut off query and fragment.
  return location.substr(0, location.find_first_of("?#"));
}

/// RFC 6749 §4.1.2 and OAuth 2.0 Multiple Response Types §5: authorization responses carry
/// their parameters in the query, or in the fragment.
std::optional<std::string> location_param(std::string_view location, std::string_view name) {
  const auto hash = location.find('#');
  const std::string_view fragment =
      hash == std::string_view::npos ? std::string_view() : location.substr(hash + 1);
  const std::string_view before_fragment = location.substr(0, hash);
  const auto question = before_fragment.find('?');
  const std::string_view query = question == std::string_view::npos
                                     ? std::string_view()
                                     : before_fragment.substr(question + 1);
  if (auto value = http::find_param(http::form_decode(query), name)) {
    return value;
  }
  return http::find_param(http::form_decode(fragment), name);
}

std::optional<nlohmann::json> select_location(const Selector& selector,
                                              const http::Exchange& exchange) {
  const auto location = resolved_location(exchange);
  if (!location) {
    return std::nullopt;
  }
  if (selector.kind == Kind::location) {
    return nlohmann::json(*location);
  }
  if (selector.kind == Kind::location_base) {
    return nlohmann::json(location_base(*location));
  }
  if (auto value = location_param(*location, selector.argument)) {
    return nlohmann::json(std::move(*value));
  }
  return std::nullopt;
}

}  // namespace

std::optional<nlohmann::json> select(const Selector& selector, const http::Exchange& exchange) {
  if (!has_response(exchange)) {
    return std::nullopt;
  }
  const http::Response& response = exchange.response;
  switch (selector.kind) {
    case Kind::status:
      return nlohmann::json(response.status);
    case Kind::header: {
      auto value = http::find_header(response.headers, selector.argument);
      return value ? std::optional<nlohmann::json>(std::move(*value)) : std::nullopt;
    }
    case Kind::body:
      return nlohmann::json(response.body);
    case Kind::json:
      return selector.argument.empty() ? parse_body(response.body)
                                       : select_pointer(response.body, selector.argument);
    case Kind::redirect:
      return nlohmann::json(response.status >= 300 && response.status < 400 &&
                            http::find_header(response.headers, "Location").has_value());
    case Kind::location:
    case Kind::location_base:
    case Kind::location_param:
      return select_location(selector, exchange);
  }
  return std::nullopt;
}

std::string not_json_reason(const http::Exchange& exchange) {
  if (!has_response(exchange)) {
    return "";
  }
  const std::string problem = json_problem(exchange.response.body);
  if (problem.empty()) {
    return "";
  }
  constexpr std::size_t k_excerpt_chars = 80;
  std::string reason = "response is not JSON (" + problem + ")";
  if (problem != "empty body") {
    reason += ": " + display_line(exchange.response.body, k_excerpt_chars);
  }
  return reason;
}

std::optional<nlohmann::json> select_profile(const ProfileSelector& selector,
                                             const Profile& profile) {
  if (selector.kind == ProfileSelector::Kind::capability) {
    return nlohmann::json(profile.capabilities.contains(selector.name));
  }
  const auto found = profile.policies.find(selector.name);
  if (found == profile.policies.end()) {
    return std::nullopt;
  }
  return found->second;
}

}  // namespace parity::eval
