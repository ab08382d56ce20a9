#include "login/http_steps.hpp"

#include "http/curl_client.hpp"
#include "http/test_server.hpp"
#include "http/url.hpp"
#include "login/login_flow.hpp"

#include <gtest/gtest.h>

namespace parity::login {
namespace {

const std::vector<std::string> k_redirect_uris{"https://client.example/cb"};

// Glewlwyd's shape: /auth sends the browser to a script-built login page with the
// authorization to resume in callback_url; a JSON POST sets the session cookie, a PUT grants
// the client, and /auth entered again with g_continue redirects to the client.
class ApiLoginProvider {
 public:
  ApiLoginProvider() : m_server(std::make_unique<httplib::Server>()) {
    auto& routes = m_server.routes();
    routes.Get("/auth", [this](const httplib::Request& req, httplib::Response& res) {
      const bool session = req.get_header_value("Cookie").find("SESSION=s1") != std::string::npos;
      res.status = 302;
      if (req.has_param("g_continue") && session && m_granted) {
        res.set_header("Location", "https://client.example/cb?code=c0de&state=st");
        return;
      }
      const std::string callback = url("/auth?client_id=" + req.get_param_value("client_id"));
      res.set_header("Location", "/login.html?callback_url=" + http::percent_encode(callback));
    });
    routes.Post("/api/auth/", [this](const httplib::Request& req, httplib::Response& res) {
      const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
      m_content_type = req.get_header_value("Content-Type");
      const bool ok = !body.is_discarded() && body.value("password", "") == "pa\"ss";
      res.status = ok ? 200 : 401;
      if (ok) {
        res.set_header("Set-Cookie", "SID=s1; Path=/; Secure; HttpOnly");  // never sent over http
        res.set_header("Set-Cookie", "SESSION=s1; Path=/");
      }
    });
    routes.Put(R"(/api/auth/grant/(.*))",
               [this](const httplib::Request& req, httplib::Response& res) {
                 m_granted = req.matches[1] == "cli" &&
                             req.get_header_value("Cookie").find("SESSION=s1") != std::string::npos;
                 res.status = m_granted ? 200 : 401;
                 res.set_content(R"({"granted": ["parity"]})", "application/json");
               });
    if (!m_server.start()) {
      throw std::runtime_error("cannot start the provider");
    }
  }
  std::string url(const std::string& path) const { return m_server.url("http", path); }
  std::string content_type() const { return m_content_type; }

 private:
  http::test_support::LoopbackServer m_server;
  bool m_granted = false;
  std::string m_content_type;
};

LoginScript api_script() {
  LoginScript script;
  script.declared = true;
  script.http_captures = {{"resume", "location:callback_url"}};
  HttpLoginStep password;
  password.name = "password";
  password.method = "POST";
  password.url = "${origin}/api/auth/";
  password.json_body = {{"username", "parity-user"}, {"password", "pa\"ss"}};
  password.expect_status = {200};
  HttpLoginStep grant;
  grant.name = "grant";
  grant.method = "PUT";
  grant.url = "${origin}/api/auth/grant/${client_id}";
  grant.json_body = {{"scope", "parity"}};
  grant.captures = {{"granted", "json:/granted/0"}};
  HttpLoginStep resume;
  resume.name = "resume";
  resume.url = "${resume}";
  resume.query = {{"g_continue", ""}};
  script.http_steps = {password, grant, resume};
  return script;
}

class HttpStepsTest : public ::testing::Test {
 protected:
  http::Exchange authorize() {
    http::Request request;
    request.url = m_provider.url("/auth?client_id=cli&request_uri=urn:x");
    return m_http.send(request);
  }
  ApiLoginProvider m_provider;
  http::CurlClient m_http{http::ClientOptions{}};
};

TEST_F(HttpStepsTest, LogsInThroughTheApiAndResumesTheAuthorization) {
  const http::Exchange first = authorize();
  const LoginResult result = complete_authorization(m_http, first, api_script(), k_redirect_uris);
  ASSERT_EQ(result.error, "");
  ASSERT_EQ(result.exchanges.size(), 3U);
  EXPECT_EQ(result.exchanges[0].request.method, "POST");
  EXPECT_EQ(m_provider.content_type(), "application/json");
  EXPECT_EQ(result.exchanges[1].request.url, m_provider.url("/api/auth/grant/cli"));
  EXPECT_EQ(result.exchanges[2].request.url, m_provider.url("/auth?client_id=cli&g_continue="));
  EXPECT_EQ(http::find_header(result.exchanges[2].request.headers, "Cookie"), "SESSION=s1");
  EXPECT_EQ(http::find_header(result.exchanges[2].response.headers, "Location"),
            "https://client.example/cb?code=c0de&state=st");
}

TEST_F(HttpStepsTest, AnImmediateAnswerNeedsNoSteps) {
  http::Exchange first = authorize();
  first.response.status = 302;
  first.response.headers = {{"Location", "https://client.example/cb?error=invalid_request_uri"}};
  const LoginResult result = complete_authorization(m_http, first, api_script(), k_redirect_uris);
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(result.exchanges.empty());
}

TEST_F(HttpStepsTest, AnUnexpectedStatusNamesTheStep) {
  LoginScript script = api_script();
  script.http_steps[0].json_body["password"] = "wrong";
  const LoginResult result = complete_authorization(m_http, authorize(), script, k_redirect_uris);
  EXPECT_EQ(result.error,
            "login: HTTP step 'password': POST /api/auth/ (status 401), expected 200");
}

TEST_F(HttpStepsTest, AnUndefinedVariableOrAFailedCaptureIsAnError) {
  LoginScript script = api_script();
  script.http_steps[2].url = "${nowhere}";
  EXPECT_NE(complete_authorization(m_http, authorize(), script, k_redirect_uris)
                .error.find("no variable 'nowhere'"),
            std::string::npos);
  script = api_script();
  script.http_captures = {{"resume", "header:X-Missing"}};
  EXPECT_NE(complete_authorization(m_http, authorize(), script, k_redirect_uris)
                .error.find("capture 'resume' (header:X-Missing) found nothing"),
            std::string::npos);
}

TEST(LoginVariablesTest, ExpandAndCapture) {
  http::Exchange first;
  first.request.url = "https://as.example:8443/auth?client_id=c%201&x=y";
  first.response.status = 302;
  first.response.headers = {{"Location", "/login.html?callback_url=https%3A%2F%2Fas%2Fauth"}};
  first.response.body = R"({"a": {"b": 7}})";
  const LoginVariables variables = initial_variables(first, k_redirect_uris);
  EXPECT_EQ(variables.at("origin"), "https://as.example:8443");
  EXPECT_EQ(variables.at("client_id"), "c 1");
  EXPECT_EQ(variables.at("location"),
            "https://as.example:8443/login.html?callback_url=https%3A%2F%2Fas%2Fauth");
  EXPECT_EQ(variables.at("redirect_uri"), "https://client.example/cb");
  EXPECT_EQ(capture_value(first, "location:callback_url"), "https://as/auth");
  EXPECT_EQ(capture_value(first, "json:/a/b"), "7");
  EXPECT_EQ(capture_value(first, "json:/a/c"), std::nullopt);
  std::string missing;
  EXPECT_EQ(expand("${origin}/x?$${literal}", variables, missing),
            "https://as.example:8443/x?${literal}");
  EXPECT_EQ(expand("${undefined}", variables, missing), std::nullopt);
  EXPECT_EQ(missing, "undefined");
}

}  // namespace
}  // namespace parity::login
