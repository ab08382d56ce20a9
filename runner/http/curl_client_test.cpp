#include "http/curl_client.hpp"

#include "http/test_server.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <string>

namespace parity::http {
namespace {

using test_support::CannedServer;
using test_support::LoopbackServer;

constexpr std::size_t k_cap = 1000;

std::string hex(const std::string& bytes) {
  constexpr std::string_view k_digits = "0123456789abcdef";
  std::string out;
  for (const char c : bytes) {
    out += k_digits[static_cast<unsigned char>(c) >> 4];
    out += k_digits[static_cast<unsigned char>(c) & 0xF];
  }
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return text;
}

// Answers with what arrived: method, headers in order (minus httplib's pseudo-headers), body.
void echo(const httplib::Request& request, httplib::Response& response) {
  nlohmann::json headers = nlohmann::json::array();
  for (const auto& [name, value] : request.headers) {
    if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" &&
        name != "LOCAL_PORT") {
      headers.push_back({name, value});
    }
  }
  const nlohmann::json body = {
      {"method", request.method}, {"headers", headers}, {"body_hex", hex(request.body)}};
  response.set_content(body.dump(), "application/json");
}

class CurlClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& routes = m_server.routes();
    routes.Get("/echo", echo).Post("/echo", echo).Put("/echo", echo).Delete("/echo", echo);
    routes.Patch("/echo", echo);
    routes.Get("/redirect", [](const httplib::Request&, httplib::Response& response) {
      response.status = 302;
      response.set_header("Location", "/echo");
      response.set_content("moved", "text/plain");
    });
    routes.Get("/large", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(4 * k_cap, 'x'), "text/plain");
    });
    routes.Get("/exact", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(k_cap, 'x'), "text/plain");
    });
    routes.Get("/large-chunked", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("text/plain", [](std::size_t offset, auto& sink) {
        if (offset >= 8 * k_cap) {
          sink.done();
        } else {
          sink.write(std::string(k_cap / 4, 'y').data(), k_cap / 4);
        }
        return true;
      });
    });
    routes.Get("/slow", [this](const httplib::Request&, httplib::Response& response) {
      const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (!m_stopping && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      response.set_content("late", "text/plain");
    });
    routes.Get("/dup", [](const httplib::Request&, httplib::Response& response) {
      response.set_header("X-Dup", "first");
      response.set_header("X-Dup", "second");
      response.set_header("X-Single", "only");
      response.set_content("ok", "text/plain");
    });
    ASSERT_TRUE(m_server.start());
  }
  void TearDown() override {
    m_stopping = true;
    m_server.stop();
  }

  std::string url(const std::string& path) const { return m_server.url("http", path); }

  static Exchange send(const Request& request, long timeout_ms = 5000) {
    ClientOptions options;
    options.timeout_ms = timeout_ms;
    options.max_response_bytes = k_cap;
    CurlClient client(options);
    return client.send(request);
  }

  static nlohmann::json echoed(const Exchange& exchange) {
    EXPECT_EQ(exchange.transport_error, "");
    EXPECT_EQ(exchange.response.status, 200);
    return nlohmann::json::parse(exchange.response.body);
  }

  static std::optional<std::string> echoed_header(const nlohmann::json& echo,
                                                  const std::string& name) {
    for (const auto& header : echo["headers"]) {
      if (lower(header[0].get<std::string>()) == lower(name)) {
        return header[1].get<std::string>();
      }
    }
    return std::nullopt;
  }

  std::atomic<bool> m_stopping{false};
  LoopbackServer m_server{std::make_unique<httplib::Server>()};
};

