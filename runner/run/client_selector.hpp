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

/// Resolves a client selector (suites/README.md, "Clients"): "" is the profile's first client
/// (or `own` when given), "method:<m>" the first client with that method, "other-method:<m>"
/// the first client with that method that is not `own` (the first client when `own` is null),
/// "public" the first
/// client with method none, "other" the first confidential client that is not `own` (the
/// first client when `own` is null), anything else a client name.
ClientChoice select_client(const Profile& profile, std::string_view selector, const Client* own);

}  // namespace parity::run
