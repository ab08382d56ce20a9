#pragma once

#include "server/responses.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace parity::server {

struct ServerContext;

/// The outcome of checking an authorization_details parameter.
struct DetailsCheck {
  nlohmann::json details;  ///< the parsed array (null on error)
  std::optional<OAuthError> error;
};

/// RFC 9396 §2 / §5: `value` must be a JSON array of objects, each with a string `type` from
/// the configured authorization_details_types; otherwise 400 invalid_authorization_details.
DetailsCheck check_authorization_details(const ServerContext& ctx, const std::string& value);

}  // namespace parity::server
