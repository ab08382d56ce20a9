#include "http/redaction_rules.hpp"

#include <algorithm>
#include <cctype>

namespace parity::http::redaction {
namespace {

// Headers whose whole value is a secret or a credential (RFC 9110 §11.6.2, §11.7.2;
// RFC 9449 §4.1; RFC 6265 §4).
constexpr std::array<std::string_view, 5> k_secret_headers = {
    "Authorization", "Proxy-Authorization", "DPoP", "Cookie", "Set-Cookie"};
// Form and query parameters that carry client or user secrets (RFC 6749 §2.3.1, §4.3.2;
// RFC 7521 §4.1/§4.2).
constexpr std::array<std::string_view, 4> k_secret_params = {
    "client_secret", "client_assertion", "password", "assertion"};

/// Parameters that carry live credentials, and the kind each is shown as: RFC 6749 §4.1.2,
/// §4.1.3, §5.1, §6; RFC 7636 §4.5; OIDC Core §3.1.2.1, §3.2.2.5; RFC 7009 §2.1;
/// RFC 8693 §2.1.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> k_credential_params{{
    {"code", "code"},
    {"code_verifier", "code_verifier"},
    {"refresh_token", "refresh_token"},
    {"access_token", "access_token"},
    {"id_token", "id_token"},
    {"token", "token"},
    {"subject_token", "token"},
    {"actor_token", "token"},
}};

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

bool is_secret_header(std::string_view name) {
  return std::any_of(k_secret_headers.begin(),
                     k_secret_headers.end(),
                     [&](std::string_view secret) { return iequals(name, secret); });
}

bool is_secret_param(std::string_view name) {
  return std::find(k_secret_params.begin(), k_secret_params.end(), name) != k_secret_params.end();
}

std::optional<std::string_view> credential_kind(std::string_view param) {
  for (const auto& [name, kind] : k_credential_params) {
    if (name == param) {
      return kind;
    }
  }
  return std::nullopt;
}

bool has_scheme(std::string_view header) {
  return iequals(header, "Authorization") || iequals(header, "Proxy-Authorization");
}

std::optional<std::pair<std::string_view, std::string_view>> split_scheme(std::string_view value) {
  const auto space = value.find(' ');
  if (space == std::string_view::npos || space == 0) {
    return std::nullopt;
  }
  return std::make_pair(value.substr(0, space), value.substr(space + 1));
}

bool is_form(const Headers& headers) {
  const auto type = find_header(headers, "Content-Type");
  return type && iequals(type->substr(0, type->find(';')), "application/x-www-form-urlencoded");
}

std::string_view url_query(std::string_view url) {
  const auto question = url.find('?');
  if (question == std::string_view::npos) {
    return {};
  }
  const auto hash = url.find('#', question);
  return url.substr(question + 1,
                    (hash == std::string_view::npos ? url.size() : hash) - question - 1);
}

std::string_view url_fragment(std::string_view url) {
  const auto hash = url.find('#');
  return hash == std::string_view::npos ? std::string_view() : url.substr(hash + 1);
}

}  // namespace parity::http::redaction
