#include "eval/selector.hpp"

#include <gtest/gtest.h>

namespace parity::eval {
namespace {

using nlohmann::json;
using Kind = Selector::Kind;

http::Exchange response(int status, http::Headers headers, std::string body) {
  http::Exchange exchange;
  exchange.request.method = "GET";
  exchange.request.url = "https://as.example.com:8443/authorize?client_id=c1";
  exchange.response.status = status;
  exchange.response.headers = std::move(headers);
  exchange.response.body = std::move(body);
  return exchange;
}

http::Exchange par_created() {
  return response(201,
                  {{"Content-Type", "application/json"}, {"Cache-Control", "no-cache, no-store"}},
                  R"({"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60,)"
                  R"("a/b":{"m~n":[10,20]}})");
}

http::Exchange redirect_to(int status, const std::string& location) {
  return response(status, {{"location", location}}, "");
}

std::optional<json> pick(const std::string& text, const http::Exchange& exchange) {
  const auto selector = parse_selector(text);
  EXPECT_TRUE(selector.has_value()) << text;
  return selector ? select(*selector, exchange) : std::nullopt;
}

TEST(SelectorTest, ParsesEveryDocumentedSelector) {
  struct Expected {
    std::string text;
    Kind kind;
    std::string argument;
  };
  const std::vector<Expected> cases = {
      {"status", Kind::status, ""},
      {"header:Cache-Control", Kind::header, "Cache-Control"},
      {"body", Kind::body, ""},
      {"json", Kind::json, ""},
      {"json:/request_uri", Kind::json, "/request_uri"},
      {"json:/a~1b/m~0n/0", Kind::json, "/a~1b/m~0n/0"},
      {"redirect", Kind::redirect, ""},
      {"location", Kind::location, ""},
      {"location.base", Kind::location_base, ""},
      {"location:error", Kind::location_param, "error"},
  };
  for (const auto& c : cases) {
    const auto parsed = parse_selector(c.text);
    ASSERT_TRUE(parsed.has_value()) << c.text;
    EXPECT_EQ(parsed->kind, c.kind) << c.text;
    EXPECT_EQ(parsed->argument, c.argument) << c.text;
  }
}

TEST(SelectorTest, RejectsInvalidSelectors) {
  for (const std::string text : {"",
                                 "Status",
                                 "statu",
                                 "header:",
                                 "header:Bad Name",
                                 "header:a:b",
                                 "json:",
                                 "json:request_uri",
                                 "json:/a~2",
                                 "json:/a~",
                                 "location:",
                                 "location.query",
                                 "cookie:x",
                                 "capability:jar",
                                 "policy:min_state_length",
                                 "body:x",
                                 "status:1"}) {
    EXPECT_FALSE(parse_selector(text).has_value()) << text;
  }
}

TEST(SelectorTest, StatusIsInteger) {
  EXPECT_EQ(pick("status", par_created()), json(201));
  EXPECT_TRUE(pick("status", par_created())->is_number_integer());
}

TEST(SelectorTest, HeaderIsFirstMatchCaseInsensitive) {
  const auto exchange = response(200, {{"X-Dup", "first"}, {"x-dup", "second"}}, "");
  EXPECT_EQ(pick("header:x-dup", exchange), json("first"));
  EXPECT_EQ(pick("header:CACHE-CONTROL", par_created()), json("no-cache, no-store"));
  EXPECT_EQ(pick("header:Pragma", par_created()), std::nullopt);
}

TEST(SelectorTest, BodyIsStringEvenWhenEmpty) {
  EXPECT_EQ(pick("body", response(400, {}, "oops")), json("oops"));
  EXPECT_EQ(pick("body", response(204, {}, "")), json(""));
}

TEST(SelectorTest, JsonIsParsedBodyOrAbsent) {
  EXPECT_EQ(pick("json", response(200, {}, R"({"a":[1,2]})")), json::parse(R"({"a":[1,2]})"));
  EXPECT_EQ(pick("json", response(200, {}, "[1]")), json::array({1}));
  EXPECT_EQ(pick("json", response(200, {}, "not json")), std::nullopt);
  EXPECT_EQ(pick("json", response(200, {}, "")), std::nullopt);
  EXPECT_EQ(pick("json", response(200, {}, R"({"a":1} trailing)")), std::nullopt);
}

TEST(SelectorTest, JsonPointerSelectsMember) {
  const auto exchange = par_created();
  EXPECT_EQ(pick("json:/request_uri", exchange), json("urn:ietf:params:oauth:request_uri:abc"));
  EXPECT_EQ(pick("json:/expires_in", exchange), json(60));
  EXPECT_EQ(pick("json:/a~1b/m~0n/1", exchange), json(20));
  EXPECT_EQ(pick("json:/a~1b", exchange), json::parse(R"({"m~n":[10,20]})"));
}

TEST(SelectorTest, JsonPointerMissingMemberIsAbsent) {
  const auto exchange = par_created();
  for (const std::string text : {"json:/error",
                                 "json:/a~1b/m~0n/2",
                                 "json:/a~1b/m~0n/x",
                                 "json:/a~1b/m~0n/-",
                                 "json:/expires_in/x",
                                 "json:/a~1b/m~0n/01"}) {
    EXPECT_EQ(pick(text, exchange), std::nullopt) << text;
  }
  EXPECT_EQ(pick("json:/error", response(400, {}, "<html>error</html>")), std::nullopt);
}

TEST(SelectorTest, RedirectNeedsThreeHundredStatusAndLocation) {
  EXPECT_EQ(pick("redirect", redirect_to(302, "https://client.example/cb?code=x")), json(true));
  EXPECT_EQ(pick("redirect", redirect_to(303, "/elsewhere")), json(true));
  EXPECT_EQ(pick("redirect", response(302, {}, "")), json(false));
  EXPECT_EQ(pick("redirect", redirect_to(201, "https://as.example.com/x")), json(false));
  EXPECT_EQ(pick("redirect", response(400, {}, "")), json(false));
}

TEST(SelectorTest, LocationIsResolvedAgainstRequestUrl) {
  EXPECT_EQ(pick("location", redirect_to(302, "https://client.example/cb?code=x")),
            json("https://client.example/cb?code=x"));
  EXPECT_EQ(pick("location", redirect_to(302, "/login?x=1")),
            json("https://as.example.com:8443/login?x=1"));
  EXPECT_EQ(pick("location", response(302, {}, "")), std::nullopt);
}

TEST(SelectorTest, LocationBaseDropsQueryAndFragment) {
  EXPECT_EQ(pick("location.base", redirect_to(302, "https://client.example/cb?code=x#frag")),
            json("https://client.example/cb"));
  EXPECT_EQ(pick("location.base", redirect_to(302, "https://client.example:444/a/b#code=x")),
            json("https://client.example:444/a/b"));
  EXPECT_EQ(pick("location.base", redirect_to(302, "/error?e=1")),
            json("https://as.example.com:8443/error"));
  EXPECT_EQ(pick("location.base", redirect_to(302, "com.example.app:/cb?code=x")),
            json("com.example.app:/cb"));
  EXPECT_EQ(pick("location.base", response(302, {}, "")), std::nullopt);
}

TEST(SelectorTest, LocationParamFromQueryThenFragment) {
  const auto query = redirect_to(302,
                                 "https://client.example/cb?error=invalid_request_uri&"
                                 "error_description=expired+request%20uri&state=abc#code=frag");
  EXPECT_EQ(pick("location:error", query), json("invalid_request_uri"));
  EXPECT_EQ(pick("location:error_description", query), json("expired request uri"));
  EXPECT_EQ(pick("location:state", query), json("abc"));
  EXPECT_EQ(pick("location:code", query), json("frag"));
  EXPECT_EQ(pick("location:iss", query), std::nullopt);

  const auto fragment = redirect_to(302, "https://client.example/cb#code=SplxlOBeZQ&state=xyz");
  EXPECT_EQ(pick("location:code", fragment), json("SplxlOBeZQ"));
  EXPECT_EQ(pick("location:state", fragment), json("xyz"));

  const auto both = redirect_to(302, "https://client.example/cb?state=q#state=f");
  EXPECT_EQ(pick("location:state", both), json("q"));
  EXPECT_EQ(pick("location:code", redirect_to(302, "com.example.app:/cb?code=c1")), json("c1"));
  EXPECT_EQ(pick("location:code", response(302, {}, "")), std::nullopt);
}

TEST(SelectorTest, TransportErrorMakesEverySelectorAbsent) {
  http::Exchange failed = par_created();
  failed.transport_error = "connection refused";
  for (const std::string text : {"status",
                                 "header:Content-Type",
                                 "body",
                                 "json",
                                 "json:/expires_in",
                                 "redirect",
                                 "location",
                                 "location.base",
                                 "location:error"}) {
    EXPECT_EQ(pick(text, failed), std::nullopt) << text;
  }
  EXPECT_EQ(pick("status", http::Exchange{}), std::nullopt);
}

TEST(ProfileSelectorTest, RecognisesProfileSelectors) {
  EXPECT_TRUE(is_profile_selector("capability:pkce_plain"));
  EXPECT_TRUE(is_profile_selector("policy:min_state_length"));
  EXPECT_FALSE(is_profile_selector("capability:"));
  EXPECT_FALSE(is_profile_selector("policy:"));
  EXPECT_FALSE(is_profile_selector("status"));
  EXPECT_FALSE(is_profile_selector("feature:jar"));
}

TEST(ProfileSelectorTest, SelectsCapabilitiesAndPolicies) {
  Profile profile;
  profile.capabilities = {"pkce_s256", "jar"};
  profile.policies["min_state_length"] = 8;
  profile.policies["request_uri_prefix"] = "urn:x";
  EXPECT_EQ(select_profile("capability:jar", profile), json(true));
  EXPECT_EQ(select_profile("capability:pkce_plain", profile), json(false));
  EXPECT_EQ(select_profile("policy:min_state_length", profile), json(8));
  EXPECT_EQ(select_profile("policy:request_uri_prefix", profile), json("urn:x"));
  EXPECT_EQ(select_profile("policy:max_expires_in", profile), std::nullopt);
  EXPECT_EQ(parse_profile_selector("status"), std::nullopt);
  EXPECT_EQ(parse_profile_selector("capability:"), std::nullopt);
}

}  // namespace
}  // namespace parity::eval
