#pragma once

#include "server/httplib_fwd.hpp"

#include <optional>
#include <string>

namespace parity::server {

/// The certificate a client presented in the TLS handshake of a request (RFC 8705 §2).
struct ClientCertificate {
  /// RFC 4514 string of the subject, e.g. "CN=parity-mtls,O=parity test fixtures"; what
  /// tls_client_auth compares with the client's tls_client_auth_subject_dn (RFC 8705 §2.1.2).
  std::string subject_dn;
  /// base64url SHA-256 of the DER certificate: the x5t#S256 value of RFC 8705 §3.1, and what
  /// self_signed_tls_client_auth compares with the registered certificate (RFC 8705 §2.2).
  std::string sha256_thumbprint;
  /// True when the certificate chains to the server's client_ca (RFC 8705 §2.1); false for
  /// self-signed and otherwise unverifiable ones.
  bool chain_verified = false;
};

/// The client certificate of the TLS connection `request` arrived on; nullopt over plain HTTP
/// or when the client sent none (the server asks for one only with `tls.client_ca`).
std::optional<ClientCertificate> client_certificate(const httplib::Request& request);

}  // namespace parity::server
