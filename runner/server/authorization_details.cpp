#include "server/authorization_details.hpp"

#include "server/context.hpp"

namespace parity::server {
namespace {

OAuthError invalid_details(std::string description) {
  return OAuthError{400, "invalid_authorization_details", std::move(description), {}};
}

/// RFC 9396 §2: each element is an object with a string `type`; §5: the type must be known.
std::optional<OAuthError> check_element(const ServerContext& ctx, const nlohmann::json& element) {
  if (!element.is_object()) {
    return invalid_details("every authorization_details element must be a JSON object");
  }
  const auto type = element.find("type");
  if (type == element.end() || !type->is_string()) {
    return invalid_details("every authorization_details element needs a string type");
  }
  if (ctx.config.authorization_details_types.count(type->get<std::string>()) == 0) {
    return invalid_details("authorization_details type " + type->get<std::string>() +
                           " is not supported");
  }
  return std::nullopt;
}

}  // namespace

DetailsCheck check_authorization_details(const ServerContext& ctx, const std::string& value) {
  nlohmann::json details = nlohmann::json::parse(value, nullptr, false);
  if (ctx.has_fault("accept_invalid_authorization_details")) {
    // The bug: whatever was sent is stored and echoed, unchecked.
    return {details.is_discarded() ? nlohmann::json(value) : details, std::nullopt};
  }
  if (details.is_discarded() || !details.is_array()) {
    return {nullptr, invalid_details("authorization_details must be a JSON array")};
  }
  for (const auto& element : details) {
    if (auto error = check_element(ctx, element)) {
      return {nullptr, std::move(error)};
    }
  }
  return {std::move(details), std::nullopt};
}

}  // namespace parity::server
