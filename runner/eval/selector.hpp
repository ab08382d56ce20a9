#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace parity::eval {

/// A parsed response selector (suites/README.md, "Expectations").
struct Selector {
  enum class Kind { status, header, body, json, redirect, location, location_base, location_param };
  Kind kind = Kind::status;
  /// Header name, JSON Pointer (empty for the whole `json` body) or parameter name.
  std::string argument;
};

/// Parses "status", "header:Name", "body", "json", "json:/a/b", "redirect", "location",
/// "location.base" or "location:error"; nullopt when invalid (unknown prefix, header name that
/// is not an RFC 9110 token, JSON Pointer that is not a valid non-empty RFC 6901 pointer,
/// empty parameter name).
std::optional<Selector> parse_selector(std::string_view text);

/// Selects a value from a response: status as integer, headers/body/location as strings,
/// json as parsed JSON, redirect as boolean (3xx with a Location header). `location` is the
/// Location header resolved against the request URL; `location.base` is its
/// scheme://host[:port]path; `location:<p>` is parameter `p` of its query, else of its
/// fragment (RFC 6749 §4.1.2). nullopt when absent: no response at all (transport error),
/// no such header, body not JSON, pointer not found, no Location, parameter missing.
std::optional<nlohmann::json> select(const Selector& selector, const http::Exchange& exchange);

/// Returns why a `json` selector found nothing because the body is not JSON at all:
/// "response is not JSON (not valid UTF-8 at byte 3): <escaped excerpt>" (or "(empty body)");
/// "" when the body is JSON or there is no response.
std::string not_json_reason(const http::Exchange& exchange);

/// Returns whether `text` is a profile selector for `when`: "capability:<name>" or
/// "policy:<name>" with a non-empty name.
bool is_profile_selector(std::string_view text);
/// Selects from the profile: "capability:<name>" → whether the profile declares it (boolean);
/// "policy:<name>" → the policy's value (nullopt when undocumented). nullopt for anything else.
std::optional<nlohmann::json> select_profile(std::string_view text, const Profile& profile);

}  // namespace parity::eval
