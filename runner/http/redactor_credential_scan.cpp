#include "http/redaction_rules.hpp"
#include "http/redactor.hpp"
#include "http/url.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace parity::http {

// The vocabulary of what is secret and where it is (http/redaction_rules.hpp).
using namespace redaction;

namespace {

/// The string values of every `"name": "…"` member in `text`, at any depth and whether or not
/// the whole text parses (a server may wrap a token response in anything). A scan, not a
/// parse: a megabyte body costs no more than reading it once.
struct JsonString {
  std::string raw;      ///< as written between the quotes, escapes and all
  std::string decoded;  ///< its value
};

std::vector<JsonString> json_string_members(std::string_view text, std::string_view name) {
  std::vector<JsonString> values;
  const std::string key = "\"" + std::string(name) + "\"";
  for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
    std::size_t pos = text.find_first_not_of(" \t\r\n", at + key.size());
    if (pos == std::string_view::npos || text[pos] != ':') {
      continue;
    }
    pos = text.find_first_not_of(" \t\r\n", pos + 1);
    if (pos == std::string_view::npos || text[pos] != '"') {
      continue;
    }
    std::size_t end = pos + 1;
    while (end < text.size() && text[end] != '"') {
      end += text[end] == '\\' ? 2 : 1;
    }
    if (end >= text.size()) {
      continue;
    }
    // The quoted slice alone is a JSON string: nlohmann decodes its escapes.
    const nlohmann::json decoded =
        nlohmann::json::parse(text.substr(pos, end - pos + 1), nullptr, false);
    if (decoded.is_string()) {
      values.push_back(
          {std::string(text.substr(pos + 1, end - pos - 1)), decoded.get<std::string>()});
    }
  }
  return values;
}

}  // namespace

void Redactor::add_request_credentials(const Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (!is_secret_header(name)) {
      continue;
    }
    const auto scheme = has_scheme(name) ? split_scheme(value) : std::nullopt;
    if (scheme && iequals(scheme->first, "Basic")) {
      add_secret(std::string(scheme->second));
    } else if (scheme) {
      add_credential("access_token", std::string(scheme->second));  // Bearer, DPoP (RFC 9449 §7.1)
    } else if (iequals(name, "DPoP")) {
      add_credential("dpop_proof", value);
    } else if (iequals(name, "Cookie")) {
      for_each_cookie(name, value, [this](std::string_view, std::string_view cookie) {
        add_credential("cookie", std::string(cookie));
      });
    } else {
      add_secret(value);
    }
  }
  const auto add_params = [this](std::string_view encoded) {
    for (const auto& [name, value] : form_decode(encoded)) {
      if (is_secret_param(name)) {
        add_secret(value);
      } else if (const auto kind = credential_kind(name)) {
        add_credential(*kind, value);
      }
    }
  };
  add_params(url_query(request.url));
  add_params(request.body);  // a form body, whatever its Content-Type says
}

void Redactor::add_exchange_credentials(const Exchange& exchange) {
  add_request_credentials(exchange.request);
  const Response& response = exchange.response;
  for (const auto& [name, value] : response.headers) {
    if (iequals(name, "Set-Cookie")) {
      for_each_cookie(name, value, [this](std::string_view, std::string_view cookie) {
        add_credential("cookie", std::string(cookie));
      });
    } else if (iequals(name, "Location")) {
      // RFC 6749 §4.1.2 (query), §4.2.2 and OIDC Core §3.2.2.5 (fragment).
      for (const std::string_view part : {url_query(value), url_fragment(value)}) {
        for (const auto& [param, param_value] : form_decode(part)) {
          if (const auto kind = credential_kind(param)) {
            add_credential(*kind, param_value);
          }
        }
      }
    }
  }
  // Both spellings whatever the Content-Type says: a server that labels a JSON token response
  // as a form (or the other way round) must not get its tokens into a report.
  for (const auto& [name, value] : form_decode(response.body)) {
    if (const auto kind = credential_kind(name)) {
      add_credential(*kind, value);
    }
  }
  for (const std::string_view member : k_token_members) {
    for (const JsonString& value : json_string_members(response.body, member)) {
      add_credential(member, value.decoded);
      // An unusual spelling ("\u0062" for 'b') is masked as written, too.
      if (!m_reveal && value.decoded.size() >= k_min_credential && value.raw != value.decoded) {
        m_spellings.insert_or_assign(value.raw, credential_label(member, value.decoded));
      }
    }
  }
}

}  // namespace parity::http
