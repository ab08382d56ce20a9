#pragma once

#include <httplib.h>

#include <array>
#include <memory>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

// Shared by the parity_http tests only: loopback servers on ephemeral ports.
namespace parity::http::test_support {

/// A TCP socket bound to 127.0.0.1 on an ephemeral port; throws when that fails.
inline int bound_loopback_socket() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("cannot bind a loopback socket");
  }
  return fd;
}

/// The local port of socket `fd`.
inline int port_of(int fd) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    throw std::runtime_error("getsockname failed");
  }
  return ntohs(address.sin_port);
}

/// Runs an httplib server (plain or TLS) on 127.0.0.1 in a thread until destroyed.
class LoopbackServer {
 public:
  explicit LoopbackServer(std::unique_ptr<httplib::Server> server) : m_server(std::move(server)) {}
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  LoopbackServer(LoopbackServer&&) = delete;
  LoopbackServer& operator=(LoopbackServer&&) = delete;
  ~LoopbackServer() { stop(); }

  httplib::Server& routes() { return *m_server; }

  /// Binds an ephemeral port and starts serving; returns false when binding failed.
  bool start() {
    m_port = m_server->bind_to_any_port("127.0.0.1");
    if (m_port <= 0) {
      return false;
    }
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running()) {
      std::this_thread::yield();
    }
    return true;
  }
  void stop() {
    m_server->stop();
    if (m_thread.joinable()) {
      m_thread.join();
    }
  }
  std::string url(const std::string& scheme, const std::string& path) const {
    return scheme + "://127.0.0.1:" + std::to_string(m_port) + path;
  }

 private:
  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
};

/// Serves one connection with a fixed byte string, whatever the request was.
class CannedServer {
 public:
  explicit CannedServer(std::string response) : m_response(std::move(response)) {
    m_socket = bound_loopback_socket();
    if (::listen(m_socket, 1) != 0) {
      throw std::runtime_error("listen failed");
    }
    m_port = port_of(m_socket);
    m_thread = std::thread([this] { serve_one(); });
  }
  CannedServer(const CannedServer&) = delete;
  CannedServer& operator=(const CannedServer&) = delete;
  CannedServer(CannedServer&&) = delete;
  CannedServer& operator=(CannedServer&&) = delete;
  ~CannedServer() {
    ::shutdown(m_socket, SHUT_RDWR);
    if (m_thread.joinable()) {
      m_thread.join();
    }
    ::close(m_socket);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/"; }
  /// Waits for the one connection to finish; returns the request head as received.
  std::string received() {
    m_thread.join();
    return m_request;
  }

 private:
  void serve_one() {
    const int client = ::accept(m_socket, nullptr, nullptr);
    if (client < 0) {
      return;
    }
    std::array<char, 4096> buffer{};
    while (m_request.find("\r\n\r\n") == std::string::npos) {
      const auto got = ::recv(client, buffer.data(), buffer.size(), 0);
      if (got <= 0) {
        break;
      }
      m_request.append(buffer.data(), static_cast<std::size_t>(got));
    }
    static_cast<void>(::send(client, m_response.data(), m_response.size(), MSG_NOSIGNAL));
    ::close(client);
  }

  std::string m_response;
  std::string m_request;
  int m_socket = -1;
  int m_port = 0;
  std::thread m_thread;
};

/// A loopback port with nothing listening (bound, read, then released).
inline int unused_port() {
  const int fd = bound_loopback_socket();
  const int port = port_of(fd);
  ::close(fd);
  return port;
}

}  // namespace parity::http::test_support
