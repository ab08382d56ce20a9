#include "http/excerpt.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::http {
namespace {

Exchange with_response(std::string body, Headers headers) {
  Exchange exchange;
  exchange.request.method = "POST";
  exchange.request.url = "https://as.example/par";
  exchange.request.body = "client_id=x";
  exchange.response.status = 500;
  exchange.response.headers = std::move(headers);
  exchange.response.body = std::move(body);
  return exchange;
}

TEST(ExcerptTest, SmallExchangesAreKeptWhole) {
  const Exchange exchange = with_response("{}", {{"Content-Type", "application/json"}});
  const Exchange kept = excerpt(exchange, 1024);
  EXPECT_EQ(kept.response.body, "{}");
  EXPECT_EQ(kept.response.headers, exchange.response.headers);
  EXPECT_FALSE(kept.response.body_cut.truncated);
  EXPECT_FALSE(kept.response.headers_cut.truncated);
  EXPECT_EQ(kept.request.body, "client_id=x");
}

TEST(ExcerptTest, ALargeBodyKeepsItsStartAndItsSize) {
  const Exchange kept = excerpt(with_response(std::string(1 << 20, '<'), {}), 1024);
  EXPECT_EQ(kept.response.body, std::string(1024, '<'));
  EXPECT_TRUE(kept.response.body_cut.truncated);
  EXPECT_EQ(kept.response.body_cut.original_bytes, std::size_t{1} << 20);
  EXPECT_EQ(kept.response.status, 500);
}

TEST(ExcerptTest, HostileBytesCountAsTheirEscapedSize) {
  // Each ESC shows as "\x1b": four bytes in a report.
  const Exchange kept = excerpt(with_response(std::string(4096, '\x1b'), {}), 1024);
  EXPECT_EQ(kept.response.body.size(), 256U);
}

TEST(ExcerptTest, ManyHeadersAreCutAndCounted) {
  Headers many;
  for (int i = 0; i < 10000; ++i) {
    many.emplace_back("X-" + std::to_string(i), "v");
  }
  const Exchange kept = excerpt(with_response("", many), 1024);
  EXPECT_TRUE(kept.response.headers_cut.truncated);
  EXPECT_EQ(kept.response.headers_cut.original_count, 10000U);
  EXPECT_LE(kept.response.headers.size(), 1024U / k_header_excerpt_overhead);
  EXPECT_EQ(kept.response.headers.front().first, "X-0");
}

TEST(ExcerptTest, OneHugeHeaderDoesNotHideTheOthers) {
  const Exchange kept = excerpt(
      with_response("", {{"Set-Cookie", std::string(100000, 'c')}, {"Content-Type", "text/html"}}),
      4096);
  ASSERT_EQ(kept.response.headers.size(), 2U);
  EXPECT_EQ(kept.response.headers[0].second, std::string(512, 'c') + "…");
  EXPECT_EQ(kept.response.headers[1].second, "text/html");
  EXPECT_TRUE(kept.response.headers_cut.truncated);
  EXPECT_EQ(kept.response.headers_cut.original_count, 2U);
}

}  // namespace
}  // namespace parity::http
