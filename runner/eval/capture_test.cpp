#include "eval/evaluate.hpp"

#include <gtest/gtest.h>

namespace parity::eval {
namespace {

http::Exchange exchange(int status, http::Headers headers, std::string body) {
  http::Exchange result;
  result.request.url = "https://as.example.com/authorize?client_id=c1";
  result.response.status = status;
  result.response.headers = std::move(headers);
  result.response.body = std::move(body);
  return result;
}

http::Exchange created() {
  return exchange(201,
                  {{"Content-Type", "application/json; charset=utf-8"}},
                  R"({"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60,)"
                  R"("ratio":1.5,"ok":true,"obj":{"a":[1]},"nothing":null})");
}

Capture capture(std::string name, std::string selector) {
  return Capture{
      std::move(name), std::move(selector), SourceLocation{"suites/par/core.yaml", 30, 11}};
}

TEST(CaptureTest, StoresStringsAsIsAndOtherValuesAsText) {
  Vars vars;
  const auto failures = apply_captures({capture("request_uri", "json:/request_uri"),
                                        capture("expires_in", "json:/expires_in"),
                                        capture("ratio", "json:/ratio"),
                                        capture("ok", "json:/ok"),
                                        capture("obj", "json:/obj"),
                                        capture("nothing", "json:/nothing"),
                                        capture("status", "status"),
                                        capture("type", "header:content-type")},
                                       created(),
                                       vars);
  EXPECT_TRUE(failures.empty());
  EXPECT_EQ(vars.at("request_uri"), "urn:ietf:params:oauth:request_uri:abc");
  EXPECT_EQ(vars.at("expires_in"), "60");
  EXPECT_EQ(vars.at("ratio"), "1.5");
  EXPECT_EQ(vars.at("ok"), "true");
  EXPECT_EQ(vars.at("obj"), R"({"a":[1]})");
  EXPECT_EQ(vars.at("nothing"), "null");
  EXPECT_EQ(vars.at("status"), "201");
  EXPECT_EQ(vars.at("type"), "application/json; charset=utf-8");
}

TEST(CaptureTest, LocationParameterCapture) {
  Vars vars;
  const auto redirect =
      exchange(302, {{"Location", "https://client.example/cb?code=Splx%2FlOB&state=xyz"}}, "");
  EXPECT_TRUE(apply_captures({capture("code", "location:code")}, redirect, vars).empty());
  EXPECT_EQ(vars.at("code"), "Splx/lOB");
}

TEST(CaptureTest, MissingValueIsFailedCheckAndLeavesVariableUnset) {
  Vars vars;
  const auto failures = apply_captures(
      {capture("request_uri", "json:/request_uri"), capture("code", "location:code")},
      created(),
      vars);
  ASSERT_EQ(failures.size(), 1U);
  EXPECT_FALSE(failures[0].passed);
  EXPECT_EQ(failures[0].description, "capture code from location:code");
  EXPECT_EQ(failures[0].expected, "present");
  EXPECT_EQ(failures[0].actual, "absent");
  EXPECT_EQ(failures[0].where.line, 30);
  EXPECT_FALSE(vars.contains("code"));
  EXPECT_TRUE(vars.contains("request_uri"));
}

TEST(CaptureTest, TransportErrorFailsEveryCapture) {
  http::Exchange failed = created();
  failed.transport_error = "connection refused";
  Vars vars;
  EXPECT_EQ(apply_captures({capture("a", "status"), capture("b", "body")}, failed, vars).size(),
            2U);
}

TEST(ObserveTest, RecordsJsonResponseBehaviour) {
  const auto observed = observe(created());
  EXPECT_EQ(observed,
            (std::map<std::string, std::string>{
                {"status", "201"},
                {"expires_in", "60"},
                {"content_type", "application/json; charset=utf-8"},
            }));
}

TEST(ObserveTest, RecordsJsonError) {
  const auto observed =
      observe(exchange(400,
                       {{"Content-Type", "application/json"}},
                       R"({"error":"invalid_request","error_description":"no"})"));
  EXPECT_EQ(observed.at("status"), "400");
  EXPECT_EQ(observed.at("error"), "invalid_request");
  EXPECT_EQ(observed.at("error_description"), "no");
  EXPECT_EQ(observed.count("redirect"), 0U);
}

TEST(ObserveTest, RecordsRedirectError) {
  const auto observed = observe(exchange(
      302, {{"Location", "https://client.example/cb?error=invalid_request_uri&state=s"}}, ""));
  EXPECT_EQ(observed,
            (std::map<std::string, std::string>{
                {"status", "302"},
                {"error", "invalid_request_uri"},
                {"redirect", "https://client.example/cb"},
            }));
}

TEST(ObserveTest, JsonErrorWinsOverLocationAndNonObjectsAreIgnored) {
  const auto both =
      observe(exchange(303, {{"Location", "/cb?error=from_location"}}, R"({"error":"from_json"})"));
  EXPECT_EQ(both.at("error"), "from_json");
  EXPECT_EQ(both.at("redirect"), "https://as.example.com/cb");
  const auto array = observe(exchange(200, {}, R"(["error"])"));
  EXPECT_EQ(array.count("error"), 0U);
}

TEST(ObserveTest, LongValuesAreTruncated) {
  const std::string description(1000, 'd');
  const auto observed =
      observe(exchange(400, {}, R"({"error_description":")" + description + "\"}"));
  EXPECT_LT(observed.at("error_description").size(), 210U);
}

TEST(ObserveTest, NothingWithoutResponse) {
  http::Exchange failed = created();
  failed.transport_error = "timeout";
  EXPECT_TRUE(observe(failed).empty());
}

}  // namespace
}  // namespace parity::eval
