#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "core/suite.hpp"

#include <optional>

namespace parity::run {

/// RFC 8705 §2: the TLS client certificate a push or token step presents. The step's
/// `tls_client_cert` decides when set (none, a self-signed copy of the client's certificate,
/// or another client's certificate); otherwise a client authenticating with `method`
/// tls_client_auth or self_signed_tls_client_auth presents its own. nullopt: the request goes
/// out with the connection defaults (the profile's tls.client_cert, if any). Throws
/// std::runtime_error when the certificate it needs is not in the profile.
std::optional<http::TlsIdentity> step_tls_identity(const RequestSpec& spec,
                                                   AuthMethod method,
                                                   const Client& client,
                                                   const Profile& profile);

}  // namespace parity::run
