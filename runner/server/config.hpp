#pragma once

#include "core/errors.hpp"
#include "core/profile.hpp"
#include "crypto/key.hpp"

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
  std::vector<std::string> redirect_uris;
  std::set<std::string> scopes;
  bool require_par = false;  ///< RFC 9126 §6 client metadata
};

/// The reference server's policies (fixtures/reference/README.md).
struct ServerConfig {
  int request_uri_lifetime = 3;  ///< seconds
  int code_lifetime = 60;        ///< seconds
  std::set<std::string> pkce_methods{"S256"};
  bool pkce_required = true;
  int min_state_length = 0;  ///< 0: no policy
  bool require_par = false;
  std::set<std::string> faults;  ///< names from fault_catalogue()
  std::vector<RegisteredClient> clients;
  std::string file;  ///< where it was loaded from
};

/// Loads and strictly validates a server config (unknown keys, wrong types, unknown fault
/// names, unreadable key files → LoadError "file:line:col: message").
ServerConfig load_server_config(const std::string& path);

}  // namespace parity::server
