#pragma once

#include "core/http_message.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

/// What the Redactor (http/redactor.hpp) treats as a secret or a credential, and where in a
/// message it finds them: the parts its registration, masking and text replacement share.
namespace parity::http::redaction {

/// Members of a token response that are credentials (RFC 6749 §5.1, OIDC Core §3.1.3.3).
inline constexpr std::array<std::string_view, 3> k_token_members = {
    "access_token", "refresh_token", "id_token"};

/// Secrets shorter than this are not registered; credentials shorter than k_min_credential are
/// masked where they are named but not searched for.
inline constexpr std::size_t k_min_secret = 4;
inline constexpr std::size_t k_min_credential = 8;

/// ASCII case-insensitive equality, for header names and media types.
bool iequals(std::string_view a, std::string_view b);

/// Whether header `name`'s whole value is a secret or a credential (RFC 9110 §11.6.2,
/// §11.7.2; RFC 9449 §4.1; RFC 6265 §4).
bool is_secret_header(std::string_view name);
/// Whether form or query parameter `name` carries a client or user secret (RFC 6749 §2.3.1,
/// §4.3.2; RFC 7521 §4.1/§4.2).
bool is_secret_param(std::string_view name);
/// The kind a parameter carrying a live credential is shown as ("code", "token", …), or
/// nullopt for other parameters.
std::optional<std::string_view> credential_kind(std::string_view param);

/// Whether `header` (Authorization, Proxy-Authorization) starts with an auth scheme.
bool has_scheme(std::string_view header);
/// RFC 9110 §11.4: credentials = auth-scheme [ 1*SP token68 / #auth-param ]. Returns the
/// scheme and the rest, or nullopt when there is no scheme.
std::optional<std::pair<std::string_view, std::string_view>> split_scheme(std::string_view value);

/// RFC 6265 §4.2.1 / §4.1.1: "a=1; b=2" (Cookie) or "a=1; Path=/" (Set-Cookie, whose first
/// pair is the cookie). Calls `visit(name, value)` for each cookie pair.
template <typename Visit>
void for_each_cookie(std::string_view header, std::string_view text, Visit visit) {
  const bool set_cookie = iequals(header, "Set-Cookie");
  while (!text.empty()) {
    const auto semicolon = text.find(';');
    std::string_view pair = text.substr(0, semicolon);
    while (!pair.empty() && pair.front() == ' ') {
      pair.remove_prefix(1);
    }
    const auto eq = pair.find('=');
    visit(pair.substr(0, eq == std::string_view::npos ? pair.size() : eq),
          eq == std::string_view::npos ? pair.substr(pair.size()) : pair.substr(eq + 1));
    if (set_cookie || semicolon == std::string_view::npos) {
      return;
    }
    text.remove_prefix(semicolon + 1);
  }
}

/// Whether the Content-Type of `headers` is application/x-www-form-urlencoded.
bool is_form(const Headers& headers);
/// The query of `url` (between '?' and '#'); empty when it has none.
std::string_view url_query(std::string_view url);
/// The fragment of `url` (after '#'); empty when it has none.
std::string_view url_fragment(std::string_view url);

}  // namespace parity::http::redaction
