#pragma once

#include "core/http_message.hpp"

#include <nlohmann/json.hpp>

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace parity::run::test_support {

/// A scripted HttpClient for tests: records every request and answers with queued
/// exchanges first (FIFO), then with the route matching method and URL (query ignored);
/// anything else gets the transport error "no scripted response for METHOD URL".
class FakeHttpClient final : public http::HttpClient {
 public:
  using Handler = std::function<http::Response(const http::Request&)>;

  /// The next unanswered request gets `response`.
  void queue(http::Response response);
  /// The next unanswered request fails with `error` (no response).
  void queue_transport_error(std::string error);
  /// Requests for `method` `url` (without query) are answered by `handler`.
  void route(std::string method, std::string url, Handler handler);

  http::Exchange send(const http::Request& request) override;

  /// Every request sent so far, in order.
  std::vector<http::Request> requests() const;

 private:
  struct Route {
    std::string method;
    std::string url;
    Handler handler;
  };

  mutable std::mutex m_mutex;
  std::deque<http::Exchange> m_queue;
  std::vector<Route> m_routes;
  std::vector<http::Request> m_requests;
};

/// A response with a JSON body and Content-Type application/json.
http::Response json_response(int status, const nlohmann::json& body);

/// A redirect (status 302) to `location`.
http::Response redirect_response(const std::string& location);

}  // namespace parity::run::test_support
