#pragma once

#include "crypto/random.hpp"
#include "server/config.hpp"
#include "server/store.hpp"

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace parity::server {

/// RFC 9126 §2.2: the prefix of every request_uri this server mints.
inline constexpr std::string_view k_request_uri_prefix = "urn:ietf:params:oauth:request_uri:";

/// Everything the endpoint handlers share: the config, the issuer and the store.
/// The config and issuer are fixed before the first request; the store is thread-safe.
struct ServerContext {
  explicit ServerContext(ServerConfig server_config)
      : config(std::move(server_config)), dpop_nonce_key(crypto::random_bytes(32)) {}

  ServerConfig config;
  /// RFC 9449 §8: the HMAC key that makes this server's DPoP nonces unpredictable.
  const std::string dpop_nonce_key;
  std::string origin;  ///< "https://127.0.0.1:<port>" ("http://…" without TLS), set at bind
  /// origin + the emulation's issuer_path (usually just the origin), set when the server binds
  std::string issuer;
  Store store{config.store_capacity};                 ///< bounded by the config's store_capacity
  std::atomic<std::uint64_t> request_uri_counter{0};  ///< for the guessable_request_uri fault

  /// True when fault `name` (which must be in the catalogue) is switched on.
  bool has_fault(std::string_view name) const;
  /// The registered client `client_id`, or nullptr.
  const RegisteredClient* find_client(std::string_view client_id) const;
  /// origin + the PAR path ("/par" unless an emulation moves it)
  std::string par_endpoint() const { return origin + config.emulation.par_path; }
  /// origin + the token path ("/token" unless an emulation moves it)
  std::string token_endpoint() const { return origin + config.emulation.token_path; }
  /// origin + the authorization path ("/authorize" unless an emulation moves it)
  std::string authorization_endpoint() const {
    return origin + config.emulation.authorization_path;
  }
};

}  // namespace parity::server
