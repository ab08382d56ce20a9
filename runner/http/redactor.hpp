#pragma once

#include "core/http_message.hpp"

#include <map>
#include <string>
#include <string_view>

namespace parity::http {

/// Removes secrets and live credentials from exchanges before anything stores or prints them,
/// so that every reporter and console line gets them removed without doing anything.
///
/// Secrets of the client and the user are masked as "[redacted]": client secrets (also as the
/// base64 "id:secret" Basic sends), client assertions, passwords, Basic credentials.
///
/// Credentials a server issues or a flow derives are masked as "[redacted <kind>, <n> chars,
/// sha256:<first 8 hex>]", so that a reader still sees what was there and can tell two values
/// apart without the value: access, refresh and ID tokens (RFC 6749 §5.1, OIDC Core §3.1.3.3),
/// authorization codes (RFC 6749 §4.1.2), code_verifier (RFC 7636 §4.1), DPoP proofs (RFC 9449
/// §4), and cookies (RFC 6265 §4, login sessions included). reveal_credentials() keeps these
/// (for local debugging); secrets stay masked either way.
///
/// Masked by name: the headers Authorization, Proxy-Authorization (the scheme is kept), DPoP,
/// Cookie and Set-Cookie (cookie names and attributes kept), and the form and query parameters
/// client_secret, client_assertion, password, assertion, code, code_verifier, refresh_token,
/// access_token, id_token, token, subject_token and actor_token (in a Location header's query
/// and fragment too). Every registered value is also
/// replaced wherever else it appears (URL, headers, bodies, errors), in its plain,
/// percent-encoded, form-encoded and JSON (`\/`) spellings.
class Redactor {
 public:
  static constexpr std::string_view k_mask = "[redacted]";

  /// Registers a secret value (ignored when shorter than 4 characters or empty).
  void add_secret(const std::string& value);
  /// Registers a client's Basic credentials so the encoded header value is caught too.
  void add_basic_credentials(const std::string& client_id, const std::string& secret);
  /// Registers a credential of `kind` ("access_token", "code", …); values shorter than 8
  /// characters are masked where they are named (headers, parameters) but not searched for.
  void add_credential(std::string_view kind, const std::string& value);
  /// Registers every secret and credential `request` carries (headers, query, form body), so
  /// that a response echoing one is masked too, whatever values the suite chose.
  void add_request_credentials(const Request& request);
  /// Registers every credential the response of `exchange` carries: access_token,
  /// refresh_token and id_token members of a JSON body (at any depth, found by a linear scan)
  /// or form body, code/token parameters of the Location header, Set-Cookie values; and the
  /// request's, as add_request_credentials.
  void add_exchange_credentials(const Exchange& exchange);
  /// Registers every secret and credential `other` knows.
  void merge(const Redactor& other);
  /// Shows credentials (not secrets) from now on: `--reveal-credentials`.
  void reveal_credentials(bool reveal) { m_reveal = reveal; }
  bool reveals_credentials() const { return m_reveal; }

  /// Returns a copy of `text` with every registered secret and credential replaced.
  std::string redact_text(std::string_view text) const;
  /// Returns `exchange` with headers, parameters and registered values masked. Parameters are
  /// masked in the request URL's query and in bodies whose Content-Type is form-urlencoded;
  /// only the value text is replaced, the rest stays byte-identical.
  Exchange redact(Exchange exchange) const;

  /// "[redacted <kind>, <n> chars, sha256:<8 hex>]": what a credential is shown as.
  static std::string credential_label(std::string_view kind, std::string_view value);

 private:
  // Longest first so that a value containing another is masked whole; ties in byte order.
  struct LongestFirst {
    bool operator()(const std::string& a, const std::string& b) const {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    }
  };
  void add_spellings(const std::string& value, const std::string& replacement);
  std::string mask_header_value(std::string_view name, std::string_view value) const;
  std::string mask_param(std::string_view encoded_name, std::string_view encoded_value) const;
  std::string mask_form(std::string_view text) const;
  std::string mask_url_query(const std::string& url) const;
  std::string mask_location(const std::string& url) const;
  void mask_headers(Headers& headers) const;

  // Every registered value in each spelling redact_text looks for → what replaces it.
  std::map<std::string, std::string, LongestFirst> m_spellings;
  bool m_reveal = false;
};

}  // namespace parity::http
