#include "hostile/hostile_server.hpp"

#include "core/strings.hpp"
#include "hostile/behaviours.hpp"

#include <algorithm>
#include <array>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace parity::hostile {
namespace {

// Requests are the runner's own and small; larger ones are cut (the behaviour still runs).
constexpr std::size_t k_max_head = 64 * 1024;
constexpr std::size_t k_max_body = 1024 * 1024;

int listening_socket(int& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 64) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    if (fd >= 0) {
      ::close(fd);
    }
    throw std::runtime_error("hostile server: cannot listen on 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

std::size_t content_length(const std::string& head) {
  const std::string folded = to_lower(head);
  const auto at = folded.find("\r\ncontent-length:");
  if (at == std::string::npos) {
    return 0;
  }
  try {
    return std::min<std::size_t>(std::stoul(folded.substr(at + 17)), k_max_body);
  } catch (const std::exception&) {
    return 0;
  }
}

// Reads until `done` holds, the peer closes, `limit` bytes arrived or the server stops.
template <typename Done>
void read_until(
    int fd, std::string& buffer, std::size_t limit, const std::atomic<bool>& stop, Done done) {
  std::array<char, 8192> chunk{};
  while (!done() && buffer.size() < limit && !stop) {
    const auto got = ::recv(fd, chunk.data(), chunk.size(), 0);
    if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
      return;
    }
    if (got > 0) {
      buffer.append(chunk.data(), static_cast<std::size_t>(got));
    }
  }
}

ReceivedRequest read_request(int fd, const std::atomic<bool>& stop) {
  std::string data;
  read_until(
      fd, data, k_max_head, stop, [&] { return data.find("\r\n\r\n") != std::string::npos; });
  const auto head_end = data.find("\r\n\r\n");
  ReceivedRequest request;
  request.head = data.substr(0, head_end);
  if (head_end != std::string::npos) {
    request.body = data.substr(head_end + 4);
    const std::size_t wanted = content_length(request.head);
    read_until(fd, request.body, wanted, stop, [&] { return request.body.size() >= wanted; });
  }
  const auto space = request.head.find(' ');
  request.method = request.head.substr(0, space);
  if (space != std::string::npos) {
    const auto target_end = request.head.find_first_of(" ?\r", space + 1);
    request.path = request.head.substr(space + 1, target_end - space - 1);
  }
  return request;
}

}  // namespace

Connection::Connection(int fd, const std::atomic<bool>& stopping)
    : m_fd(fd), m_stopping(stopping) {}

bool Connection::send(std::string_view bytes) const {
  while (!bytes.empty()) {
    if (m_stopping) {
      return false;
    }
    const auto sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      continue;  // the send timeout expired: look at the stop flag again
    }
    if (sent <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool Connection::pause(std::chrono::milliseconds duration) const {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (!m_stopping && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return !m_stopping;
}

void Connection::reset() const {
  const linger abort_on_close{1, 0};
  ::setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
}

HostileServer::HostileServer() {
  prepare_behaviours();
  m_socket = listening_socket(m_port);
  m_other_host = base_url() + "/landed";
  m_acceptor = std::thread([this] { accept_loop(); });
}

HostileServer::~HostileServer() {
  m_stopping = true;
  m_acceptor.join();
  std::vector<std::thread> workers;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    for (const int fd : m_clients) {
      ::shutdown(fd, SHUT_RDWR);  // unblocks a worker stuck in send or recv
    }
    workers = std::move(m_workers);
  }
  for (std::thread& worker : workers) {
    worker.join();
  }
  ::close(m_socket);
}

std::string HostileServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(m_port);
}

void HostileServer::set_other_host(std::string url) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_other_host = std::move(url);
}

std::vector<ReceivedRequest> HostileServer::received() const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  return m_received;
}

void HostileServer::record(ReceivedRequest request) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_received.push_back(std::move(request));
}

void HostileServer::accept_loop() {
  while (!m_stopping) {
    pollfd waiting{m_socket, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) {
      continue;
    }
    const int fd = ::accept(m_socket, nullptr, nullptr);
    if (fd < 0) {
      continue;
    }
    // Short socket timeouts let blocked reads and writes notice the stop flag.
    const timeval timeout{0, 100000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_clients.push_back(fd);
    m_workers.emplace_back([this, fd] { serve(fd); });
  }
}

void HostileServer::serve(int fd) {
  ReceivedRequest request = read_request(fd, m_stopping);
  std::string other_host;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    other_host = m_other_host;
  }
  const ReceivedRequest copy = request;
  record(std::move(request));
  respond(copy, other_host, Connection(fd, m_stopping));
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::erase(m_clients, fd);
  ::close(fd);
}

}  // namespace parity::hostile
