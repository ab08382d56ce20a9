#pragma once

#include "core/http_message.hpp"

#include <string>

namespace parity::login {

/// Connects to the server of `url` over TLS as parity's HTTP client does (verification on,
/// the profile's CA file), and returns the key pin (base64 SHA-256 of its SubjectPublicKeyInfo)
/// of the certificate it presents. A browser told to accept exactly that key then trusts
/// what parity verified, without the test CA being installed system-wide. Throws
/// std::runtime_error when the connection or the verification fails.
std::string verified_server_key_pin(const std::string& url, const http::ClientOptions& options);

}  // namespace parity::login
