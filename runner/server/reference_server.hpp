#pragma once

#include "server/config.hpp"

#include <memory>
#include <string>

namespace parity::server {

/// parity's embedded, conformant PAR authorization server (fixtures/reference/README.md).
/// Listens on 127.0.0.1 only, serves requests on a background thread pool.
class ReferenceServer {
 public:
  explicit ReferenceServer(ServerConfig config);
  ReferenceServer(const ReferenceServer&) = delete;
  ReferenceServer& operator=(const ReferenceServer&) = delete;
  ReferenceServer(ReferenceServer&&) = delete;
  ReferenceServer& operator=(ReferenceServer&&) = delete;
  ~ReferenceServer();  ///< stops the server

  /// Binds 127.0.0.1:`port` (0 = ephemeral) and starts serving in the background.
  /// Serves HTTPS when the config has `tls`. Returns the bound port; throws
  /// std::runtime_error when it cannot bind or cannot use the TLS certificate.
  int start(int port = 0);
  /// Stops serving and joins the background thread (idempotent).
  void stop();
  /// Blocks until stop() is called from another thread or a signal handler.
  void wait();
  /// "https://127.0.0.1:<port>" ("http://…" without a `tls` config) plus an emulation's
  /// issuer_path: the issuer identifier.
  std::string base_url() const;
  /// The authorization, token and PAR endpoint URLs (an emulation may move them).
  Endpoints endpoints() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace parity::server
