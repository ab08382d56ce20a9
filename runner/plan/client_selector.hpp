#pragma once

#include "core/profile.hpp"

#include <string>
#include <string_view>

namespace parity::run {

/// The client a selector resolved to, or why none fits (`client` is null then).
struct ClientChoice {
  const Client* client = nullptr;
  std::string error;  ///< e.g. "profile has no client with auth method private_key_jwt"
};

/// The profile's default client: the one with role `default`, or its only client; null when
/// neither exists.
const Client* default_client(const Profile& profile);

/// True when `client` has `property`, declared on it or implied by a server-wide capability
/// of the profile (core/client_traits.hpp, capability_implying).
bool has_property(const Profile& profile, const Client& client, std::string_view property);

/// Resolves a client selector (suites/README.md, "Clients"). The order clients are listed in
/// carries no meaning: when several fit, the default client wins, then clients without a role
/// or a property that makes the default push fail, then the first by name.
///   ""                       the default client (or `own` when given)
///   "role:<r>"               the client with role r
///   "other"                  the client with role `other`; the default client when that is
///                            `own` itself
///   "property:<p>"           a client with property p
///   "method:<m>"             a client with auth method m
///   "other-method:<m>"       a client with auth method m that is not `own` (the default
///                            client when `own` is null)
///   "public"                 a client with auth method none
///   anything else            the client with that name (programmatic cases only: suites
///                            may not name a profile's clients, load/checks.cpp)
ClientChoice select_client(const Profile& profile, std::string_view selector, const Client* own);

}  // namespace parity::run
