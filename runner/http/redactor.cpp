#include "http/redactor.hpp"

#include "crypto/base64url.hpp"
#include "crypto/hash.hpp"
#include "http/redaction_rules.hpp"
#include "http/url.hpp"

#include <nlohmann/json.hpp>

namespace parity::http {

using redaction::k_min_credential;
using redaction::k_min_secret;

namespace {

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

}  // namespace parity::http
