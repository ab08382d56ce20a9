#pragma once

#include "http/message.hpp"

#include <set>
#include <string>
#include <string_view>

namespace parity::http {

/// Removes secrets from exchanges before anything stores or prints them.
/// Always redacted: the values of the Authorization, Proxy-Authorization, DPoP, Cookie and
/// Set-Cookie headers (Authorization keeps its scheme: "Basic [redacted]"), and the values of
/// the form or query parameters client_secret, client_assertion, password and assertion.
/// code_verifier is not masked: it is not a credential of the client. Every registered secret
/// is also replaced wherever it appears (request URL, headers, bodies, response), in its plain,
/// percent-encoded and form-encoded spellings and as the base64 "id:secret" Basic sends.
class Redactor {
 public:
  static constexpr std::string_view k_mask = "[redacted]";

  /// Registers a secret value (ignored when shorter than 4 characters or empty).
  void add_secret(std::string value);
  /// Registers a client's Basic credentials so the encoded header value is caught too.
  void add_basic_credentials(const std::string& client_id, const std::string& secret);
  /// Registers every credential `request` carries, so that a response echoing it is masked
  /// too: the values of its secret headers (Authorization and Proxy-Authorization without
  /// their scheme; whole DPoP proofs and cookies) and of its secret parameters (query, and a
  /// form-urlencoded body), whatever values the suite chose for them.
  void add_request_credentials(const Request& request);
  /// Registers every secret `other` knows.
  void merge(const Redactor& other);

  /// Returns a copy of `text` with every registered secret replaced by k_mask.
  std::string redact_text(std::string_view text) const;
  /// Returns `exchange` with headers, parameters and registered secrets masked. Parameters are
  /// masked in the request URL's query and in bodies whose Content-Type is form-urlencoded;
  /// only the value text is replaced, the rest stays byte-identical.
  Exchange redact(Exchange exchange) const;

 private:
  // Longest first so that a secret containing another is masked whole; ties in byte order.
  struct LongestFirst {
    bool operator()(const std::string& a, const std::string& b) const {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    }
  };
  // Every registered secret in all the spellings redact_text looks for, in replacement order.
  std::set<std::string, LongestFirst> m_spellings;
};

}  // namespace parity::http
