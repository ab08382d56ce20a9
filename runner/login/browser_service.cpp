#include "login/browser_service.hpp"

#include "crypto/random.hpp"
#include "http/curl_client.hpp"
#include "http/url.hpp"
#include "login/loopback_port.hpp"
#include "login/marked_processes.hpp"
#include "login/process_cleanup.hpp"
#include "login/server_certificate.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace parity::login {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

/// What the WebDriver server may send back at once: page sources, screenshots, the log.
constexpr std::size_t k_driver_response_bytes = 64U << 20U;

std::string find_in_path(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return access(name.c_str(), X_OK) == 0 ? name : "";
  }
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return "";
}

std::string find_chromium(const std::string& configured) {
  if (!configured.empty()) {
    return find_in_path(configured);
  }
  // Debian's /usr/bin/chromium is a shell wrapper around this binary; the driver talks to
  // the browser directly.
  for (const std::string candidate :
       {"/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"}) {
    if (std::string found = find_in_path(candidate); !found.empty()) {
      return found;
    }
  }
  return "";
}

std::string make_temp_dir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/parity-browser-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary directory under " + pattern);
  }
  return pattern;
}

std::string tail_of_file(const std::string& path, std::size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

// "MAP client.example ~NOTFOUND, …": inside the browser the hosts of the redirect URIs do not
// resolve, so a navigation there fails before any request leaves it.
std::string resolver_rules(const std::vector<std::string>& redirect_uris,
                           const std::string& provider_host) {
  std::vector<std::string> hosts;
  for (const std::string& uri : redirect_uris) {
    const std::optional<http::Url> url = http::parse_url(uri);
    if (!url) {
      continue;  // a custom scheme: the browser cannot open it anyway
    }
    if (url->host == provider_host) {
      throw std::runtime_error("redirect URI " + uri +
                               " is on the provider's host; browser login keeps the browser "
                               "from loading the redirect target by never resolving its host, "
                               "so register redirect URIs on another host (e.g. client.example)");
    }
    if (std::find(hosts.begin(), hosts.end(), url->host) == hosts.end()) {
      hosts.push_back(url->host);
    }
  }
  std::string rules;
  for (const std::string& host : hosts) {
    rules += (rules.empty() ? "" : ", ") + std::string("MAP ") + host + " ~NOTFOUND";
  }
  return rules;
}

std::string sanitize_file_name(const std::string& text) {
  std::string name;
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.';
    name += plain ? c : '_';
  }
  return name.substr(0, 120);
}

}  // namespace

BrowserService::Lease::Lease(BrowserService& service,
                             std::unique_ptr<WebDriverSession> session,
                             std::string dir)
    : m_service(service), m_session(std::move(session)), m_dir(std::move(dir)) {}

BrowserService::Lease::~Lease() {
  try {
    m_session.reset();  // Delete Session: the driver ends this browser
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
    m_service.keep_one_ready();  // for the next login
  } catch (...) {  // NOLINT(bugprone-empty-catch): the service's destructor ends what is left
  }
}

BrowserService::Ticket::Ticket(BrowserService& service) : m_service(service) {
  m_service.m_slots.acquire();
}

BrowserService::Ticket::~Ticket() {
  m_service.m_slots.release();
}

BrowserService::BrowserService(BrowserSettings settings)
    : m_settings(std::move(settings)), m_slots(m_settings.script.sessions) {
  try {
    if (!m_settings.artifacts_dir.empty()) {
      // Screenshots of an earlier run of this profile would be mistaken for this run's.
      std::error_code ignored;
      fs::remove_all(m_settings.artifacts_dir, ignored);
    }
    m_temp_dir = make_temp_dir();
    m_marker = "PARITY_BROWSER_RUN=" + crypto::random_token(24);
    register_marker(m_marker);
    start_driver();
    for (int i = 0; i < m_settings.script.sessions; ++i) {
      keep_one_ready();
    }
  } catch (const std::exception& error) {
    m_start_error = error.what();
  }
}

BrowserService::~BrowserService() {
  try {
    end_processes();
  } catch (...) {  // NOLINT(bugprone-empty-catch): exit() and the signal handlers end the rest
  }
}

