#include "login/network_log.hpp"

#include <gtest/gtest.h>

namespace parity::login {
namespace {

const std::vector<std::string> k_redirect_uris{"https://client.example/cb"};

// One ChromeDriver performance-log entry for a DevTools Network event.
nlohmann::json entry(const std::string& method, const nlohmann::json& params) {
  const nlohmann::json message{{"message", {{"method", method}, {"params", params}}},
                               {"webview", "page"}};
  return {{"level", "INFO"}, {"message", message.dump()}, {"timestamp", 1}};
}

nlohmann::json request(const std::string& id,
                       const std::string& url,
                       const std::string& type = "Document",
                       const std::string& frame = "main") {
  return {{"requestId", id},
          {"type", type},
          {"frameId", frame},
          {"initiator", {{"type", "other"}}},
          {"request", {{"url", url}, {"method", "GET"}, {"headers", {{"Accept", "text/html"}}}}}};
}

nlohmann::json redirected(const std::string& id,
                          const std::string& url,
                          const std::string& from,
                          int status,
                          const std::string& location) {
  nlohmann::json params = request(id, url);
  params["redirectResponse"] = {
      {"url", from}, {"status", status}, {"headers", {{"Location", location}}}};
  return params;
}

nlohmann::json response(const std::string& id, int status, const std::string& type = "Document") {
  return {{"requestId", id},
          {"type", type},
          {"response", {{"status", status}, {"headers", {{"Content-Type", "text/html"}}}}}};
}

TEST(NetworkLogTest, TheRedirectToTheClientIsJudgedAndNeverLoaded) {
  NetworkLog log;
  log.add(nlohmann::json::array({
      entry("Network.requestWillBeSent", request("1", "https://as.example/authorize?x=1")),
      entry(
          "Network.requestWillBeSent",
          redirected(
              "1", "https://as.example/login", "https://as.example/authorize?x=1", 302, "/login")),
      entry("Network.responseReceived", response("1", 200)),
      entry("Network.requestWillBeSent", request("2", "https://as.example/api/auth", "XHR")),
      entry("Network.responseReceived", response("2", 200, "XHR")),
  }));
  EXPECT_FALSE(log.ending(k_redirect_uris));
  log.add(nlohmann::json::array({
      entry("Network.requestWillBeSent", request("3", "https://as.example/auth?continue")),
      entry("Network.requestWillBeSent",
            redirected("3",
                       "https://client.example/cb?code=c0de",
                       "https://as.example/auth?continue",
                       303,
                       "https://client.example/cb?code=c0de")),
      entry("Network.loadingFailed",
            {{"requestId", "3"}, {"errorText", "net::ERR_NAME_NOT_RESOLVED"}}),
  }));
  const auto ending = log.ending(k_redirect_uris);
  ASSERT_TRUE(ending);
  EXPECT_EQ(ending->kind, NetworkLog::Ending::Kind::redirect_to_client);
  EXPECT_EQ(ending->judged.request.url, "https://as.example/auth?continue");
  EXPECT_EQ(ending->judged.response.status, 303);
  EXPECT_EQ(http::find_header(ending->judged.response.headers, "Location"),
            "https://client.example/cb?code=c0de");

  const std::vector<http::Exchange> exchanges = log.exchanges(k_redirect_uris, ending);
  ASSERT_EQ(exchanges.size(), 4U);  // authorize (302), login page, XHR, then the judged 303
  EXPECT_EQ(exchanges[0].response.status, 302);
  EXPECT_EQ(exchanges[1].request.url, "https://as.example/login");
  EXPECT_EQ(exchanges[2].request.url, "https://as.example/api/auth");
  EXPECT_EQ(exchanges[3].response.status, 303);
  for (const http::Exchange& exchange : exchanges) {
    EXPECT_EQ(exchange.request.url.find("client.example"), std::string::npos);
    EXPECT_TRUE(exchange.request.body.empty());
  }
}

TEST(NetworkLogTest, AnErrorPageOfTheMainFrameEndsTheLogin) {
  NetworkLog log;
  log.add(nlohmann::json::array({
      entry("Network.requestWillBeSent", request("1", "https://as.example/authorize")),
      entry("Network.responseReceived", response("1", 403)),
  }));
  const auto ending = log.ending(k_redirect_uris);
  ASSERT_TRUE(ending);
  EXPECT_EQ(ending->kind, NetworkLog::Ending::Kind::error_page);
  EXPECT_EQ(ending->judged.response.status, 403);
  EXPECT_EQ(log.exchanges(k_redirect_uris, ending).size(), 1U);
}

TEST(NetworkLogTest, ErrorsOfSubresourcesAndFramesDoNotEndIt) {
  NetworkLog log;
  log.add(nlohmann::json::array({
      entry("Network.requestWillBeSent", request("1", "https://as.example/login")),
      entry("Network.responseReceived", response("1", 200)),
      entry("Network.requestWillBeSent", request("2", "https://as.example/api/profile", "XHR")),
      entry("Network.responseReceived", response("2", 401, "XHR")),
      entry("Network.requestWillBeSent",
            request("3", "https://as.example/frame", "Document", "child")),
      entry("Network.responseReceived", response("3", 404)),
  }));
  EXPECT_FALSE(log.ending(k_redirect_uris));
  EXPECT_EQ(log.last_document_url(), "https://as.example/login");
}

TEST(NetworkLogTest, ANavigationByScriptIsJudgedAsThePageThatMadeIt) {
  NetworkLog log;
  nlohmann::json by_script = request("2", "https://client.example/cb?code=js");
  by_script["initiator"] = {{"type", "script"}};
  log.add(nlohmann::json::array({
      entry("Network.requestWillBeSent", request("1", "https://as.example/done")),
      entry("Network.responseReceived", response("1", 200)),
      entry("Network.requestWillBeSent", by_script),
  }));
  const auto ending = log.ending(k_redirect_uris);
  ASSERT_TRUE(ending);
  EXPECT_EQ(ending->judged.request.url, "https://as.example/done");
  EXPECT_EQ(ending->judged.response.status, 200);  // what was observed: no HTTP redirect
  EXPECT_EQ(http::find_header(ending->judged.response.headers, "Location"),
            "https://client.example/cb?code=js");
  EXPECT_EQ(http::find_header(ending->judged.response.headers, "X-Parity-Browser-Navigation"),
            "script (not an HTTP redirect)");
}

TEST(NetworkLogTest, UnreadableEntriesAndOtherSchemesAreIgnored) {
  NetworkLog log;
  log.add(nlohmann::json::array({
      {{"message", "not json"}},
      42,
      entry("Network.requestWillBeSent", request("1", "chrome://new-tab-page/")),
      entry("Network.requestWillBeSent", request("2", "data:image/png;base64,AAAA", "Image")),
  }));
  log.add("not an array");
  EXPECT_FALSE(log.ending(k_redirect_uris));
  EXPECT_TRUE(log.exchanges(k_redirect_uris, std::nullopt).empty());
}

TEST(NetworkLogTest, RepeatedHeadersAreSplit) {
  const http::Headers headers = headers_of({{"Set-Cookie", "a=1\nb=2"}, {"X", "y"}});
  ASSERT_EQ(headers.size(), 3U);
  EXPECT_EQ(headers[0].second, "a=1");
  EXPECT_EQ(headers[1].second, "b=2");
}

}  // namespace
}  // namespace parity::login
