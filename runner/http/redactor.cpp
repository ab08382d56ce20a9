#include "http/redactor.hpp"

#include "crypto/base64url.hpp"
#include "http/url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace parity::http {
namespace {

// Headers whose whole value is a credential (RFC 9110 §11.6.2, §11.7.2; RFC 9449 §4.1;
// RFC 6265 §4).
constexpr std::array<std::string_view, 5> k_secret_headers = {
    "Authorization", "Proxy-Authorization", "DPoP", "Cookie", "Set-Cookie"};
// Form and query parameters that carry client or user credentials (RFC 6749 §2.3.1, §4.3.2;
// RFC 7521 §4.1/§4.2).
constexpr std::array<std::string_view, 4> k_secret_params = {
    "client_secret", "client_assertion", "password", "assertion"};

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

bool is_secret_param(std::string_view encoded_name) {
  const std::string name = percent_decode(encoded_name, true);
  return std::find(k_secret_params.begin(), k_secret_params.end(), name) != k_secret_params.end();
}

// RFC 9110 §11.4: credentials = auth-scheme [ 1*SP token68 / #auth-param ]; keep the scheme.
std::string mask_header_value(std::string_view name, std::string_view value) {
  const bool has_scheme = iequals(name, "Authorization") || iequals(name, "Proxy-Authorization");
  const auto space = value.find(' ');
  if (has_scheme && space != std::string_view::npos && space > 0) {
    return std::string(value.substr(0, space)) + " " + std::string(Redactor::k_mask);
  }
  return std::string(Redactor::k_mask);
}

void mask_headers(Headers& headers) {
  for (auto& [name, value] : headers) {
    if (is_secret_header(name)) {
      value = mask_header_value(name, value);
    }
  }
}

// Replaces the value text of secret parameters in form-encoded `text`, leaving the rest of the
// bytes as they were (order, encoding and repeats are often what a case examines).
std::string mask_form(std::string_view text) {
  std::string out;
  while (true) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && is_secret_param(pair.substr(0, eq))) {
      out += pair.substr(0, eq + 1);
      out += Redactor::k_mask;
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

// Masks secret parameters in the query of `url` (between '?' and '#').
std::string mask_url_query(const std::string& url) {
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

bool is_form(const Headers& headers) {
  const auto type = find_header(headers, "Content-Type");
  return type && iequals(type->substr(0, type->find(';')), "application/x-www-form-urlencoded");
}

}  // namespace

void Redactor::add_secret(std::string value) {
  if (value.size() < 4) {
    return;
  }
  // The percent- and form-encoded spellings are what the secret looks like in URLs and bodies.
  m_spellings.insert(percent_encode(value));
  m_spellings.insert(form_encode({{"", value}}).substr(1));
  m_spellings.insert(std::move(value));
}

void Redactor::add_basic_credentials(const std::string& client_id, const std::string& secret) {
  add_secret(secret);
  // RFC 6749 §2.3.1 form-encodes id and secret before Basic; RFC 7617 does not. Mask both.
  add_secret(crypto::base64_encode(client_id + ":" + secret));
  std::string form_encoded = form_encode({{client_id, secret}});
  form_encoded[form_encoded.find('=')] = ':';
  add_secret(crypto::base64_encode(form_encoded));
}

void Redactor::add_request_credentials(const Request& request) {
  for (const auto& [name, value] : request.headers) {
    if (!is_secret_header(name)) {
      continue;
    }
    const std::string masked = mask_header_value(name, value);
    // What the mask replaced: the value after the scheme, or all of it.
    add_secret(value.substr(masked.size() - k_mask.size()));
  }
  const auto add_params = [this](std::string_view encoded) {
    for (const auto& [name, value] : form_decode(encoded)) {
      if (std::find(k_secret_params.begin(), k_secret_params.end(), name) !=
          k_secret_params.end()) {
        add_secret(value);
      }
    }
  };
  const auto question = request.url.find('?');
  if (question != std::string::npos) {
    const auto hash = request.url.find('#', question);
    const auto query_end = hash == std::string::npos ? request.url.size() : hash;
    add_params(std::string_view(request.url).substr(question + 1, query_end - question - 1));
  }
  if (is_form(request.headers)) {
    add_params(request.body);
  }
}

void Redactor::merge(const Redactor& other) {
  m_spellings.insert(other.m_spellings.begin(), other.m_spellings.end());
}

std::string Redactor::redact_text(std::string_view text) const {
  std::string out(text);
  for (const std::string& needle : m_spellings) {
    for (auto pos = out.find(needle); pos != std::string::npos;
         pos = out.find(needle, pos + k_mask.size())) {
      out.replace(pos, needle.size(), k_mask);
    }
  }
  return out;
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
