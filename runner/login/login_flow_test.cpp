#include "login/login_flow.hpp"

#include "http/curl_client.hpp"
#include "http/test_server.hpp"
#include "http/url.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace parity::login {
namespace {

const std::vector<std::string> k_redirect_uris{"https://client.example/cb"};

// A provider with a login page (CSRF token, interaction cookie scoped to /login) and a consent
// page (session cookie on /), like oidc-provider's devInteractions.
class FakeProvider {
 public:
  FakeProvider() : m_server(std::make_unique<httplib::Server>()) {
    auto& routes = m_server.routes();
    routes.Get("/authorize", [](const httplib::Request&, httplib::Response& res) {
      res.status = 303;
      res.set_header("Location", "/login/u1");
      res.set_header("Set-Cookie", "_interaction=u1; Path=/login/u1; HttpOnly");
      res.set_header("Set-Cookie", "tracking=1; Path=/; Max-Age=0");
    });
    routes.Get("/login/u1", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("Cookie") != "_interaction=u1") {
        res.status = 400;
        res.set_content("<title>missing interaction cookie</title>", "text/html");
        return;
      }
      res.set_content(R"(<title>Sign-in</title><form method=post action="/login/u1">
          <input type=hidden name=csrf value=c5rf><input name=login>
          <input type=password name=password><button>Sign-in</button></form>)",
                      "text/html; charset=utf-8");
    });
    routes.Post("/login/u1", [this](const httplib::Request& req, httplib::Response& res) {
      m_login_body = req.body;
      res.status = 302;
      res.set_header("Location", "http://127.0.0.1:" + std::to_string(m_port) + "/consent");
      res.set_header("Set-Cookie", "_session=s1; Path=/");
    });
    routes.Get("/consent", [](const httplib::Request& req, httplib::Response& res) {
      const bool session = req.get_header_value("Cookie").find("_session=s1") != std::string::npos;
      res.set_content(session ? R"(<title>Authorize</title><form method=post action=/consent>
          <input type=hidden name=prompt value=consent>
          <button name=decision value=deny>Deny</button>
          <button name=decision value=allow>Allow</button></form>)"
                              : "<title>no session</title>",
                      "text/html");
    });
    routes.Post("/consent", [](const httplib::Request& req, httplib::Response& res) {
      const auto params = http::form_decode(req.body);
      const bool allowed = http::find_param(params, "decision") == "allow";
      res.status = 303;
      res.set_header("Location",
                     allowed ? "https://client.example/cb?code=c0de&state=xyz"
                             : "https://client.example/cb?error=access_denied&state=xyz");
    });
    routes.Get("/loop", [](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "/loop");
    });
    routes.Get("/loop-a", [](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "/loop-b");
    });
    routes.Get("/loop-b", [](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "/loop-a");
    });
    // A new cookie on every turn: never the same request twice, so only the bound stops it.
    routes.Get("/spin", [this](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "/spin");
      res.set_header("Set-Cookie", "turn=" + std::to_string(++m_turns));
    });
    routes.Get("/away", [](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "https://idp.elsewhere.example/login");
    });
    routes.Get("/error", [](const httplib::Request&, httplib::Response& res) {
      res.status = 400;
      res.set_content("<title>invalid_request_uri</title>", "text/html");
    });
    routes.Get("/json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{}", "application/json");
    });
    if (!m_server.start()) {
      throw std::runtime_error("cannot start the fake provider");
    }
    m_port = std::stoi(m_server.url("http", "").substr(std::string("http://127.0.0.1:").size()));
  }

  std::string url(const std::string& path) const { return m_server.url("http", path); }
  const std::string& login_body() const { return m_login_body; }

 private:
  std::atomic<int> m_turns{0};  // before m_server: outlives its handler threads
  http::test_support::LoopbackServer m_server;
  std::string m_login_body;
  int m_port = 0;
};

LoginScript dev_login_script() {
  LoginScript script;
  script.declared = true;
  LoginForm login;
  login.name = "login";
  login.has_fields = {"login", "password"};
  login.fill = {{"login", "alice"}, {"password", "s3cret"}};
  LoginForm consent;
  consent.name = "consent";
  consent.field_values = {{"prompt", "consent"}};
  consent.submit = "allow";
  script.forms = {login, consent};
  return script;
}

http::Exchange authorize(http::HttpClient& client, const std::string& url) {
  http::Request request;
  request.url = url;
  return client.send(request);
}

TEST(LoginFlow, LogsInConsentsAndStopsAtTheRedirectUri) {
  FakeProvider provider;
  http::CurlClient client({});
  const http::Exchange first = authorize(client, provider.url("/authorize"));
  const LoginResult result =
      complete_authorization(client, first, dev_login_script(), k_redirect_uris);
  ASSERT_EQ(result.error, "");
  ASSERT_EQ(result.exchanges.size(), 4U);  // GET login, POST login, GET consent, POST consent
  EXPECT_EQ(http::form_decode(provider.login_body()),
            (http::Params{{"csrf", "c5rf"}, {"login", "alice"}, {"password", "s3cret"}}));
  const http::Exchange& last = result.exchanges.back();
  EXPECT_EQ(last.response.status, 303);
  EXPECT_EQ(http::find_header(last.response.headers, "Location"),
            "https://client.example/cb?code=c0de&state=xyz");
  // The named submit button was used, and the session cookie reached the consent page.
  EXPECT_EQ(http::find_param(http::form_decode(last.request.body), "decision"), "allow");
}

