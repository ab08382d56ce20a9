#include "run/client_factory.hpp"

#include <exception>
#include <string>
#include <utility>

namespace parity::run {
namespace {

class MissingClient final : public http::HttpClient {
 public:
  explicit MissingClient(std::string reason) : m_reason(std::move(reason)) {}
  http::Exchange send(const http::Request& request) override {
    http::Exchange exchange;
    exchange.request = request;
    exchange.transport_error = "cannot create an HTTP client: " + m_reason;
    return exchange;
  }

 private:
  std::string m_reason;
};

}  // namespace

std::unique_ptr<http::HttpClient> make_client_or_stand_in(const HttpClientFactory& make_client) {
  try {
    std::unique_ptr<http::HttpClient> client = make_client();
    if (client) {
      return client;
    }
    return std::make_unique<MissingClient>("the factory returned none");
  } catch (const std::exception& error) {
    return std::make_unique<MissingClient>(error.what());
  }
}

}  // namespace parity::run