void BrowserService::end_processes() {
  for (auto& [session, dir] : m_ready) {
    session.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
  m_ready.clear();
  if (m_driver) {
    m_driver->stop(std::chrono::milliseconds(2000));
  }
  // Chromium's crash handler leaves the driver's process group (it makes itself a session
  // leader) and ends on its own once its browser is gone; whatever still carries the run's
  // marker after a short wait is ended by its id.
  if (!m_marker.empty()) {
    end_marked_processes(m_marker, std::chrono::milliseconds(2000));
    unregister_marker(m_marker);
  }
  if (!m_temp_dir.empty()) {
    std::error_code ignored;
    fs::remove_all(m_temp_dir, ignored);
  }
}

void BrowserService::start_driver() {
  const std::string chromium = find_chromium(m_settings.script.chromium);
  if (chromium.empty()) {
    throw std::runtime_error("no Chromium found (" +
                             (m_settings.script.chromium.empty()
                                  ? std::string("install the Debian package chromium")
                                  : "'" + m_settings.script.chromium + "'") +
                             ")");
  }
  const std::string driver_name =
      m_settings.script.chromedriver.empty() ? "chromedriver" : m_settings.script.chromedriver;
  const std::string driver = find_in_path(driver_name);
  if (driver.empty()) {
    throw std::runtime_error("no ChromeDriver found ('" + driver_name +
                             "'; install the Debian package chromium-driver)");
  }
  const std::optional<http::Url> endpoint = http::parse_url(m_settings.authorization_endpoint);
  m_browser_args = {"--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,900"};
  const std::string rules =
      resolver_rules(m_settings.redirect_uris, endpoint ? endpoint->host : std::string());
  if (!rules.empty()) {
    m_browser_args.push_back("--host-resolver-rules=" + rules);
  }
  if (!m_settings.tls.verify_tls) {
    m_browser_args.emplace_back("--ignore-certificate-errors");
  } else if (!m_settings.tls.ca_file.empty() && endpoint && endpoint->scheme == "https") {
    m_browser_args.push_back(
        "--ignore-certificate-errors-spki-list=" +
        verified_server_key_pin(m_settings.authorization_endpoint, m_settings.tls));
  }
  m_chromium = chromium;

  const std::string log = m_temp_dir + "/chromedriver.log";
  for (int attempt = 0; attempt < 3; ++attempt) {
    const int port = free_loopback_port();
    m_driver =
        std::make_unique<ChildProcess>(std::vector<std::string>{driver,
                                                                "--port=" + std::to_string(port),
                                                                "--allowed-ips=127.0.0.1",
                                                                "--log-path=" + log},
                                       std::vector<std::string>{m_marker},
                                       m_temp_dir + "/chromedriver.out");
    m_driver_url = "http://127.0.0.1:" + std::to_string(port);
    http::ClientOptions options;
    options.timeout_ms = 2000;
    http::CurlClient client(options);
    const Clock::time_point deadline = Clock::now() + std::chrono::seconds(20);
    while (Clock::now() < deadline && m_driver->running()) {
      http::Request status;
      status.url = m_driver_url + "/status";
      const http::Exchange answer = client.send(status);
      const nlohmann::json body = nlohmann::json::parse(answer.response.body, nullptr, false);
      if (answer.response.status == 200 && !body.is_discarded() && body.contains("value") &&
          body["value"].value("ready", false)) {
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    m_driver->stop(std::chrono::milliseconds(500));
    m_driver.reset();
  }
  throw std::runtime_error(
      "ChromeDriver did not start: " + tail_of_file(m_temp_dir + "/chromedriver.out", 400) +
      tail_of_file(log, 400));
}

nlohmann::json BrowserService::capabilities(const std::string& profile_dir) const {
  nlohmann::json args = m_browser_args;
  args.push_back("--user-data-dir=" + profile_dir);
  const long step_timeout = m_settings.script.step_timeout_ms;
  return {{"alwaysMatch",
           {{"browserName", "chrome"},
            {"pageLoadStrategy", "normal"},
            {"unhandledPromptBehavior", "dismiss"},
            {"acceptInsecureCerts", !m_settings.tls.verify_tls},
            {"timeouts", {{"pageLoad", step_timeout}, {"script", step_timeout}, {"implicit", 0}}},
            {"goog:loggingPrefs", {{"performance", "ALL"}}},
            {"goog:chromeOptions",
             {{"binary", m_chromium},
              {"args", args},
              {"perfLoggingPrefs", {{"enableNetwork", true}, {"enablePage", false}}}}}}}};
}

std::pair<std::unique_ptr<WebDriverSession>, std::string> BrowserService::new_session() {
  std::string dir;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    dir = m_temp_dir + "/session-" + std::to_string(++m_sessions_opened);
  }
  try {
    fs::create_directories(dir);
    http::ClientOptions options;
    // Page loads wait up to a step's timeout inside one command; a new browser may be slow
    // on a busy machine.
    options.timeout_ms = std::max(60000L, 2 * m_settings.script.step_timeout_ms);
    options.max_response_bytes = k_driver_response_bytes;
    auto session = std::make_unique<WebDriverSession>(
        std::make_unique<http::CurlClient>(options), m_driver_url, capabilities(dir));
    return {std::move(session), dir};
  } catch (const std::exception& error) {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    throw std::runtime_error(std::string("cannot start a browser session: ") + error.what());
  }
}

void BrowserService::keep_one_ready() {
  if (!m_start_error.empty()) {
    return;
  }
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (static_cast<int>(m_ready.size()) >= m_settings.script.sessions) {
      return;
    }
  }
  try {
    auto ready = new_session();
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_ready.push_back(std::move(ready));
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): open() starts one and reports
  }
}

std::unique_ptr<BrowserService::Lease> BrowserService::open() {
  if (!m_start_error.empty()) {
    throw std::runtime_error(m_start_error);
  }
  std::pair<std::unique_ptr<WebDriverSession>, std::string> session;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_ready.empty()) {
      session = std::move(m_ready.back());
      m_ready.pop_back();
    }
  }
  if (!session.first) {
    session = new_session();
  }
  return std::make_unique<Lease>(*this, std::move(session.first), std::move(session.second));
}

std::pair<std::string, std::string> BrowserService::screenshot_path(const std::string& case_id) {
  if (m_settings.artifacts_dir.empty()) {
    return {};
  }
  int number = 0;
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    number = ++m_screenshots;
  }
  const std::string name = sanitize_file_name(case_id.empty() ? "login" : case_id) + "-" +
                           std::to_string(number) + ".png";
  std::error_code ignored;
  fs::create_directories(m_settings.artifacts_dir, ignored);
  return {m_settings.artifacts_dir + "/" + name, m_settings.artifacts_prefix + name};
}

}  // namespace parity::login
