#include "http/redactor.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parity::http {
namespace {

Exchange form_post(std::string body, Headers extra = {}) {
  Exchange exchange;
  exchange.request.method = "POST";
  exchange.request.url = "https://as.example/par";
  exchange.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  exchange.request.headers.insert(exchange.request.headers.end(), extra.begin(), extra.end());
  exchange.request.body = std::move(body);
  exchange.response.status = 201;
  return exchange;
}

TEST(RedactorTest, MasksCredentialHeadersKeepingAuthScheme) {
  Exchange exchange = form_post("",
                                {{"authorization", "Basic Y2xpZW50OnNlY3JldA=="},
                                 {"Proxy-Authorization", "Bearer abc.def"},
                                 {"DPoP", "eyJhbGciOi.x.y"},
                                 {"Cookie", "sid=123"},
                                 {"X-Other", "kept"}});
  exchange.response.headers = {{"Set-Cookie", "sid=456; HttpOnly"}, {"Content-Type", "text/plain"}};
  const Exchange out = Redactor().redact(exchange);
  EXPECT_EQ(out.request.headers,
            (Headers{{"Content-Type", "application/x-www-form-urlencoded"},
                     {"authorization", "Basic [redacted]"},
                     {"Proxy-Authorization", "Bearer [redacted]"},
                     {"DPoP", "[redacted]"},
                     {"Cookie", "[redacted]"},
                     {"X-Other", "kept"}}));
  EXPECT_EQ(out.response.headers,
            (Headers{{"Set-Cookie", "[redacted]"}, {"Content-Type", "text/plain"}}));
}

TEST(RedactorTest, MasksCredentialParametersInFormBody) {
  const Exchange out = Redactor().redact(
      form_post("client_id=c1&client_secret=s%2Bcr%20t&code_verifier=abc&client_assertion=eyJ.x.y&"
                "client_assertion_type=urn%3Aietf&password=pw&assertion=a&client_secret=second&x"));
  EXPECT_EQ(out.request.body,
            "client_id=c1&client_secret=[redacted]&code_verifier=abc&client_assertion=[redacted]&"
            "client_assertion_type=urn%3Aietf&password=[redacted]&assertion=[redacted]&"
            "client_secret=[redacted]&x");
}

TEST(RedactorTest, LeavesNonFormBodiesToRegisteredSecrets) {
  Exchange exchange = form_post("client_secret=abc");
  exchange.request.headers = {{"Content-Type", "application/json"}};
  EXPECT_EQ(Redactor().redact(exchange).request.body, "client_secret=abc");
}

TEST(RedactorTest, MasksCredentialParametersInUrlQuery) {
  Exchange exchange;
  exchange.request.url =
      "https://as.example/authorize?client_id=c1&client_secret=abc%20d&state=s#client_secret=f";
  EXPECT_EQ(Redactor().redact(exchange).request.url,
            "https://as.example/authorize?client_id=c1&client_secret=[redacted]&state=s"
            "#client_secret=f");
}

TEST(RedactorTest, MasksRegisteredSecretEverywhere) {
  Redactor redactor;
  redactor.add_secret("top secret/value");
  Exchange exchange = form_post("note=top+secret%2Fvalue", {{"X-Echo", "top secret/value"}});
  exchange.request.url = "https://as.example/x?y=top%20secret%2Fvalue";
  exchange.response.body = R"({"echo":"top secret/value","again":"top secret/value"})";
  exchange.response.headers = {{"Location", "https://c.example/cb?s=top%20secret%2Fvalue"}};
  exchange.transport_error = "failed near top secret/value";
  const Exchange out = redactor.redact(exchange);
  EXPECT_EQ(out.request.body, "note=[redacted]");
  EXPECT_EQ(out.request.url, "https://as.example/x?y=[redacted]");
  EXPECT_EQ(find_header(out.request.headers, "X-Echo"), "[redacted]");
  EXPECT_EQ(out.response.body, R"({"echo":"[redacted]","again":"[redacted]"})");
  EXPECT_EQ(find_header(out.response.headers, "Location"), "https://c.example/cb?s=[redacted]");
  EXPECT_EQ(out.transport_error, "failed near [redacted]");
}

TEST(RedactorTest, MasksBasicCredentialsInAnyHeader) {
  Redactor redactor;
  redactor.add_basic_credentials("client 1", "s3cr:t");
  // RFC 7617 spelling, base64("client 1:s3cr:t"), and RFC 6749 §2.3.1 form-encoded spelling,
  // base64("client+1:s3cr%3At").
  const std::string plain = "Y2xpZW50IDE6czNjcjp0";
  const std::string form_encoded = "Y2xpZW50KzE6czNjciUzQXQ=";
  Exchange exchange = form_post("", {{"X-Debug", plain}, {"X-Debug-2", form_encoded}});
  exchange.response.body = "seen s3cr:t";
  const Exchange out = redactor.redact(exchange);
  EXPECT_EQ(find_header(out.request.headers, "X-Debug"), "[redacted]");
  EXPECT_EQ(find_header(out.request.headers, "X-Debug-2"), "[redacted]");
  EXPECT_EQ(out.response.body, "seen [redacted]");
}

TEST(RedactorTest, IgnoresShortSecretsAndMasksLongestFirst) {
  Redactor redactor;
  redactor.add_secret("");
  redactor.add_secret("abc");
  redactor.add_secret("abcd");
  redactor.add_secret("abcdefgh");
  EXPECT_EQ(redactor.redact_text("abc abcd abcdefgh"), "abc [redacted] [redacted]");
  EXPECT_EQ(redactor.redact_text("no secrets here"), "no secrets here");
}

TEST(RedactorTest, SecretInsideTheMaskIsReplacedOnce) {
  Redactor redactor;
  redactor.add_secret("redacted");  // the mask itself contains it
  EXPECT_EQ(redactor.redact_text("x redacted y redacted"), "x [redacted] y [redacted]");
}

// Regression (runner/hostile): a server echoing the request must not make the report show
// the DPoP proof, the Bearer token or a suite's deliberately wrong client_secret.
TEST(RedactorTest, MasksEchoedRequestCredentials) {
  Exchange exchange =
      form_post("client_id=c&client_secret=wrong-on-purpose&client_assertion=aaa.bbb.ccc",
                {{"Authorization", "Bearer token-value-1"}, {"DPoP", "proof.header.sig"}});
  exchange.request.url = "https://as.example/par?client_secret=query-secret#f";
  exchange.response.body =
      "you sent Bearer token-value-1, proof.header.sig, wrong-on-purpose, aaa.bbb.ccc and "
      "query-secret";
  Redactor redactor;
  redactor.add_request_credentials(exchange.request);
  EXPECT_EQ(redactor.redact(exchange).response.body,
            "you sent Bearer [redacted], [redacted], [redacted], [redacted] and [redacted]");
  EXPECT_EQ(redactor.redact_text("Bearer"), "Bearer");  // the scheme itself is no secret
}

}  // namespace
}  // namespace parity::http
