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
                     {"Proxy-Authorization",
                      "Bearer " + Redactor::credential_label("access_token", "abc.def")},
                     {"DPoP", Redactor::credential_label("dpop_proof", "eyJhbGciOi.x.y")},
                     {"Cookie", "sid=" + Redactor::credential_label("cookie", "123")},
                     {"X-Other", "kept"}}));
  EXPECT_EQ(
      out.response.headers,
      (Headers{{"Set-Cookie", "sid=" + Redactor::credential_label("cookie", "456") + "; HttpOnly"},
               {"Content-Type", "text/plain"}}));
}

TEST(RedactorTest, CredentialLabelKeepsKindLengthAndFingerprint) {
  // sha256("abc") = ba7816bf…
  EXPECT_EQ(Redactor::credential_label("code", "abc"), "[redacted code, 3 chars, sha256:ba7816bf]");
}

TEST(RedactorTest, MasksCredentialParametersInFormBody) {
  const Exchange out = Redactor().redact(
      form_post("client_id=c1&client_secret=s%2Bcr%20t&code_verifier=abc&client_assertion=eyJ.x.y&"
                "client_assertion_type=urn%3Aietf&password=pw&assertion=a&client_secret=second&x"));
  EXPECT_EQ(out.request.body,
            "client_id=c1&client_secret=[redacted]&code_verifier=" +
                Redactor::credential_label("code_verifier", "abc") +
                "&client_assertion=[redacted]&"
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
            "you sent Bearer " + Redactor::credential_label("access_token", "token-value-1") +
                ", " + Redactor::credential_label("dpop_proof", "proof.header.sig") +
                ", [redacted], [redacted] and [redacted]");
  EXPECT_EQ(redactor.redact_text("Bearer"), "Bearer");  // the scheme itself is no secret
}

// A token response, the code in a redirect and the session cookie of a login page: none may
// reach a report, each is still recognisable by kind, length and fingerprint.
TEST(RedactorTest, MasksIssuedCredentialsWhereverTheyAppear) {
  const std::string access = "at-0123456789/abcdef";
  const std::string refresh = "rt-0123456789abcdef";
  const std::string id_token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln";
  Exchange token = form_post("grant_type=authorization_code&code=code-123456789&code_verifier=" +
                             std::string(43, 'v'));
  token.response.status = 200;
  token.response.headers = {{"Content-Type", "application/json"}};
  token.response.body = R"({"access_token":"at-0123456789\/abcdef","token_type":"Bearer",)"
                        R"("refresh_token":")" +
                        refresh + R"(","id_token":")" + id_token + R"("})";
  Redactor redactor;
  redactor.add_exchange_credentials(token);
  const Exchange out = redactor.redact(token);
  for (const std::string& value : {access,
                                   refresh,
                                   id_token,
                                   std::string("code-123456789"),
                                   std::string(43, 'v'),
                                   std::string(R"(at-0123456789\/abcdef)")}) {
    EXPECT_EQ(out.response.body.find(value), std::string::npos) << value;
    EXPECT_EQ(out.request.body.find(value), std::string::npos) << value;
  }
  EXPECT_NE(out.response.body.find(Redactor::credential_label("access_token", access)),
            std::string::npos);
  EXPECT_NE(out.response.body.find("\"token_type\":\"Bearer\""), std::string::npos);
  // Later text (a check quoting the value) is masked the same way.
  EXPECT_EQ(redactor.redact_text("id " + id_token),
            "id " + Redactor::credential_label("id_token", id_token));

  Exchange redirect;
  redirect.request.url = "https://as.example/authorize?request_uri=urn:x&client_id=c";
  redirect.response.status = 302;
  redirect.response.headers = {
      {"Location", "https://client.example/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz"},
      {"Set-Cookie", "_session=abcdefgh12345678; Path=/; HttpOnly"}};
  redirect.response.body = "<a href=\"https://client.example/cb?code=SplxlOBeZQQYbYS6WxSbIA\">";
  Redactor second;
  second.add_exchange_credentials(redirect);
  const Exchange shown = second.redact(redirect);
  EXPECT_EQ(find_header(shown.response.headers, "Location"),
            "https://client.example/cb?code=" +
                Redactor::credential_label("code", "SplxlOBeZQQYbYS6WxSbIA") + "&state=xyz");
  EXPECT_EQ(shown.response.body.find("SplxlOBeZQQYbYS6WxSbIA"), std::string::npos);
  EXPECT_EQ(find_header(shown.response.headers, "Set-Cookie"),
            "_session=" + Redactor::credential_label("cookie", "abcdefgh12345678") +
                "; Path=/; HttpOnly");
  EXPECT_EQ(second.redact_text("Cookie: _session=abcdefgh12345678"),
            "Cookie: _session=" + Redactor::credential_label("cookie", "abcdefgh12345678"));
}

