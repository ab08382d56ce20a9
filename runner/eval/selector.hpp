#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/profile_selector.hpp"
#include "core/selector.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace parity::eval {

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

/// Selects from the profile: capability → whether the profile declares it (boolean);
/// policy → the policy's value (nullopt when undocumented).
std::optional<nlohmann::json> select_profile(const ProfileSelector& selector,
                                             const Profile& profile);

}  // namespace parity::eval
