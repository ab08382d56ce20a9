#pragma once

#include "server/faults.hpp"

#include <vector>

namespace parity::server {

// The fault catalogue (faults.hpp), one group per place the bug lives.

/// Client authentication at the PAR and token endpoints (RFC 9126 §2, RFC 6749 §2.3,
/// RFC 7523, OIDC Core §9, RFC 8705).
std::vector<FaultInfo> client_authentication_faults();
/// The PAR endpoint: request syntax, validation, the push response and metadata (RFC 9126 §2,
/// §2.1, §2.2, §5; RFC 6749 §3.1; RFC 7636; RFC 8414).
std::vector<FaultInfo> push_faults();
/// The authorization endpoint: request_uri redemption and the authorization response (RFC 9126
/// §4, RFC 6749 §4.1.2, RFC 9207).
std::vector<FaultInfo> authorization_faults();
/// The token endpoint: the code, PKCE and the token response (RFC 6749 §4.1.3, §5; RFC 7636).
std::vector<FaultInfo> token_faults();
/// Extensions: JAR, DPoP, RAR and PAR required (RFC 9126 §3–§6, RFC 9101, RFC 9449, RFC 9396).
std::vector<FaultInfo> extension_faults();

}  // namespace parity::server
