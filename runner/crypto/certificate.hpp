#pragma once

#include <string>
#include <string_view>

namespace parity::crypto {

/// An X.509 certificate and its private key, both PEM, as a TLS client presents them
/// (RFC 8705 §2).
struct CertificateAndKey {
  std::string certificate_pem;
  std::string private_key_pem;
};

/// Reads the first PEM certificate of file `path`; throws CryptoError naming the path when the
/// file cannot be read or holds no certificate.
std::string read_certificate_file(const std::string& path);

/// RFC 4514 string of the subject of PEM certificate `pem` ("CN=parity-mtls,O=…"), the form
/// RFC 8705 §2.1.2's tls_client_auth_subject_dn takes; throws CryptoError for bad input.
std::string certificate_subject(std::string_view pem);

/// x5t#S256 of PEM certificate `pem`: base64url SHA-256 of its DER (RFC 8705 §3.1).
std::string certificate_thumbprint(std::string_view pem);

/// Base64 (with padding) SHA-256 of the DER SubjectPublicKeyInfo of PEM certificate `pem`:
/// the key pin form of RFC 7469 §2.4, which Chromium's --ignore-certificate-errors-spki-list
/// takes.
std::string certificate_spki_sha256(std::string_view pem);

/// True when the PEM private key `key_pem` is the key of PEM certificate `certificate_pem`.
bool certificate_matches_key(std::string_view certificate_pem, std::string_view key_pem);

/// A new self-signed certificate with the same subject as PEM certificate `template_pem` and a
/// fresh P-256 key, valid from an hour ago for a day, for TLS client authentication. It claims
/// the client's name without the issuer's signature (RFC 8705 §2.1) and is not the certificate
/// a self_signed_tls_client_auth client registered (RFC 8705 §2.2): a conformant server
/// refuses it either way.
CertificateAndKey self_signed_copy(std::string_view template_pem);

}  // namespace parity::crypto