TEST(LoginFlow, AnImmediateRedirectToTheClientNeedsNoRequest) {
  http::Exchange first;
  first.request.url = "http://127.0.0.1:1/authorize";
  first.response.status = 302;
  first.response.headers = {{"Location", "https://client.example/cb?error=invalid_request_uri"}};
  http::CurlClient client({});
  const LoginResult result = complete_authorization(client, first, LoginScript{}, k_redirect_uris);
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(result.exchanges.empty());
}

TEST(LoginFlow, ErrorStatusIsHandedToTheCase) {
  FakeProvider provider;
  http::CurlClient client({});
  const LoginResult result = complete_authorization(
      client, authorize(client, provider.url("/error")), dev_login_script(), k_redirect_uris);
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(result.exchanges.empty());
}

TEST(LoginFlow, RedirectLeavingTheServerStops) {
  FakeProvider provider;
  http::CurlClient client({});
  const LoginResult result = complete_authorization(
      client, authorize(client, provider.url("/away")), dev_login_script(), k_redirect_uris);
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(result.exchanges.empty());
}

TEST(LoginFlow, PageNoRuleHandlesIsAnErrorNamingThePage) {
  FakeProvider provider;
  http::CurlClient client({});
  LoginScript script = dev_login_script();
  script.forms.pop_back();  // no consent rule
  const LoginResult result = complete_authorization(
      client, authorize(client, provider.url("/authorize")), script, k_redirect_uris);
  EXPECT_NE(result.error.find("no form rule"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("GET /consent (status 200)"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("Authorize"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("[prompt, decision, decision]"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find("s3cret"), std::string::npos);
}

TEST(LoginFlow, RedirectLoopIsReportedWithItsHopCount) {
  FakeProvider provider;
  http::CurlClient client({});
  const LoginResult self = complete_authorization(
      client, authorize(client, provider.url("/loop")), dev_login_script(), k_redirect_uris);
  EXPECT_TRUE(self.exchanges.empty());
  EXPECT_EQ(self.error,
            "login: redirect loop: GET /loop (status 302) leads back to GET /loop after 1 hop "
            "with the same cookies");
  const LoginResult pair = complete_authorization(
      client, authorize(client, provider.url("/loop-a")), dev_login_script(), k_redirect_uris);
  EXPECT_EQ(pair.exchanges.size(), 1U);
  EXPECT_EQ(pair.error,
            "login: redirect loop: GET /loop-b (status 302) leads back to GET /loop-a after 2 hops "
            "with the same cookies");
}

TEST(LoginFlow, RedirectsThatChangeCookiesAreBounded) {
  FakeProvider provider;
  http::CurlClient client({});
  LoginScript script = dev_login_script();
  script.max_requests = 5;
  const LoginResult result = complete_authorization(
      client, authorize(client, provider.url("/spin")), script, k_redirect_uris);
  EXPECT_EQ(result.exchanges.size(), 5U);
  EXPECT_NE(result.error.find("after 5 requests"), std::string::npos) << result.error;
}

TEST(LoginFlow, NonHtmlPageIsAnError) {
  FakeProvider provider;
  http::CurlClient client({});
  const LoginResult result = complete_authorization(
      client, authorize(client, provider.url("/json")), dev_login_script(), k_redirect_uris);
  EXPECT_NE(result.error.find("not an HTML page"), std::string::npos) << result.error;
}

TEST(LoginFlow, TransportErrorIsReported) {
  http::Exchange first;
  first.request.url =
      "http://127.0.0.1:" + std::to_string(http::test_support::unused_port()) + "/a";
  first.response.status = 302;
  first.response.headers = {{"Location", "/next"}};
  http::CurlClient client({});
  const LoginResult result = complete_authorization(client, first, LoginScript{}, k_redirect_uris);
  ASSERT_EQ(result.exchanges.size(), 1U);
  EXPECT_NE(result.error.find("GET /next (status 0)"), std::string::npos) << result.error;
}

TEST(LoginFlow, RedirectUriComparisonIgnoresQueryAndFragment) {
  EXPECT_TRUE(is_redirect_uri("https://client.example/cb?code=1#x", k_redirect_uris));
  EXPECT_FALSE(is_redirect_uri("https://client.example/cb2?code=1", k_redirect_uris));
  EXPECT_FALSE(is_redirect_uri("http://client.example/cb", k_redirect_uris));
  EXPECT_FALSE(is_redirect_uri("/relative", k_redirect_uris));
}

}  // namespace
}  // namespace parity::login