TEST_F(CurlClientTest, PostSendsExactlyTheGivenHeadersAndBody) {
  const Exchange exchange =
      send({"POST",
            url("/echo"),
            {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Test", "yes"}},
            "a=1&b=%20+"});
  const nlohmann::json echo = echoed(exchange);
  EXPECT_EQ(echo["method"], "POST");
  EXPECT_EQ(echo["body_hex"], hex("a=1&b=%20+"));
  EXPECT_EQ(echoed_header(echo, "Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(echoed_header(echo, "X-Test"), "yes");
  EXPECT_EQ(echoed_header(echo, "Expect"), std::nullopt);
  EXPECT_EQ(echoed_header(echo, "Accept-Encoding"), std::nullopt);
  EXPECT_EQ(find_header(exchange.response.headers, "content-type"), "application/json");
}

TEST_F(CurlClientTest, RecordsRequestAsSent) {
  const Exchange exchange =
      send({"POST", url("/echo"), {{"Content-Type", "text/plain"}, {"X-Test", "yes"}}, "hello"});
  EXPECT_EQ(exchange.request.method, "POST");
  EXPECT_EQ(exchange.request.url, url("/echo"));
  EXPECT_EQ(exchange.request.body, "hello");
  EXPECT_EQ(find_header(exchange.request.headers, "X-Test"), "yes");
  EXPECT_EQ(find_header(exchange.request.headers, "Content-Type"), "text/plain");
  EXPECT_EQ(find_header(exchange.request.headers, "Content-Length"), "5");
  EXPECT_TRUE(find_header(exchange.request.headers, "Host"));
  EXPECT_EQ(find_header(exchange.request.headers, "Expect"), std::nullopt);
  EXPECT_GE(exchange.elapsed_ms, 0);
}

TEST_F(CurlClientTest, PostWithoutContentTypeGetsNone) {
  const Exchange exchange = send({"POST", url("/echo"), {}, "raw"});
  const nlohmann::json echo = echoed(exchange);
  EXPECT_EQ(echoed_header(echo, "Content-Type"), std::nullopt);
  EXPECT_EQ(find_header(exchange.request.headers, "Content-Type"), std::nullopt);
  EXPECT_EQ(echo["body_hex"], hex("raw"));
}

TEST_F(CurlClientTest, BodiesAreBinarySafe) {
  const std::string body("a\0b\xff\r\n\0", 7);
  const nlohmann::json echo =
      echoed(send({"PUT", url("/echo"), {{"Content-Type", "application/octet-stream"}}, body}));
  EXPECT_EQ(echo["method"], "PUT");
  EXPECT_EQ(echo["body_hex"], hex(body));
}

TEST_F(CurlClientTest, OtherMethodsUseCustomRequest) {
  EXPECT_EQ(echoed(send({"DELETE", url("/echo"), {}, ""}))["method"], "DELETE");
  const nlohmann::json patch = echoed(send({"PATCH", url("/echo"), {}, "p=1"}));
  EXPECT_EQ(patch["method"], "PATCH");
  EXPECT_EQ(patch["body_hex"], hex("p=1"));
  const nlohmann::json get = echoed(send({"GET", url("/echo"), {}, ""}));
  EXPECT_EQ(get["method"], "GET");
  EXPECT_EQ(get["body_hex"], "");
}

TEST_F(CurlClientTest, RedirectIsNotFollowed) {
  const Exchange exchange = send({"GET", url("/redirect"), {}, ""});
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.status, 302);
  EXPECT_EQ(find_header(exchange.response.headers, "Location"), "/echo");
  EXPECT_EQ(exchange.response.body, "moved");
}

// Over the cap: a transport error, yet the status line and headers of what the server
// answered are kept (a 500 must not read as status 0), with the body received until then.
TEST_F(CurlClientTest, OversizedBodyIsTransportErrorKeepingStatusAndHeaders) {
  for (const char* path : {"/large", "/large-chunked"}) {
    const Exchange exchange = send({"GET", url(path), {}, ""});
    EXPECT_EQ(exchange.transport_error, "response body larger than 1000 bytes (the status was 200)")
        << path;
    EXPECT_EQ(exchange.response.status, 200) << path;
    EXPECT_FALSE(exchange.response.headers.empty()) << path;
    EXPECT_LE(exchange.response.body.size(), 1000U) << path;
  }
}

TEST_F(CurlClientTest, BodyAtTheCapIsAccepted) {
  const Exchange exchange = send({"GET", url("/exact"), {}, ""});
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.body.size(), k_cap);
}

TEST_F(CurlClientTest, TimeoutIsTransportErrorAndReturnsPromptly) {
  const auto start = std::chrono::steady_clock::now();
  const Exchange exchange = send({"GET", url("/slow"), {}, ""}, 300);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_NE(lower(exchange.transport_error).find("timeout"), std::string::npos)
      << exchange.transport_error;
  EXPECT_EQ(exchange.response.status, 0);
  EXPECT_GE(exchange.elapsed_ms, 250);
  EXPECT_LT(waited, std::chrono::milliseconds(2000));
}

TEST_F(CurlClientTest, DuplicateResponseHeadersKeptInOrder) {
  const Exchange exchange = send({"GET", url("/dup"), {}, ""});
  Headers dups;
  for (const auto& header : exchange.response.headers) {
    if (header.first == "X-Dup") {
      dups.push_back(header);
    }
  }
  EXPECT_EQ(dups, (Headers{{"X-Dup", "first"}, {"X-Dup", "second"}}));
  EXPECT_EQ(find_header(exchange.response.headers, "x-single"), "only");
}

TEST_F(CurlClientTest, ClientIsReusable) {
  ClientOptions options;
  CurlClient client(options);
  EXPECT_EQ(client.send({"POST", url("/echo"), {}, "one"}).response.status, 200);
  const Exchange second = client.send({"GET", url("/redirect"), {}, ""});
  EXPECT_EQ(second.response.status, 302);
  EXPECT_EQ(find_header(second.request.headers, "Content-Length"), std::nullopt);
}

TEST(CurlClientErrorsTest, ConnectionRefusedIsTransportError) {
  CurlClient client(ClientOptions{});
  const Exchange exchange = client.send(
      {"GET", "http://127.0.0.1:" + std::to_string(test_support::unused_port()) + "/", {}, ""});
  EXPECT_NE(exchange.transport_error.find("Couldn't connect to server"), std::string::npos)
      << exchange.transport_error;
  EXPECT_EQ(exchange.response.status, 0);
}

TEST(CurlClientErrorsTest, UnsupportedUrlIsTransportError) {
  CurlClient client(ClientOptions{});
  EXPECT_NE(client.send({"GET", "file:///etc/passwd", {}, ""}).transport_error, "");
  EXPECT_NE(client.send({"GET", "not a url", {}, ""}).transport_error, "");
}

TEST(CurlClientRawTest, KeepsOnlyTheFinalHeaderBlock) {
  const CannedServer server(
      "HTTP/1.1 103 Early Hints\r\nLink: </style.css>\r\n\r\n"
      "HTTP/1.1 200 OK\r\nX-Final: 1\r\nX-Folded: part one\r\n  part two\r\n"
      "Content-Length: 2\r\nConnection: close\r\n\r\nok");
  CurlClient client(ClientOptions{});
  const Exchange exchange = client.send({"GET", server.url(), {}, ""});
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.status, 200);
  EXPECT_EQ(exchange.response.headers,
            (Headers{{"X-Final", "1"},
                     {"X-Folded", "part one part two"},
                     {"Content-Length", "2"},
                     {"Connection", "close"}}));
  EXPECT_EQ(exchange.response.body, "ok");
}

