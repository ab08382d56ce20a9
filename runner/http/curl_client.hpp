#pragma once

#include "core/http_message.hpp"

#include <memory>

namespace parity::http {

/// HttpClient over libcurl: never follows redirects, enforces the timeout and the response
/// size cap, verifies TLS unless told not to, supports a CA file and an mTLS client
/// certificate. One instance per thread (it owns a curl easy handle). The Exchange records
/// the request headers as curl sent them (including Host, Accept, Content-Length); curl adds
/// no Content-Type or Expect of its own. On a transport error the response stays empty,
/// except when the answer was over the size cap: then it keeps the status, the headers and
/// the body received so far. A request's own `timeout_ms` shortens the client's timeout.
class CurlClient final : public HttpClient {
 public:
  explicit CurlClient(ClientOptions options);
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;
  CurlClient(CurlClient&&) = delete;
  CurlClient& operator=(CurlClient&&) = delete;
  ~CurlClient() override;

  Exchange send(const Request& request) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace parity::http
