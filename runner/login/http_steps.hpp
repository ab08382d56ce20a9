#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "login/cookie_jar.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parity::login {

/// The variables of a login through HTTP steps (profiles/README.md, "Login through HTTP
/// steps"): authorize_url, location, origin, client_id, redirect_uri, then the captures.
using LoginVariables = std::map<std::string, std::string>;

/// The variables a login starts with, from the authorization request and its answer `first`.
LoginVariables initial_variables(const http::Exchange& first,
                                 const std::vector<std::string>& redirect_uris);

/// Replaces every "${name}" of `text` by its variable; nullopt (and `missing` set to the name)
/// when one is not defined.
std::optional<std::string> expand(const std::string& text,
                                  const LoginVariables& variables,
                                  std::string& missing);

/// Reads `selector` (location, location:<param>, header:<name>, json:<pointer>) from the
/// answer of `exchange`; nullopt when absent.
std::optional<std::string> capture_value(const http::Exchange& exchange,
                                         const std::string& selector);

/// What the HTTP steps did.
struct HttpStepsResult {
  std::vector<http::Exchange> exchanges;  ///< one per step, unredacted
  std::string error;                      ///< non-empty: the login failed (names the step)
};

/// Captures `script.http_captures` from `first`, then sends `script.http_steps` in order with
/// the cookies of `jar` (updated from each answer), checking each status and capturing from
/// it. Stops at the first step that fails.
HttpStepsResult run_http_steps(http::HttpClient& http,
                               const http::Exchange& first,
                               const LoginScript& script,
                               const std::vector<std::string>& redirect_uris,
                               CookieJar& jar);

}  // namespace parity::login
