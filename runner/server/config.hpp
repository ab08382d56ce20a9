#pragma once

#include "core/errors.hpp"
#include "core/profile.hpp"
#include "crypto/key.hpp"
#include "server/emulation.hpp"
#include "server/tls.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace parity::server {

/// A client registered at the reference server.
struct RegisteredClient {
  std::string client_id;
  AuthMethod auth_method = AuthMethod::client_secret_basic;
  std::string secret;                     ///< for client_secret_* methods
  std::optional<crypto::Key> public_key;  ///< for private_key_jwt (parsed at config time)
  /// RFC 8705 §2.1.2 tls_client_auth_subject_dn: for tls_client_auth, the RFC 4514 subject its
  /// CA-issued certificate must carry (e.g. "CN=parity-mtls,O=parity test fixtures").
  std::string tls_client_auth_subject_dn;
  /// RFC 8705 §2.2: for self_signed_tls_client_auth, x5t#S256 of the certificate it registered
  /// (config `certificate:`, a PEM file read at config time).
  std::string certificate_thumbprint;
  std::vector<std::string> redirect_uris;
  std::set<std::string> scopes;
  /// RFC 9126 §6 client metadata require_pushed_authorization_requests (config key of that
  /// name; `require_par` is accepted as an older alias).
  bool require_par = false;
  /// RFC 9101 §10.5 client metadata: pushes and authorization requests must carry a signed
  /// Request Object (RFC 9126 §2.3).
  bool require_signed_request_object = false;
  /// RFC 9449 §8: DPoP proofs of this client must carry a current server nonce.
  bool dpop_nonce_required = false;
};

/// The reference server's policies (fixtures/reference/README.md).
struct ServerConfig {
  int request_uri_lifetime = 3;  ///< seconds
  int code_lifetime = 60;        ///< seconds
  /// Entries each of the server's maps (pushed requests, codes, seen jti values) may hold
  /// before new ones are refused with temporarily_unavailable; expired ones are purged first.
  std::size_t store_capacity = 100000;
  std::set<std::string> pkce_methods{"S256"};
  bool pkce_required = true;
  int min_state_length = 0;  ///< 0: no policy
  bool require_par = false;  ///< RFC 9126 §5: server-wide, /authorize accepts only pushed requests
  /// RFC 9101 §10.5 server metadata: every client must use signed Request Objects.
  bool require_signed_request_object = false;
  /// RFC 9396 §10: the authorization_details types the server understands (empty: none).
  std::set<std::string> authorization_details_types;
  std::set<std::string> faults;  ///< names from fault_catalogue()
  std::vector<RegisteredClient> clients;
  std::optional<ServerTls> tls;  ///< HTTPS when set (server/tls.hpp), plain HTTP otherwise
  std::string file;              ///< where it was loaded from
  /// Vendor emulation (server/emulation.hpp); the defaults are the reference server itself.
  Emulation emulation;
};

/// RFC 8705 §2: true when the server asks TLS clients for certificates (`tls.client_ca` set),
/// so that tls_client_auth and self_signed_tls_client_auth clients can authenticate.
bool accepts_client_certificates(const ServerConfig& config);

/// Loads and strictly validates a server config (unknown keys, wrong types, unknown fault
/// names, unreadable key files → LoadError "file:line:col: message").
ServerConfig load_server_config(const std::string& path);

}  // namespace parity::server
