#include "http/redactor.hpp"

#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "http/url.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

namespace parity::http {
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

/// Members of a token response that are credentials (RFC 6749 §5.1, OIDC Core §3.1.3.3).
constexpr std::array<std::string_view, 3> k_token_members = {
    "access_token", "refresh_token", "id_token"};

constexpr std::size_t k_min_secret = 4;
constexpr std::size_t k_min_credential = 8;

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

/// RFC 9110 §11.4: credentials = auth-scheme [ 1*SP token68 / #auth-param ]. Returns the
/// scheme and the rest, or nullopt when there is no scheme.
std::optional<std::pair<std::string_view, std::string_view>> split_scheme(std::string_view value) {
  const auto space = value.find(' ');
  if (space == std::string_view::npos || space == 0) {
    return std::nullopt;
  }
  return std::make_pair(value.substr(0, space), value.substr(space + 1));
}

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

std::string hex_prefix(std::string_view bytes, std::size_t count) {
  constexpr std::string_view k_hex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && out.size() < count; ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    out += k_hex[byte >> 4];
    out += k_hex[byte & 0xF];
  }
  return out;
}

}  // namespace

std::string Redactor::credential_label(std::string_view kind, std::string_view value) {
  constexpr std::size_t k_fingerprint_hex = 8;
  return "[redacted " + std::string(kind) + ", " + std::to_string(value.size()) +
         " chars, sha256:" + hex_prefix(crypto::sha256(value), k_fingerprint_hex) + "]";
}

void Redactor::add_spellings(const std::string& value, const std::string& replacement) {
  // What the value looks like in URLs and form bodies, and inside a JSON string (RFC 8259 §7:
  // quotes, backslashes and controls escaped; some servers also write "/" as "\/").
  m_spellings.insert_or_assign(percent_encode(value), replacement);
  m_spellings.insert_or_assign(form_encode({{"", value}}).substr(1), replacement);
  const std::string json_string =
      nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string json_escaped = json_string.substr(1, json_string.size() - 2);
  m_spellings.insert_or_assign(json_escaped, replacement);
  if (value.find('/') != std::string::npos) {
    std::string json_slashes;
    for (const char c : json_escaped) {
      json_slashes += c == '/' ? std::string("\\/") : std::string(1, c);
    }
    m_spellings.insert_or_assign(json_slashes, replacement);
  }
  m_spellings.insert_or_assign(value, replacement);
}

void Redactor::add_secret(const std::string& value) {
  if (value.size() < k_min_secret) {
    return;
  }
  add_spellings(value, std::string(k_mask));
}

void Redactor::add_basic_credentials(const std::string& client_id, const std::string& secret) {
  add_secret(secret);
  // RFC 6749 §2.3.1 form-encodes id and secret before Basic; RFC 7617 does not. Mask both.
  add_secret(crypto::base64_encode(client_id + ":" + secret));
  std::string form_encoded = form_encode({{client_id, secret}});
  form_encoded[form_encoded.find('=')] = ':';
  add_secret(crypto::base64_encode(form_encoded));
}

