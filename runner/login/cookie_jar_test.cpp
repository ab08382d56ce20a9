#include "login/cookie_jar.hpp"

#include <gtest/gtest.h>

namespace parity::login {
namespace {

http::Headers set_cookie(const std::string& value) {
  return {{"Set-Cookie", value}};
}

TEST(CookieJar, HostOnlyCookieReturnsToTheSameHostOnly) {
  CookieJar jar;
  jar.store("http://as.example/authorize", set_cookie("sid=abc"));
  EXPECT_EQ(jar.header_for("http://as.example/other"), "sid=abc");
  EXPECT_EQ(jar.header_for("http://sub.as.example/other"), std::nullopt);
  EXPECT_EQ(jar.header_for("http://elsewhere.example/"), std::nullopt);
}

TEST(CookieJar, PathAttributeLimitsWhereTheCookieIsSent) {
  CookieJar jar;
  jar.store("http://127.0.0.1:9126/auth?x=1",
            set_cookie("_interaction=u1; path=/interaction/u1; samesite=lax; httponly"));
  EXPECT_EQ(jar.header_for("http://127.0.0.1:9126/interaction/u1"), "_interaction=u1");
  EXPECT_EQ(jar.header_for("http://127.0.0.1:9126/interaction/u1/login"), "_interaction=u1");
  EXPECT_EQ(jar.header_for("http://127.0.0.1:9126/interaction/u12"), std::nullopt);
  EXPECT_EQ(jar.header_for("http://127.0.0.1:9126/auth"), std::nullopt);
}

TEST(CookieJar, DefaultPathIsTheRequestDirectory) {
  CookieJar jar;
  jar.store("http://as.example/login/form", set_cookie("a=1"));
  EXPECT_EQ(jar.header_for("http://as.example/login/next"), "a=1");
  EXPECT_EQ(jar.header_for("http://as.example/consent"), std::nullopt);
}

TEST(CookieJar, MaxAgeZeroAndPastExpiresDeleteTheCookie) {
  CookieJar jar;
  jar.store("http://as.example/", {{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}});
  ASSERT_EQ(jar.header_for("http://as.example/"), "a=1; b=2");
  jar.store("http://as.example/", set_cookie("a=gone; Max-Age=0"));
  jar.store("http://as.example/", set_cookie("b=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
  EXPECT_EQ(jar.header_for("http://as.example/"), std::nullopt);
  EXPECT_EQ(jar.size(), 0U);
}

TEST(CookieJar, MaxAgeWinsOverExpires) {
  CookieJar jar;
  jar.store("http://as.example/",
            set_cookie("a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60"));
  EXPECT_EQ(jar.header_for("http://as.example/"), "a=1");
}

TEST(CookieJar, DomainAttributeCoversSubdomainsAndForeignDomainsAreRejected) {
  CookieJar jar;
  jar.store("http://login.as.example/", set_cookie("wide=1; Domain=.as.example; Path=/"));
  jar.store("http://login.as.example/", set_cookie("evil=1; Domain=attacker.example; Path=/"));
  EXPECT_EQ(jar.header_for("http://as.example/"), "wide=1");
  EXPECT_EQ(jar.header_for("http://api.as.example/x"), "wide=1");
  EXPECT_EQ(jar.header_for("http://attacker.example/"), std::nullopt);
}

TEST(CookieJar, SecureCookieIsNotSentOverPlainHttp) {
  CookieJar jar;
  jar.store("https://as.example/", set_cookie("s=1; Secure; Path=/"));
  EXPECT_EQ(jar.header_for("https://as.example/"), "s=1");
  EXPECT_EQ(jar.header_for("http://as.example/"), std::nullopt);
}

TEST(CookieJar, SameNameDomainAndPathReplacesTheValue) {
  CookieJar jar;
  jar.store("http://as.example/", set_cookie("a=1; Path=/"));
  jar.store("http://as.example/", set_cookie("a=2; Path=/"));
  jar.store("http://as.example/", set_cookie("a=3; Path=/deep"));
  EXPECT_EQ(jar.header_for("http://as.example/deep/x"), "a=3; a=2");
  EXPECT_EQ(jar.size(), 2U);
}

TEST(CookieJar, MalformedLinesAreIgnored) {
  CookieJar jar;
  jar.store("http://as.example/", {{"Set-Cookie", "no-equals-sign"}, {"Set-Cookie", "=v"}});
  jar.store("not a url", set_cookie("a=1"));
  EXPECT_EQ(jar.size(), 0U);
}

TEST(CookieMatching, PathMatchFollowsRfc6265) {
  EXPECT_TRUE(path_matches("/a/b", "/a"));
  EXPECT_TRUE(path_matches("/a/b", "/a/"));
  EXPECT_TRUE(path_matches("/a", "/a"));
  EXPECT_FALSE(path_matches("/ab", "/a"));
  EXPECT_FALSE(path_matches("/", "/a"));
}

TEST(CookieMatching, DomainMatchRejectsIpAddressSuffixes) {
  EXPECT_TRUE(domain_matches("a.example", "example"));
  EXPECT_FALSE(domain_matches("aexample", "example"));
  EXPECT_FALSE(domain_matches("10.0.0.1", "0.0.1"));
  EXPECT_TRUE(domain_matches("10.0.0.1", "10.0.0.1"));
}

}  // namespace
}  // namespace parity::login
