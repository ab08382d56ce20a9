#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/profile.hpp"
#include "http/message.hpp"

namespace parity::eval {

/// A parsed response selector (suites/README.md, "Expectations").
struct Selector {
  enum class Kind { status, header, body, json, redirect, location, location_base, location_param };
  Kind kind = Kind::status;
  std::string argument;  ///< header name, JSON Pointer or parameter name
};

/// Parses "status", "header:Name", "json:/a/b", "location:error", …; nullopt when invalid
/// (unknown prefix, JSON Pointer not starting with '/', empty name).
std::optional<Selector> parse_selector(std::string_view text);

/// Selects a value from a response: status as integer, headers/body/location as strings,
/// json as parsed JSON, redirect as boolean. nullopt when absent (no header, body not JSON,
/// pointer not found, no Location, parameter missing).
std::optional<nlohmann::json> select(const Selector& selector, const http::Exchange& exchange);

/// Profile selectors for `when`: "capability:<name>" (boolean) and "policy:<name>"
/// (the policy value, nullopt when undocumented). nullopt for an unknown prefix.
bool is_profile_selector(std::string_view text);
std::optional<nlohmann::json> select_profile(std::string_view text, const Profile& profile);

}  // namespace parity::eval
