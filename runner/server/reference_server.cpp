#include "server/reference_server.hpp"

#include "server/context.hpp"
#include "server/endpoints.hpp"
#include "server/on_demand_pool.hpp"
#include "server/responses.hpp"
#include "server/syntax.hpp"
#include "server/tls.hpp"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>

namespace parity::server {
namespace {

constexpr std::size_t k_max_body_bytes = 64UL * 1024;
constexpr time_t k_io_timeout_seconds = 5;
constexpr time_t k_keep_alive_seconds = 1;
constexpr std::size_t k_keep_alive_requests = 1000;
// httplib serves each open connection on a worker thread of its own until the connection
// closes, idle keep-alive time included. A new connection finding every thread taken waits up
// to the keep-alive timeout while request_uris and codes (1 s lifetimes) age. Up to two
// connections (a pooled one and a fresh mutual-TLS one) for each of the 64 cases `parity run
// --jobs` allows at once; threads start only as connections need them (OnDemandPool).
constexpr std::size_t k_worker_threads = 128;
// httplib 0.11.4 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into Debian's
// shared library). A burst of simultaneous connections overflows it, the kernel drops their
// SYNs and the clients retry only a second later: the bound socket is put into
// listen() again with this backlog (the kernel caps it at net.core.somaxconn).
constexpr int k_listen_backlog = 1024;
constexpr const char* k_host = "127.0.0.1";

// Reads the whole body; nullopt when it could not be read (httplib then set res.status,
// e.g. 413 when it exceeds the payload limit).
std::optional<std::string> read_body(const httplib::ContentReader& reader) {
  std::string body;
  const bool complete = reader([&](const char* data, std::size_t length) {
    body.append(data, length);
    return true;
  });
  if (!complete) {
    return std::nullopt;
  }
  return body;
}

// RFC 9126 §2.3: 413 for a body above the limit, otherwise 400.
void send_unreadable_body(httplib::Response& res) {
  const bool too_large = res.status == 413;
  send_error(res,
             OAuthError{too_large ? 413 : 400,
                        "invalid_request",
                        too_large ? "request body too large" : "request body could not be read",
                        {}});
}

// A JSON body for the errors httplib answers by itself (no route, oversized or malformed).
void send_httplib_error(httplib::Response& res) {
  switch (res.status) {
    case 404:
      return send_error(res, OAuthError{404, "not_found", "no such endpoint", {}});
    case 413:
      return send_error(res, OAuthError{413, "invalid_request", "request body too large", {}});
    default:
      send_error(res, OAuthError{res.status, "invalid_request", "malformed HTTP request", {}});
  }
}

// httplib routes are regular expressions: an emulated path is matched literally.
std::string literal_route(const std::string& path) {
  std::string pattern;
  for (const char c : path) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) {
      pattern += '\\';
    }
    pattern += c;
  }
  return pattern;
}

void route_form_post(httplib::Server& server,
                     const std::string& path,
                     ServerContext& ctx,
                     void (*handler)(ServerContext&,
                                     const httplib::Request&,
                                     const std::string&,
                                     httplib::Response&)) {
  // A content reader keeps httplib from parsing (and size-limiting) the form itself.
  server.Post(path,
              [&ctx, handler](const httplib::Request& req,
                              httplib::Response& res,
                              const httplib::ContentReader& reader) {
                if (const auto body = read_body(reader)) {
                  handler(ctx, req, *body, res);  // handle_par applies an emulated size limit
                } else {
                  send_unreadable_body(res);
                }
              });
  const auto not_allowed = [&ctx, handler, path](const httplib::Request& req,
                                                 httplib::Response& res) {
    if (path == literal_route(ctx.config.emulation.par_path) &&
        ctx.has_fault("accept_non_post_push")) {
      // The bug: any method is a push; GET takes its parameters from the query.
      const std::string body = req.method == "GET" ? std::string(query_of(req.target)) : req.body;
      return handler(ctx, req, body, res);
    }
    send_method_not_allowed(res, "POST");
  };
  server.Get(path, not_allowed);
  server.Put(path, not_allowed);
  server.Patch(path, not_allowed);
  server.Delete(path, not_allowed);
  server.Options(path, not_allowed);
}

void install_routes(httplib::Server& server, ServerContext& ctx) {
  const Emulation& emulation = ctx.config.emulation;
  route_form_post(server, literal_route(emulation.par_path), ctx, handle_par);
  route_form_post(server, literal_route(emulation.token_path), ctx, handle_token);
  const std::string authorize = literal_route(emulation.authorization_path);
  server.Get(authorize, [&ctx](const httplib::Request& req, httplib::Response& res) {
    handle_authorize(ctx, req, res);
  });
  server.Post(authorize, [](const httplib::Request&, httplib::Response& res) {
    send_method_not_allowed(res, "GET");
  });
  const auto metadata = [&ctx](const httplib::Request&, httplib::Response& res) {
    res.set_content(metadata_document(ctx).dump(2), "application/json");
  };
  // RFC 8414 §3.1 inserts the well-known segment before an issuer's path; OIDC Discovery §4
  // appends it. Both forms are served (they coincide when the issuer has no path).
  const std::string issuer_path = literal_route(emulation.issuer_path);
  for (const std::string name : {"oauth-authorization-server", "openid-configuration"}) {
    server.Get("/\\.well-known/" + name + issuer_path, metadata);
    if (!issuer_path.empty()) {
      server.Get(issuer_path + "/\\.well-known/" + name, metadata);
    }
  }
}

