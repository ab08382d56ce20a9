#pragma once

#include "core/profile.hpp"
#include "http/url.hpp"
#include "server/responses.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>

namespace parity::load {
class MapReader;
}

namespace parity::server {

/// Vendor emulation (fixtures/reference/README.md, "Vendor emulation"): the documented
/// behaviour of a real provider that the reference server reproduces on top of its own rules.
/// Every field defaults to the reference server's own behaviour.
struct Emulation {
  /// Non-empty: what is emulated and from which documents (shown by `parity serve`).
  std::string label;
  /// Path of the issuer on the server's origin ("" or e.g. "/oauth2", "/env-id/as").
  std::string issuer_path;
  std::string par_path = "/par";                  ///< RFC 9126 §2: the PAR endpoint's path
  std::string authorization_path = "/authorize";  ///< path of the authorization endpoint
  std::string token_path = "/token";              ///< path of the token endpoint
  int push_status = 201;                          ///< RFC 9126 §2.2: 201 Created
  /// RFC 6749 §3.1.1: response_type values accepted at the push (each space-separated word of
  /// a response_type must be listed). Only "code" is ever issued at /authorize.
  std::set<std::string> response_types{"code"};
  /// RFC 7636 §4.3: the method of a code_challenge sent without code_challenge_method.
  std::string pkce_default_method = "plain";
  int min_nonce_length = 0;  ///< 0: no policy; otherwise shorter nonce values are rejected
  /// Largest accepted push body in bytes (0: the server's general limit of 64 KiB).
  std::size_t max_push_bytes = 0;
  int push_too_large_status = 413;  ///< RFC 9126 §2.3 names 413; some vendors answer 400
  /// Non-empty: custom parameters must start with this prefix; others are ignored.
  std::string custom_parameter_prefix;
  int max_custom_parameters = 0;  ///< 0: no limit on prefixed custom parameters
  /// Client authentication methods the server supports (empty: all the reference server has).
  std::set<AuthMethod> auth_methods;
};

/// Reads the optional `emulation:` block of a server config (unknown keys, bad values →
/// LoadError "file:line:col: message"); the defaults when the block is absent.
Emulation read_emulation(load::MapReader& config);

/// True when `method` is one the emulated server supports.
bool supports_auth_method(const Emulation& emulation, AuthMethod method);

/// Every supported client authentication method name, for metadata (RFC 8414 §2).
std::set<std::string> supported_auth_method_names(const Emulation& emulation);

/// True when every space-separated word of `response_type` is accepted (RFC 6749 §3.1.1).
bool accepts_response_type(const Emulation& emulation, const std::string& response_type);

/// The emulated limit on a push body: an error when `size` exceeds it.
std::optional<OAuthError> check_push_size(const Emulation& emulation, std::size_t size);

/// The emulated custom-parameter rule: too many prefixed custom parameters is an error.
std::optional<OAuthError> check_custom_parameters(const Emulation& emulation,
                                                  const http::Params& params);

/// The emulated nonce policy (OIDC Core §3.1.2.1 nonce; the minimum is the vendor's rule).
std::optional<OAuthError> check_nonce(const Emulation& emulation, const http::Params& params);

}  // namespace parity::server