void Redactor::add_credential(std::string_view kind, const std::string& value) {
  if (m_reveal || value.size() < k_min_credential) {
    return;
  }
  const auto known = m_spellings.find(value);
  if (known != m_spellings.end() && known->second == k_mask) {
    return;  // already a secret: stays "[redacted]"
  }
  add_spellings(value, credential_label(kind, value));
}

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
  if (is_form(request.headers)) {
    add_params(request.body);
  }
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
  if (is_form(response.headers)) {
    for (const auto& [name, value] : form_decode(response.body)) {
      if (const auto kind = credential_kind(name)) {
        add_credential(*kind, value);
      }
    }
    return;
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

void Redactor::merge(const Redactor& other) {
  for (const auto& [spelling, replacement] : other.m_spellings) {
    if (!m_reveal || replacement == k_mask) {
      m_spellings.insert_or_assign(spelling, replacement);
    }
  }
}

std::string Redactor::redact_text(std::string_view text) const {
  std::string out(text);
  for (const auto& [needle, replacement] : m_spellings) {
    for (auto pos = out.find(needle); pos != std::string::npos;
         pos = out.find(needle, pos + replacement.size())) {
      out.replace(pos, needle.size(), replacement);
    }
  }
  return out;
}

std::string Redactor::mask_header_value(std::string_view name, std::string_view value) const {
  const auto scheme = has_scheme(name) ? split_scheme(value) : std::nullopt;
  if (scheme && iequals(scheme->first, "Basic")) {
    return std::string(scheme->first) + " " + std::string(k_mask);
  }
  if (m_reveal) {
    return std::string(value);
  }
  if (scheme) {
    return std::string(scheme->first) + " " + credential_label("access_token", scheme->second);
  }
  if (has_scheme(name)) {
    return std::string(k_mask);  // no scheme: an unknown credential
  }
  if (iequals(name, "DPoP")) {
    return credential_label("dpop_proof", value);
  }
  // Cookies: names and Set-Cookie attributes stay, values go.
  std::string out;
  std::size_t consumed = 0;
  for_each_cookie(name, value, [&](std::string_view cookie_name, std::string_view cookie) {
    out += (out.empty() ? "" : "; ") + std::string(cookie_name) + "=" +
           credential_label("cookie", cookie);
    consumed = static_cast<std::size_t>(cookie.data() + cookie.size() - value.data());
  });
  return out + std::string(iequals(name, "Set-Cookie") ? value.substr(consumed) : "");
}

void Redactor::mask_headers(Headers& headers) const {
  for (auto& [name, value] : headers) {
    if (is_secret_header(name)) {
      value = mask_header_value(name, value);
    } else if (iequals(name, "Location")) {
      value = mask_location(value);
    }
  }
}

// RFC 6749 §4.1.2, §4.2.2: a redirect carries the code (or tokens) in its query or fragment.
std::string Redactor::mask_location(const std::string& url) const {
  std::string out = mask_url_query(url);
  const auto hash = out.find('#');
  if (hash == std::string::npos) {
    return out;
  }
  return out.substr(0, hash + 1) + mask_form(std::string_view(out).substr(hash + 1));
}

std::string Redactor::mask_param(std::string_view encoded_name,
                                 std::string_view encoded_value) const {
  const std::string name = percent_decode(encoded_name, true);
  if (is_secret_param(name)) {
    return std::string(k_mask);
  }
  const auto kind = credential_kind(name);
  if (kind && !m_reveal) {
    return credential_label(*kind, percent_decode(encoded_value, true));
  }
  return std::string(encoded_value);
}

// Replaces the value text of secret and credential parameters in form-encoded `text`, leaving
// the rest of the bytes as they were (order, encoding and repeats are often what a case
// examines).
std::string Redactor::mask_form(std::string_view text) const {
  std::string out;
  while (true) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos) {
      out += pair.substr(0, eq + 1);
      out += mask_param(pair.substr(0, eq), pair.substr(eq + 1));
    } else {
      out += pair;
    }
    if (amp == std::string_view::npos) {
      return out;
    }
    out += '&';
    text.remove_prefix(amp + 1);
  }
}

// Masks secret and credential parameters in the query of `url` (between '?' and '#').
std::string Redactor::mask_url_query(const std::string& url) const {
  const auto question = url.find('?');
  if (question == std::string::npos) {
    return url;
  }
  const auto hash = url.find('#', question);
  const auto query_end = hash == std::string::npos ? url.size() : hash;
  return url.substr(0, question + 1) +
         mask_form(std::string_view(url).substr(question + 1, query_end - question - 1)) +
         url.substr(query_end);
}

Exchange Redactor::redact(Exchange exchange) const {
  mask_headers(exchange.request.headers);
  mask_headers(exchange.response.headers);
  exchange.request.url = redact_text(mask_url_query(exchange.request.url));
  if (is_form(exchange.request.headers)) {
    exchange.request.body = mask_form(exchange.request.body);
  }
  if (is_form(exchange.response.headers)) {
    exchange.response.body = mask_form(exchange.response.body);
  }
  for (Headers* headers : {&exchange.request.headers, &exchange.response.headers}) {
    for (auto& header : *headers) {
      header.second = redact_text(header.second);
    }
  }
  exchange.request.body = redact_text(exchange.request.body);
  exchange.response.body = redact_text(exchange.response.body);
  exchange.transport_error = redact_text(exchange.transport_error);
  if (exchange.request.tls_identity) {
    // RFC 8705 §2: what was presented is reported by description; the key material never is.
    exchange.request.tls_identity->private_key_pem.clear();
    exchange.request.tls_identity->certificate_pem.clear();
  }
  return exchange;
}

}  // namespace parity::http
