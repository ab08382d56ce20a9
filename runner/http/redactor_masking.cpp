#include "http/redaction_rules.hpp"
#include "http/redactor.hpp"
#include "http/url.hpp"

namespace parity::http {

// The vocabulary of what is secret and where it is (http/redaction_rules.hpp).
using namespace redaction;

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