// Tokens are found by a scan, not a parse: nested, in a body that is not JSON as a whole, or
// escaped.
TEST(RedactorTest, FindsTokensInAnyJsonShapedText) {
  Exchange exchange;
  exchange.response.status = 200;
  exchange.response.body =
      R"(callback({"data": {"access_token" : "nested-0123456789"}, "id_token":"a\u0062c-0123456789"}); )"
      R"({"refresh_token": 42, "access_token": "unterminated)";
  Redactor redactor;
  redactor.add_exchange_credentials(exchange);
  const std::string body = redactor.redact(exchange).response.body;
  EXPECT_EQ(body.find("nested-0123456789"), std::string::npos) << body;
  EXPECT_EQ(body.find("c-0123456789"), std::string::npos) << body;  // "\u0062" is 'b'
  EXPECT_NE(body.find(Redactor::credential_label("id_token", "abc-0123456789")), std::string::npos);
}

// The Content-Type chooses no spelling: a JSON token response labelled as a form keeps no
// token, and neither does a form body labelled as JSON.
TEST(RedactorTest, FindsTokensWhateverTheContentTypeSays) {
  Exchange json_as_form;
  json_as_form.response.status = 200;
  json_as_form.response.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  json_as_form.response.body = R"({"access_token":"json-labelled-form-0123"})";
  Exchange form_as_json;
  form_as_json.response.status = 200;
  form_as_json.response.headers = {{"Content-Type", "application/json"}};
  form_as_json.response.body = "token_type=Bearer&access_token=form-labelled-json-0123";
  for (const Exchange& exchange : {json_as_form, form_as_json}) {
    Redactor redactor;
    redactor.add_exchange_credentials(exchange);
    const std::string body = redactor.redact(exchange).response.body;
    EXPECT_EQ(body.find("-labelled-"), std::string::npos) << body;
  }
}

TEST(RedactorTest, RevealShowsCredentialsButNeverSecrets) {
  Exchange exchange =
      form_post("client_secret=s3cret-value&code=code-123456789",
                {{"Authorization", "Basic Y2xpZW50OnNlY3JldA=="}, {"DPoP", "proof.header.sig"}});
  exchange.response.body = R"({"access_token":"at-0123456789abcdef"})";
  Redactor redactor;
  redactor.reveal_credentials(true);
  redactor.add_secret("s3cret-value");
  redactor.add_exchange_credentials(exchange);
  const Exchange out = redactor.redact(exchange);
  EXPECT_EQ(out.request.body, "client_secret=[redacted]&code=code-123456789");
  EXPECT_EQ(find_header(out.request.headers, "Authorization"), "Basic [redacted]");
  EXPECT_EQ(find_header(out.request.headers, "DPoP"), "proof.header.sig");
  EXPECT_EQ(out.response.body, R"({"access_token":"at-0123456789abcdef"})");
}

}  // namespace
}  // namespace parity::http