TEST(CurlClientRawTest, SendsHeadersOnTheWireAsGiven) {
  CannedServer server("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
  CurlClient client(ClientOptions{});
  const Exchange exchange = client.send(
      {"GET", server.url() + "path?q=1", {{"X-Empty", ""}, {"Accept", "application/json"}}, ""});
  EXPECT_EQ(exchange.response.status, 204);
  const std::string wire = server.received();
  EXPECT_EQ(wire.rfind("GET /path?q=1 HTTP/1.1\r\n", 0), 0U) << wire;
  EXPECT_NE(wire.find("\r\nX-Empty:\r\n"), std::string::npos) << wire;
  EXPECT_NE(wire.find("\r\nAccept: application/json\r\n"), std::string::npos) << wire;
  EXPECT_EQ(wire.find("*/*"), std::string::npos) << wire;
  EXPECT_EQ(find_header(exchange.request.headers, "X-Empty"), "");
}

TEST(CurlClientRawTest, GzipBodyIsNotDecoded) {
  const std::string gzip_bytes("\x1f\x8b\x08\x00", 4);
  const CannedServer server(
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n"
      "Connection: close\r\n\r\n" +
      gzip_bytes);
  CurlClient client(ClientOptions{});
  const Exchange exchange = client.send({"GET", server.url(), {}, ""});
  EXPECT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.body, gzip_bytes);
}

}  // namespace
}  // namespace parity::http

namespace parity::http {
namespace {

// Regression (runner/hostile): header lines counted against the cap, so a server sending
// headers without end cannot grow memory until the timeout.
TEST(CurlClientRawTest, OversizedHeadersAreTransportError) {
  std::string many;
  for (int i = 0; i < 200; ++i) {
    many += "X-Many-" + std::to_string(i) + ": value\r\n";
  }
  const CannedServer server("HTTP/1.1 200 OK\r\n" + many + "Content-Length: 2\r\n\r\nok");
  ClientOptions options;
  options.max_response_bytes = 1000;
  CurlClient client(options);
  const Exchange exchange = client.send({"GET", server.url(), {}, ""});
  EXPECT_EQ(exchange.transport_error,
            "response headers larger than 1000 bytes (the status was 200)");
  EXPECT_EQ(exchange.response.status, 200);  // the status line arrived; the headers were cut
  EXPECT_LE(exchange.response.headers.size(), 200U);
}

}  // namespace
}  // namespace parity::http
