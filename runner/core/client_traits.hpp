#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity {

/// Roles a profile gives its clients (profiles/README.md, "Client roles and properties"): at
/// most one client holds each role, so that no case depends on the order clients are listed.
namespace client_role {
/// The client of every case that picks none.
inline constexpr std::string_view k_default_client = "default";
/// "Another client" of cross-client cases (RFC 9126 §2.2, §4: a request_uri or code bound to
/// one client is refused to another).
inline constexpr std::string_view k_other = "other";
}  // namespace client_role

/// Every role name, for messages and suggestions.
std::vector<std::string> client_role_names();

/// How a client is registered at the server (profiles/README.md, "Client roles and
/// properties"); cases select a client that has the property they need.
namespace client_property {
/// RFC 7636 §4.4.1: pushes without code_challenge are refused for this client.
inline constexpr std::string_view k_pkce_required = "pkce_required";
/// RFC 9126 §6 require_pushed_authorization_requests: only pushed requests are accepted.
inline constexpr std::string_view k_par_required = "par_required";
/// RFC 9101 §10.5 / RFC 9126 §3 require_signed_request_object: plain pushes are refused.
inline constexpr std::string_view k_signed_request_object_required =
    "signed_request_object_required";
/// RFC 9449 §8: the client's DPoP proofs must carry a server-provided nonce.
inline constexpr std::string_view k_dpop_nonce_required = "dpop_nonce_required";
}  // namespace client_property

/// Every property name, for messages and suggestions.
std::vector<std::string> client_property_names();

/// True for properties that make the documented default push fail (a plain push is refused),
/// so that a case needing merely "a client with method X" prefers clients without them.
bool restricts_default_push(std::string_view property);

/// The server-wide capability that gives every client `property` (a server requiring PKCE for
/// all clients requires it for each); empty when only the client itself can declare it.
std::string_view capability_implying(std::string_view property);

/// The `aud` of the client assertions a client sends (RFC 9126 §2: the issuer identifier
/// SHOULD be used; the server MUST also accept its token and PAR endpoint URLs).
enum class AssertionAudience { issuer, token_endpoint, par_endpoint };

std::string_view to_string(AssertionAudience audience);
std::optional<AssertionAudience> parse_assertion_audience(std::string_view name);
std::vector<std::string> assertion_audience_names();

}  // namespace parity
