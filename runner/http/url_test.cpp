#include "http/url.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::http {
namespace {

TEST(UrlTest, PercentEncodeKeepsOnlyUnreserved) {
  EXPECT_EQ(percent_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percent_encode("a b+c/d?e=f&g%h"), "a%20b%2Bc%2Fd%3Fe%3Df%26g%25h");
  EXPECT_EQ(percent_encode("\xc3\xa9"), "%C3%A9");
  EXPECT_EQ(percent_encode(std::string("\0", 1)), "%00");
}

TEST(UrlTest, PercentDecodeHandlesPlusAndInvalidEscapes) {
  EXPECT_EQ(percent_decode("a%20b+c", false), "a b+c");
  EXPECT_EQ(percent_decode("a%20b+c", true), "a b c");
  EXPECT_EQ(percent_decode("%c3%A9", false), "\xc3\xa9");
  EXPECT_EQ(percent_decode("100%", false), "100%");
  EXPECT_EQ(percent_decode("%zz%4", false), "%zz%4");
  EXPECT_EQ(percent_decode("%00", false), std::string("\0", 1));
}

TEST(UrlTest, FormRoundTripKeepsOrderRepeatsAndSpecialCharacters) {
  const Params params = {{"scope", "openid profile"},
                         {"redirect_uri", "https://client.example/cb?x=1&y=2"},
                         {"scope", "email"},
                         {"a+b", "c=d%e"},
                         {"empty", ""},
                         {"unicode", "\xc3\xa9t\xc3\xa9"}};
  const std::string encoded = form_encode(params);
  EXPECT_EQ(encoded,
            "scope=openid+profile&redirect_uri=https%3A%2F%2Fclient.example%2Fcb%3Fx%3D1%26y%3D2&"
            "scope=email&a%2Bb=c%3Dd%25e&empty=&unicode=%C3%A9t%C3%A9");
  EXPECT_EQ(form_decode(encoded), params);
  EXPECT_EQ(find_param(params, "scope"), "openid profile");
  EXPECT_EQ(find_param(params, "missing"), std::nullopt);
  EXPECT_EQ(count_param(params, "scope"), 2);
  EXPECT_EQ(count_param(params, "empty"), 1);
  EXPECT_EQ(count_param(params, "nope"), 0);
}

TEST(UrlTest, FormDecodeToleratesLooseInput) {
  EXPECT_EQ(form_decode(""), Params{});
  EXPECT_EQ(form_decode("a&&b=1&"), (Params{{"a", ""}, {"b", "1"}}));
  EXPECT_EQ(form_decode("a=1=2"), (Params{{"a", "1=2"}}));
  EXPECT_EQ(form_decode("=x"), (Params{{"", "x"}}));
}

TEST(UrlTest, ParsesAbsoluteUrls) {
  const auto url = parse_url("HTTPS://as.example.com:8443/par/push?a=1&b=2#frag");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "as.example.com");
  EXPECT_EQ(url->port, "8443");
  EXPECT_EQ(url->path, "/par/push");
  EXPECT_EQ(url->query, "a=1&b=2");
  EXPECT_EQ(url->fragment, "frag");
  EXPECT_TRUE(url->has_fragment);
  EXPECT_EQ(url->base(), "https://as.example.com:8443/par/push");
}

TEST(UrlTest, ParsesMinimalUrlsAndEmptyFragment) {
  const auto bare = parse_url("http://localhost");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->path, "/");
  EXPECT_EQ(bare->port, "");
  EXPECT_FALSE(bare->has_fragment);
  EXPECT_EQ(bare->base(), "http://localhost/");

  const auto empty_fragment = parse_url("https://h/cb#");
  ASSERT_TRUE(empty_fragment);
  EXPECT_TRUE(empty_fragment->has_fragment);
  EXPECT_EQ(empty_fragment->fragment, "");

  const auto query_only = parse_url("https://h?x=1#y?z");
  ASSERT_TRUE(query_only);
  EXPECT_EQ(query_only->path, "/");
  EXPECT_EQ(query_only->query, "x=1");
  EXPECT_EQ(query_only->fragment, "y?z");

  const auto ipv6 = parse_url("http://[::1]:8080/x");
  ASSERT_TRUE(ipv6);
  EXPECT_EQ(ipv6->host, "[::1]");
  EXPECT_EQ(ipv6->port, "8080");
}

TEST(UrlTest, RejectsNonHttpOrMalformedUrls) {
  for (const char* text : {"",
                           "/relative",
                           "as.example.com/path",
                           "ftp://h/x",
                           "https:/h/x",
                           "https://",
                           "https://:443/",
                           "https://h:80a/",
                           "https://user@h/",
                           "https://[::1/"}) {
    EXPECT_FALSE(parse_url(text)) << text;
  }
}

TEST(UrlTest, AppendQueryUsesRightSeparatorAndKeepsFragment) {
  EXPECT_EQ(append_query("https://h/a", {{"x", "1 2"}}), "https://h/a?x=1+2");
  EXPECT_EQ(append_query("https://h/a?y=0", {{"x", "1"}, {"x", "2"}}), "https://h/a?y=0&x=1&x=2");
  EXPECT_EQ(append_query("https://h/a?", {{"x", "1"}}), "https://h/a?x=1");
  EXPECT_EQ(append_query("https://h/a#f", {{"x", "1"}}), "https://h/a?x=1#f");
  EXPECT_EQ(append_query("https://h/a", {}), "https://h/a");
}

TEST(UrlTest, ResolvesLocationForms) {
  const std::string base = "https://as.example:8443/oauth/par/push?q=1#frag";
  EXPECT_EQ(resolve_location(base, "https://other.example/x"), "https://other.example/x");
  EXPECT_EQ(resolve_location(base, "myapp:/cb?code=1"), "myapp:/cb?code=1");
  EXPECT_EQ(resolve_location(base, "//cdn.example/y"), "https://cdn.example/y");
  EXPECT_EQ(resolve_location(base, "/login?x=1"), "https://as.example:8443/login?x=1");
  EXPECT_EQ(resolve_location(base, "authorize"), "https://as.example:8443/oauth/par/authorize");
  EXPECT_EQ(resolve_location(base, "../authorize?a=b"),
            "https://as.example:8443/oauth/authorize?a=b");
  EXPECT_EQ(resolve_location(base, "./x/../y"), "https://as.example:8443/oauth/par/y");
  EXPECT_EQ(resolve_location(base, "../../../../z"), "https://as.example:8443/z");
  EXPECT_EQ(resolve_location(base, "?other=2"), "https://as.example:8443/oauth/par/push?other=2");
  EXPECT_EQ(resolve_location(base, "#top"), "https://as.example:8443/oauth/par/push?q=1#top");
  EXPECT_EQ(resolve_location("http://h", "cb"), "http://h/cb");
  EXPECT_EQ(resolve_location("not a url", "/x"), "/x");
}

}  // namespace
}  // namespace parity::http
