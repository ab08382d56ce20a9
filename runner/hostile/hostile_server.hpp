#pragma once

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace parity::hostile {

/// One request as the hostile server received it.
struct ReceivedRequest {
  std::string method;
  std::string path;  ///< request target without the query
  std::string head;  ///< request line and header lines, as received
  std::string body;
};

/// One accepted connection of a HostileServer, as a behaviour sees it.
class Connection {
 public:
  /// Wraps socket `fd` (owned by the server) of a server whose stop flag is `stopping`.
  Connection(int fd, const std::atomic<bool>& stopping);

  /// Sends `bytes`; false when the peer has gone or the server is stopping.
  bool send(std::string_view bytes) const;
  /// Sleeps for `duration` or until the server stops; false when it stopped.
  bool pause(std::chrono::milliseconds duration) const;
  /// Makes the server close this connection with a TCP RST instead of a FIN (SO_LINGER 0).
  void reset() const;

 private:
  int m_fd;
  const std::atomic<bool>& m_stopping;
};

/// A loopback HTTP server that misbehaves on purpose, one behaviour per request path
/// (behaviours.hpp lists them). It binds 127.0.0.1 on an ephemeral port, serves each
/// connection on its own thread, records every request it received, and stops (promptly,
/// even mid-behaviour) when destroyed.
class HostileServer {
 public:
  /// Binds, listens and starts accepting; throws std::runtime_error when it cannot bind.
  HostileServer();
  HostileServer(const HostileServer&) = delete;
  HostileServer& operator=(const HostileServer&) = delete;
  HostileServer(HostileServer&&) = delete;
  HostileServer& operator=(HostileServer&&) = delete;
  ~HostileServer();

  /// "http://127.0.0.1:<port>".
  std::string base_url() const;
  /// The absolute URL that /redirect-other points to (default: this server's /landed).
  void set_other_host(std::string url);
  /// Every request received so far, in arrival order.
  std::vector<ReceivedRequest> received() const;

 private:
  void accept_loop();
  void serve(int fd);
  void record(ReceivedRequest request);

  int m_socket = -1;
  int m_port = 0;
  std::atomic<bool> m_stopping{false};
  mutable std::mutex m_mutex;  // guards m_received, m_other_host, m_workers, m_clients
  std::vector<ReceivedRequest> m_received;
  std::string m_other_host;
  std::vector<std::thread> m_workers;
  std::vector<int> m_clients;
  std::thread m_acceptor;
};

}  // namespace parity::hostile