// httplib's stop() is a no-op until the listen loop runs; wait for it so stop() always works.
void wait_until_listening(const httplib::Server& server) {
  for (int attempt = 0; attempt < 5000 && !server.is_running(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// `listening` receives the listening socket when httplib creates it (see k_listen_backlog).
void configure(httplib::Server& server, const Emulation& emulation, socket_t& listening) {
  // httplib's default adds SO_REUSEPORT, which would let a second server share a busy port.
  server.set_socket_options([&listening](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    listening = sock;
  });
  server.new_task_queue = [] {
    return new OnDemandPool(k_worker_threads);
  };
  server.set_read_timeout(k_io_timeout_seconds);
  server.set_write_timeout(k_io_timeout_seconds);
  // An emulated push limit above the general one must be reachable to be enforced.
  server.set_payload_max_length(std::max(k_max_body_bytes, emulation.max_push_bytes + 1));
  // Idle keep-alive connections hold stop() until they time out: keep that short.
  server.set_keep_alive_timeout(k_keep_alive_seconds);
  // httplib closes a connection after 5 requests by default: each new one costs a TLS handshake,
  // most of a run's CPU time.
  server.set_keep_alive_max_count(k_keep_alive_requests);
  // Small responses written in two parts must not wait for a delayed ACK (Nagle).
  server.set_tcp_nodelay(true);
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, OAuthError{500, "server_error", "internal error", {}});
      });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        send_httplib_error(res);
        return httplib::Server::HandlerResponse::Handled;
      }));
}

}  // namespace

struct ReferenceServer::Impl {
  explicit Impl(ServerConfig config) : context(std::move(config)) {}

  ServerContext context;
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
  std::mutex stop_mutex;  // serialises stop() calls
  std::mutex mutex;       // guards serving
  std::condition_variable stopped;
  bool serving = false;
  socket_t listening = INVALID_SOCKET;  // the server's listening socket, once bound
};

ReferenceServer::ReferenceServer(ServerConfig config)
    : m_impl(std::make_unique<Impl>(std::move(config))) {}

ReferenceServer::~ReferenceServer() {
  stop();
}

int ReferenceServer::start(int port) {
  if (m_impl->server) {
    throw std::logic_error("the reference server was already started");
  }
  auto server = make_http_server(m_impl->context.config.tls);
  configure(*server, m_impl->context.config.emulation, m_impl->listening);
  install_routes(*server, m_impl->context);
  const int bound = port == 0 ? server->bind_to_any_port(k_host)
                              : (server->bind_to_port(k_host, port) ? port : -1);
  if (bound <= 0) {
    throw std::runtime_error("cannot bind " + std::string(k_host) + ":" + std::to_string(port));
  }
  if (::listen(m_impl->listening, k_listen_backlog) != 0) {
    throw std::runtime_error("cannot listen on " + std::string(k_host) + ":" +
                             std::to_string(bound));
  }
  m_impl->context.origin = std::string(url_scheme(m_impl->context.config.tls)) + "://" +
                           std::string(k_host) + ":" + std::to_string(bound);
  m_impl->context.issuer = m_impl->context.origin + m_impl->context.config.emulation.issuer_path;
  m_impl->server = std::move(server);
  m_impl->serving = true;
  m_impl->thread = std::thread([impl = m_impl.get()] {
    impl->server->listen_after_bind();
    std::lock_guard lock(impl->mutex);
    impl->serving = false;
    impl->stopped.notify_all();
  });
  wait_until_listening(*m_impl->server);
  return bound;
}

void ReferenceServer::stop() {
  std::lock_guard lock(m_impl->stop_mutex);
  if (!m_impl->server) {
    return;
  }
  m_impl->server->stop();
  if (m_impl->thread.joinable() && m_impl->thread.get_id() != std::this_thread::get_id()) {
    m_impl->thread.join();
  }
}

void ReferenceServer::wait() {
  std::unique_lock lock(m_impl->mutex);
  m_impl->stopped.wait(lock, [this] { return !m_impl->serving; });
}

std::string ReferenceServer::base_url() const {
  return m_impl->context.issuer;
}

Endpoints ReferenceServer::endpoints() const {
  const ServerContext& ctx = m_impl->context;
  return Endpoints{ctx.authorization_endpoint(), ctx.token_endpoint(), ctx.par_endpoint()};
}

}  // namespace parity::server
