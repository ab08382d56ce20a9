#include "core/client_traits.hpp"

#include "core/enum_names.hpp"

namespace parity {
namespace {

constexpr EnumNames<AssertionAudience, 3> k_audiences{{
    {AssertionAudience::issuer, "issuer"},
    {AssertionAudience::token_endpoint, "token_endpoint"},
    {AssertionAudience::par_endpoint, "par_endpoint"},
}};

}  // namespace

std::vector<std::string> client_role_names() {
  return {std::string(client_role::k_default_client), std::string(client_role::k_other)};
}

std::vector<std::string> client_property_names() {
  return {std::string(client_property::k_pkce_required),
          std::string(client_property::k_par_required),
          std::string(client_property::k_signed_request_object_required),
          std::string(client_property::k_dpop_nonce_required)};
}

bool restricts_default_push(std::string_view property) {
  return property == client_property::k_signed_request_object_required ||
         property == client_property::k_dpop_nonce_required;
}

std::string_view capability_implying(std::string_view property) {
  if (property == client_property::k_pkce_required) {
    return "pkce_required";
  }
  return "";
}

std::string_view to_string(AssertionAudience audience) {
  return name_in(k_audiences, audience);
}

std::optional<AssertionAudience> parse_assertion_audience(std::string_view name) {
  return value_in(k_audiences, name);
}

std::vector<std::string> assertion_audience_names() {
  return names_in(k_audiences);
}

}  // namespace parity
