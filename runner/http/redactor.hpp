#pragma once

#include <set>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace parity::http {

/// Removes secrets from exchanges before anything stores or prints them.
/// Always redacted: the values of Authorization, Proxy-Authorization, DPoP, Cookie and
/// Set-Cookie headers; form or query parameters client_secret, client_assertion, password,
/// code_verifier is kept (it is not a credential of the client). Plus every registered secret
/// value wherever it appears (request URL, headers, bodies, response), including base64 of
/// "id:secret" as Basic sends it.
class Redactor {
 public:
  static constexpr std::string_view k_mask = "[redacted]";

  /// Registers a secret value (ignored when shorter than 4 characters or empty).
  void add_secret(std::string value);
  /// Registers a client's Basic credentials so the encoded header value is caught too.
  void add_basic_credentials(const std::string& client_id, const std::string& secret);

  /// Returns a copy of `text` with every registered secret replaced by k_mask.
  std::string redact_text(std::string_view text) const;
  /// Returns `exchange` with headers, parameters and registered secrets masked.
  Exchange redact(Exchange exchange) const;

 private:
  std::set<std::string> m_secrets;
};

}  // namespace parity::http
