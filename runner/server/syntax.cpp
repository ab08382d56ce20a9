#include "server/syntax.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace parity::server {

http::Params without_empty_values(http::Params params) {
  std::erase_if(params, [](const auto& param) { return param.second.empty(); });
  return params;
}

bool is_standard_parameter(std::string_view name) {
  static const std::set<std::string, std::less<>> k_standard{
      "response_type",
      "client_id",
      "redirect_uri",
      "scope",
      "state",
      "nonce",
      "code_challenge",
      "code_challenge_method",
      "client_secret",
      "client_assertion",
      "client_assertion_type",
      "request",
      "request_uri",
      "dpop_jkt",
      "authorization_details",
      "prompt",
      "max_age",
      "login_hint",
      "claims",
      "resource",
      "response_mode",
      "display",
      "ui_locales",
      "id_token_hint",
      "acr_values",
      // audience, connection, organization: Auth0's documented authorization parameters
      "audience",
      "connection",
      "organization"};
  return k_standard.contains(name);
}

std::optional<std::string> find_duplicate(const http::Params& params) {
  std::set<std::string> seen;
  for (const auto& [name, value] : params) {
    if (!seen.insert(name).second) {
      return name;
    }
  }
  return std::nullopt;
}

bool is_form_content_type(std::string_view content_type) {
  const std::string_view media = trim(content_type.substr(0, content_type.find(';')));
  constexpr std::string_view k_form = "application/x-www-form-urlencoded";
  return equals_ignoring_case(media, k_form);
}

std::string_view query_of(std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) {
    return {};
  }
  std::string_view query = target.substr(question + 1);
  return query.substr(0, query.find('#'));
}

bool is_absolute_uri_without_fragment(std::string_view uri) {
  const auto colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == uri.size()) {
    return false;
  }
  if (std::isalpha(static_cast<unsigned char>(uri.front())) == 0) {
    return false;
  }
  for (const char c : uri.substr(0, colon)) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return std::none_of(uri.begin(), uri.end(), [](char c) {
    return c == '#' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
  });
}

std::string sanitize_description(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e || c == '"' || c == '\\') {
      c = '?';
    }
  }
  return out;
}

}  // namespace parity::server
