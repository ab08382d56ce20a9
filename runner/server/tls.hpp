#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace httplib {
class Server;
}

namespace parity::load {
class MapReader;
}

namespace parity::server {

/// The reference server's TLS settings (server config `tls: { cert, key, client_ca }`), with
/// the paths resolved against the config file's directory.
struct ServerTls {
  std::string cert_file;  ///< PEM certificate (optionally followed by its chain) to present
  std::string key_file;   ///< PEM private key of cert_file
  /// RFC 8705 §2: when set, clients are asked for a certificate (optional, any issuer, so that
  /// self-signed ones reach the endpoint too); a certificate chaining to these PEM CAs counts
  /// as verified for tls_client_auth (server/tls_client_cert.hpp). Empty: none is requested.
  std::string client_ca_file;
};

/// Reads the optional `tls` block of a server config. RFC 9126 §2 requires https for the PAR
/// endpoint, so with it the server listens with TLS. The files are loaded once here, so a
/// missing file, a bad PEM, a key that does not match the certificate or an unreadable
/// client_ca is a LoadError at the `tls` key ("file:line:col: tls: …").
std::optional<ServerTls> read_server_tls(load::MapReader& config);

/// A plain HTTP server without `tls`, an HTTPS server (TLS 1.2 or newer) with it. Throws
/// std::runtime_error with OpenSSL's reason when the certificate or key cannot be used.
std::unique_ptr<httplib::Server> make_http_server(const std::optional<ServerTls>& tls);

/// "https" with `tls`, "http" without: the scheme of the issuer and every endpoint URL.
std::string_view url_scheme(const std::optional<ServerTls>& tls);

}  // namespace parity::server
