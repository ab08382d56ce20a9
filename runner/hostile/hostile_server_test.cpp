#include "hostile/hostile_server.hpp"

#include "hostile/behaviours.hpp"
#include "hostile/bombs.hpp"
#include "http/curl_client.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <array>
#include <chrono>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <unistd.h>
#include <zlib.h>

namespace parity::hostile {
namespace {

using Clock = std::chrono::steady_clock;

http::Exchange post(const std::string& url, long timeout_ms = 3000) {
  http::ClientOptions options;
  options.timeout_ms = timeout_ms;
  http::CurlClient client(options);
  http::Request request;
  request.method = "POST";
  request.url = url;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = "client_id=c&state=s";
  return client.send(request);
}

std::size_t gunzip_size(const std::string& compressed) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::array<char, 1 << 16> buffer{};
  std::size_t total = 0;
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    stream.avail_out = static_cast<uInt>(buffer.size());
    result = inflate(&stream, Z_NO_FLUSH);
    total += buffer.size() - stream.avail_out;
  }
  EXPECT_EQ(result, Z_STREAM_END);
  inflateEnd(&stream);
  return total;
}

TEST(HostileServerTest, AnswersTheControlPathAndRecordsTheRequest) {
  HostileServer server;
  const http::Exchange exchange = post(server.base_url() + "/ok?x=1");
  ASSERT_EQ(exchange.transport_error, "");
  EXPECT_EQ(exchange.response.status, 201);
  EXPECT_NE(exchange.response.body.find("urn:hostile:ok"), std::string::npos);
  const std::vector<ReceivedRequest> received = server.received();
  ASSERT_EQ(received.size(), 1U);
  EXPECT_EQ(received[0].method, "POST");
  EXPECT_EQ(received[0].path, "/ok");
  EXPECT_EQ(received[0].body, "client_id=c&state=s");
  EXPECT_EQ(received[0].head.rfind("POST /ok?x=1 HTTP/1.1\r\n", 0), 0U) << received[0].head;
}

TEST(HostileServerTest, UnknownPathsAreNotFound) {
  HostileServer server;
  EXPECT_EQ(post(server.base_url() + "/no-such-behaviour").response.status, 404);
}

TEST(HostileServerTest, EchoesTheRequestAndItsCredentialHeaders) {
  HostileServer server;
  http::ClientOptions options;
  http::CurlClient client(options);
  http::Request request;
  request.method = "POST";
  request.url = server.base_url() + "/echo";
  request.headers = {{"Authorization", "Basic c2VjcmV0"}, {"DPoP", "proof.jwt.value"}};
  request.body = "client_secret=s3cr3t";
  const http::Exchange exchange = client.send(request);
  EXPECT_EQ(exchange.response.status, 400);
  EXPECT_EQ(http::find_header(exchange.response.headers, "X-Echo-Authorization"), "Basic c2VjcmV0");
  EXPECT_EQ(http::find_header(exchange.response.headers, "X-Echo-DPoP"), "proof.jwt.value");
  EXPECT_NE(exchange.response.body.find("client_secret=s3cr3t"), std::string::npos);
}

TEST(HostileServerTest, StopsPromptlyWhileAConnectionWaitsForever) {
  auto server = std::make_unique<HostileServer>();
  http::Exchange exchange;
  std::thread client([&, url = server->base_url() + "/never"] { exchange = post(url, 20000); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const Clock::time_point start = Clock::now();
  server.reset();
  client.join();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
  EXPECT_NE(exchange.transport_error, "");
}

TEST(HostileServerTest, GzipBombInflatesFarBeyondItsSize) {
  const std::size_t padding = 32 * 1024 * 1024;
  const std::string bomb = gzip_bomb(padding);
  EXPECT_LT(bomb.size(), bomb_inflated_size(padding) / 500);
  EXPECT_EQ(gunzip_size(bomb), bomb_inflated_size(padding));
}

TEST(HostileServerTest, BrotliBombIsTiny) {
  const std::size_t padding = 32 * 1024 * 1024;
  const std::string bomb = brotli_bomb(padding);
  EXPECT_GT(bomb.size(), 0U);
  EXPECT_LT(bomb.size(), bomb_inflated_size(padding) / 1000);
}

// The raw bytes a behaviour writes for one request (read until close or a 2 s silence).
std::string raw_response(const HostileServer& server, const std::string& path) {
  const std::string url = server.base_url();
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(url.substr(url.rfind(':') + 1))));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  const timeval timeout{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  EXPECT_EQ(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  const std::string request = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
  EXPECT_EQ(::send(fd, request.data(), request.size(), 0), static_cast<ssize_t>(request.size()));
  std::string received;
  std::array<char, 256> buffer{};
  for (ssize_t n = 0; (n = ::recv(fd, buffer.data(), buffer.size(), 0)) > 0;) {
    received.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return received;
}

// Regression: not_http once sent 42 bytes of a 34-byte literal, reading past its end
// (AddressSanitizer, runner/scripts/sanitize.sh).
TEST(HostileServerTest, NotHttpSendsExactlyItsBytes) {
  const HostileServer server;
  const std::string received = raw_response(server, "/not-http");
  ASSERT_EQ(received.size(), 34U);
  EXPECT_EQ(received.substr(0, 5), std::string("\x16\x03\x01\x00\xa5", 5));
  EXPECT_EQ(received[12], '\0');
  EXPECT_EQ(received.substr(30), "\r\n\r\n");
}

TEST(HostileServerTest, ListsEveryBehaviourOnce) {
  std::set<std::string> paths;
  for (const Behaviour& behaviour : behaviours()) {
    EXPECT_TRUE(paths.insert(behaviour.path).second) << behaviour.path;
    EXPECT_FALSE(behaviour.description.empty());
  }
  EXPECT_GE(paths.size(), 20U);
}

}  // namespace
}  // namespace parity::hostile
