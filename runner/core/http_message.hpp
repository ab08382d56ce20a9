#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The HTTP message types (namespace http, as their senders in http/ use them): they live in
// core because every result records its exchanges (core/result.hpp).
namespace parity::http {

/// Header list in wire order; names keep their case, lookups ignore it.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// Returns the first value of header `name` (case-insensitive), if any.
std::optional<std::string> find_header(const Headers& headers, std::string_view name);

/// The TLS client certificate one request presents (RFC 8705 §2), held in memory.
struct TlsIdentity {
  std::string certificate_pem;  ///< empty: present no certificate at all
  std::string private_key_pem;  ///< secret: never reported
  /// What reports show instead, e.g. "CN=parity-mtls,O=parity test fixtures (client.pem)".
  std::string description;
};

/// What a recorded excerpt (http/excerpt.hpp) left out of a body or a header set; all zero
/// when it kept everything.
struct Cut {
  bool truncated = false;
  std::size_t original_bytes = 0;  ///< size before the cut (headers: "Name: value" lines)
  std::size_t original_count = 0;  ///< headers only: how many there were
};

/// What is sent.
struct Request {
  std::string method = "GET";
  std::string url;
  Headers headers;
  std::string body;
  /// Set: this request's TLS client certificate (or none), instead of ClientOptions'; it then
  /// goes on a new connection of its own, never reused and without TLS session resumption,
  /// so that no other request is sent under this certificate or this one under another.
  std::optional<TlsIdentity> tls_identity{};
  /// Set: this request's own time limit, when shorter than ClientOptions::timeout_ms (what is
  /// left of the case's deadline).
  std::optional<long> timeout_ms{};
  Cut body_cut{};     ///< recorded exchanges only
  Cut headers_cut{};  ///< recorded exchanges only
};

/// What came back (status 0 when nothing did). A response whose body was over the size cap
/// keeps its status, headers and the body received until then (the Exchange's
/// transport_error says why it stopped).
struct Response {
  int status = 0;
  Headers headers;
  std::string body;
  Cut body_cut{};     ///< recorded exchanges only
  Cut headers_cut{};  ///< recorded exchanges only
};

/// One request and what happened to it. `transport_error` is non-empty when no complete
/// HTTP response was received (connection refused, timeout, TLS failure, response too large).
struct Exchange {
  Request request;
  Response response;
  std::string transport_error;
  std::int64_t elapsed_ms = 0;
};

/// Options shared by every request to one provider.
struct ClientOptions {
  long timeout_ms = 10000;
  std::size_t max_response_bytes = 1 << 20;
  bool verify_tls = true;
  std::string ca_file;
  std::string client_cert;
  std::string client_key;
};

/// The network seam: sends one request and never follows redirects.
class HttpClient {
 public:
  HttpClient() = default;
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;
  HttpClient(HttpClient&&) = delete;
  HttpClient& operator=(HttpClient&&) = delete;
  virtual ~HttpClient() = default;

  /// Sends `request`; never throws for network or HTTP problems (they go in the Exchange).
  virtual Exchange send(const Request& request) = 0;
};

}  // namespace parity::http
