#include "run/test_http_client.hpp"

#include <algorithm>

namespace parity::run::test_support {

void FakeHttpClient::queue(http::Response response) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  http::Exchange exchange;
  exchange.response = std::move(response);
  m_queue.push_back(std::move(exchange));
}

void FakeHttpClient::queue_transport_error(std::string error) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  http::Exchange exchange;
  exchange.transport_error = std::move(error);
  m_queue.push_back(std::move(exchange));
}

void FakeHttpClient::route(std::string method, std::string url, Handler handler) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_routes.push_back({std::move(method), std::move(url), std::move(handler)});
}

http::Exchange FakeHttpClient::send(const http::Request& request) {
  Handler handler;
  http::Exchange exchange;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_requests.push_back(request);
    if (!m_queue.empty()) {
      exchange = std::move(m_queue.front());
      m_queue.pop_front();
      exchange.request = request;
      return exchange;
    }
    const std::string base = request.url.substr(0, request.url.find('?'));
    const auto found = std::find_if(m_routes.begin(), m_routes.end(), [&](const Route& route) {
      return route.method == request.method && route.url == base;
    });
    if (found != m_routes.end()) {
      handler = found->handler;
    }
  }
  exchange.request = request;
  if (handler) {
    exchange.response = handler(request);  // outside the lock: handlers may block
  } else {
    exchange.transport_error = "no scripted response for " + request.method + " " + request.url;
  }
  return exchange;
}

std::vector<http::Request> FakeHttpClient::requests() const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  return m_requests;
}

http::Response json_response(int status, const nlohmann::json& body) {
  http::Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", "application/json");
  response.body = body.dump();
  return response;
}

http::Response redirect_response(const std::string& location) {
  http::Response response;
  response.status = 302;
  response.headers.emplace_back("Location", location);
  return response;
}

}  // namespace parity::run::test_support
