#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity {

/// How the provider under test is reached (profiles/README.md, "Plain-HTTP test rigs").
/// RFC 9126 §2 requires https; a rig that serves plain HTTP on purpose says so with
/// `transport: plain_http`, its https cases are skipped and every report names the transport.
enum class Transport {
  https,       ///< the default: the https requirement is judged
  plain_http,  ///< a declared plain-HTTP test rig
};

/// The profile value naming `transport` ("https", "plain_http").
std::string_view to_string(Transport transport);
/// Parses a profile value; nullopt when unknown.
std::optional<Transport> parse_transport(std::string_view name);
/// Every value, in a stable order (for messages and suggestions).
std::vector<std::string> transport_names();

/// The `requires:` name of cases whose verdict depends on https (RFC 9126 §2); every profile
/// has it unless it declares `transport: plain_http`.
inline constexpr std::string_view k_https_capability = "https";

/// Why a case that requires https is skipped on a declared plain-HTTP rig.
std::string plain_http_skip_reason();

}  // namespace parity
