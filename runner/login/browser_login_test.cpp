#include "login/browser_login.hpp"

#include "http/test_server.hpp"
#include "login/marked_processes.hpp"
#include "login/page_excerpt.hpp"
#include "login/url_glob.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace parity::login {
namespace {

namespace fs = std::filesystem;

TEST(GlobTest, StarMatchesAnyText) {
  EXPECT_TRUE(glob_matches("https://*/login.html*", "https://as.example/login.html?x=1"));
  EXPECT_TRUE(glob_matches("*", ""));
  EXPECT_TRUE(glob_matches("a*b*c", "a-b-b-c"));
  EXPECT_FALSE(glob_matches("https://*/login.html", "https://as.example/login.html?x=1"));
  EXPECT_FALSE(glob_matches("a*c", "ab"));
  EXPECT_TRUE(glob_matches("a?c", "a?c"));  // only '*' is special
  EXPECT_FALSE(glob_matches("a?c", "abc"));
}

TEST(SourceExcerptTest, DropsScriptsAndStylesAndCollapsesSpace) {
  const std::string source =
      "<html><head><STYLE>p { x }</style><script>var secret = 1;</SCRIPT></head>\n"
      "<body>  <p>Sign\n   in</p></body></html>";
  EXPECT_EQ(source_excerpt(source, 1000),
            "<html><head></head> <body> <p>Sign in</p></body></html>");
  EXPECT_EQ(source_excerpt(source, 10), "<html><hea…");
}

bool have_browser() {
  return access("/usr/bin/chromedriver", X_OK) == 0 ||
         std::system("command -v chromedriver >/dev/null") == 0;
}

// A provider whose login page is built by script (no <form>): the credentials go to a JSON
// API, a consent panel shows on the first login only, then the page's button sends the
// browser to /continue, which redirects to the client.
class JavaScriptProvider {
 public:
  JavaScriptProvider() : m_server(std::make_unique<httplib::Server>()) {
    auto& routes = m_server.routes();
    routes.Get("/authorize", [](const httplib::Request& req, httplib::Response& res) {
      if (req.has_param("bad")) {
        res.status = 400;
        res.set_content("<title>invalid_request_uri</title><p>unknown request_uri</p>",
                        "text/html");
        return;
      }
      res.status = 302;
      res.set_header("Location", "/login");
    });
    routes.Get("/login", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(k_login_page, "text/html");
    });
    routes.Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) {
      m_logins += 1;
      const bool ok = req.body.find("\"secret-pass-w0rd\"") != std::string::npos;
      res.status = ok ? 200 : 401;
      res.set_content(
          ok ? R"({"consent": )" + std::string(m_logins == 1 ? "true" : "false") + "}" : "{}",
          "application/json");
    });
    routes.Get("/continue", [](const httplib::Request&, httplib::Response& res) {
      res.status = 303;
      res.set_header("Location", "https://client.example/cb?code=c0de&state=s1");
    });
    if (!m_server.start()) {
      throw std::runtime_error("cannot start the provider");
    }
  }
  std::string url(const std::string& path) const { return m_server.url("http", path); }

 private:
  static constexpr const char* k_login_page = R"(<!doctype html><title>Sign in</title>
<div id=app>loading…</div>
<script>
setTimeout(function () {
  document.getElementById('app').innerHTML =
    '<input id=user><input id=pass type=password><button id=go>Sign in</button>' +
    '<div id=consent style="display:none"><input type=checkbox id=agree>' +
    '<button id=allow>Allow</button></div><button id=next style="display:none">Continue</button>';
  document.getElementById('go').onclick = function () {
    fetch('/api/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({user: document.getElementById('user').value,
                            pass: document.getElementById('pass').value})})
      .then(function (r) { return r.json(); })
      .then(function (body) {
        document.getElementById(body.consent ? 'consent' : 'next').style.display = 'block';
      });
  };
  document.getElementById('allow').onclick = function () {
    if (document.getElementById('agree').checked) {
      document.getElementById('consent').style.display = 'none';
      document.getElementById('next').style.display = 'block';
    }
  };
  document.getElementById('next').onclick = function () { location.href = '/continue'; };
}, 300);
</script>)";
  http::test_support::LoopbackServer m_server;
  int m_logins = 0;
};

BrowserStep step(BrowserStep::Kind kind, std::string target, bool optional = false) {
  BrowserStep result;
  result.kind = kind;
  result.target = std::move(target);
  result.optional = optional;
  return result;
}

class BrowserLoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_browser()) {
      if (std::getenv("PARITY_REQUIRE_BROWSER") != nullptr) {
        FAIL() << "chromedriver is not installed and PARITY_REQUIRE_BROWSER is set";
      }
      GTEST_SKIP() << "chromedriver is not installed";
    }
    m_dir = fs::temp_directory_path() / ("parity-browser-test-" + std::to_string(getpid()));
    fs::create_directories(m_dir);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
  }

  BrowserSettings settings(std::vector<BrowserStep> steps) const {
    BrowserSettings result;
    result.script.declared = true;
    result.script.steps = std::move(steps);
    result.script.step_timeout_ms = 10000;
    result.script.optional_timeout_ms = 3000;
    result.script.timeout_ms = 30000;
    result.authorization_endpoint = m_provider.url("/authorize");
    result.redirect_uris = {"https://client.example/cb"};
    result.artifacts_dir = (m_dir / "shots").string();
    result.artifacts_prefix = "shots/";
    return result;
  }

  static std::vector<BrowserStep> login_steps() {
    BrowserStep user = step(BrowserStep::Kind::fill, "#user");
    user.value = "parity-user";
    BrowserStep pass = step(BrowserStep::Kind::fill, "#pass");
    pass.value = "secret-pass-w0rd";
    pass.secret = true;
    return {step(BrowserStep::Kind::wait_url, "http://127.0.0.1:*/login"),
            user,
            pass,
            step(BrowserStep::Kind::click, "#go"),
            step(BrowserStep::Kind::click, "#agree", true),
            step(BrowserStep::Kind::click, "#allow", true),
            step(BrowserStep::Kind::click, "#next")};
  }

  JavaScriptProvider m_provider;
  fs::path m_dir;
};

TEST_F(BrowserLoginTest, LogsInOnAScriptedPageWithConsentOnlyWhenAsked) {
  BrowserService service(settings(login_steps()));
  for (int round = 0; round < 2; ++round) {  // consent on the first login only
    const LoginResult result = login_in_browser(
        service,
        {m_provider.url("/authorize?state=s1"), {"https://client.example/cb"}, "suite/case"});
    ASSERT_EQ(result.error, "") << "round " << round;
    ASSERT_FALSE(result.exchanges.empty());
    const http::Exchange& judged = result.exchanges.back();
    EXPECT_EQ(judged.request.url, m_provider.url("/continue"));
    EXPECT_EQ(judged.response.status, 303);
    EXPECT_EQ(http::find_header(judged.response.headers, "Location"),
              "https://client.example/cb?code=c0de&state=s1");
    for (const http::Exchange& exchange : result.exchanges) {
      EXPECT_TRUE(exchange.request.body.empty());  // what was typed is never recorded
      EXPECT_EQ(exchange.request.url.find("client.example"), std::string::npos);
    }
    EXPECT_TRUE(result.screenshot.empty());
  }
}

TEST_F(BrowserLoginTest, AnErrorPageIsTheAnswer) {
  BrowserService service(settings(login_steps()));
  const LoginResult result = login_in_browser(
      service, {m_provider.url("/authorize?bad=1"), {"https://client.example/cb"}, "c"});
  ASSERT_EQ(result.error, "");
  ASSERT_FALSE(result.exchanges.empty());
  EXPECT_EQ(result.exchanges.back().response.status, 400);
  EXPECT_NE(result.exchanges.back().response.body.find("unknown request_uri"), std::string::npos);
}

TEST_F(BrowserLoginTest, AFailedStepNamesStepPageAndScreenshotWithoutTheSecret) {
  std::vector<BrowserStep> steps = login_steps();
  steps.insert(steps.begin() + 3, step(BrowserStep::Kind::wait_selector, "#never-there"));
  steps[3].timeout_ms = 1500;
  BrowserService service(settings(steps));
  const LoginResult result = login_in_browser(
      service, {m_provider.url("/authorize"), {"https://client.example/cb"}, "par.flow/full flow"});
  EXPECT_NE(result.error.find("browser step 4 of 8 (wait_for '#never-there')"), std::string::npos)
      << result.error;
  EXPECT_NE(result.error.find("within 1500 ms"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("page: " + m_provider.url("/login")), std::string::npos)
      << result.error;
  EXPECT_NE(result.error.find("page source: <"), std::string::npos) << result.error;
  EXPECT_EQ(result.error.find("secret-pass-w0rd"), std::string::npos);
  ASSERT_EQ(result.screenshot, "shots/par.flow_full_flow-1.png");
  EXPECT_NE(result.error.find("screenshot: shots/par.flow_full_flow-1.png"), std::string::npos);
  std::ifstream png(m_dir / result.screenshot, std::ios::binary);
  std::string magic(8, '\0');
  png.read(magic.data(), 8);
  EXPECT_EQ(magic, "\x89PNG\r\n\x1a\n");
}

TEST_F(BrowserLoginTest, EveryProcessEndsWithTheService) {
  std::string marker;
  {
    BrowserService service(settings(login_steps()));
    marker = service.marker();
    const LoginResult result = login_in_browser(
        service, {m_provider.url("/authorize"), {"https://client.example/cb"}, "c"});
    EXPECT_EQ(result.error, "");
    EXPECT_FALSE(processes_with_environment(marker).empty());  // the driver is still running
  }
  EXPECT_TRUE(processes_with_environment(marker).empty());
}

TEST(BrowserServiceTest, AMissingDriverMakesEveryLoginFailClearly) {
  BrowserSettings settings;
  settings.script.declared = true;
  settings.script.chromedriver = "/nonexistent/chromedriver";
  settings.authorization_endpoint = "http://127.0.0.1:9/authorize";
  BrowserService service(settings);
  const LoginResult result = login_in_browser(service, {"http://127.0.0.1:9/authorize", {}, "c"});
  EXPECT_NE(result.error.find("no ChromeDriver found ('/nonexistent/chromedriver'"),
            std::string::npos)
      << result.error;
}

TEST(BrowserServiceTest, ARedirectUriOnTheProvidersHostIsRefused) {
  if (!have_browser()) {
    GTEST_SKIP() << "chromedriver is not installed";
  }
  BrowserSettings settings;
  settings.script.declared = true;
  settings.authorization_endpoint = "http://127.0.0.1:9/authorize";
  settings.redirect_uris = {"http://127.0.0.1:8080/cb"};
  BrowserService service(settings);
  const LoginResult result = login_in_browser(service, {"http://127.0.0.1:9/authorize", {}, "c"});
  EXPECT_NE(result.error.find("is on the provider's host"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace parity::login
