#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "login/child_process.hpp"
#include "login/webdriver.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <mutex>
#include <semaphore>
#include <string>
#include <utility>
#include <vector>

namespace parity::login {

/// What the browsers of one run need to know (profiles/README.md, "Browser login").
struct BrowserSettings {
  BrowserScript script;
  /// The provider's authorization endpoint: its server's certificate is verified by parity and
  /// its key pinned in the browser when the profile names a CA file.
  std::string authorization_endpoint;
  http::ClientOptions tls;  ///< the profile's TLS settings (verification, CA file)
  /// Every client's redirect URIs: their hosts never resolve in the browser, so it is never
  /// sent to the redirect target (the login reads the navigation instead).
  std::vector<std::string> redirect_uris;
  std::string artifacts_dir;     ///< where screenshots go (absolute; empty: none are taken)
  std::string artifacts_prefix;  ///< how reports name that directory (relative to the reports)
};

/// The browsers of one run: one ChromeDriver on a free loopback port, started by the
/// constructor (call it from a thread that outlives the object), and a headless Chromium per
/// login, each with a fresh private profile directory under a temporary directory of the
/// run. At most `script.sessions` cases use browsers at once (Ticket); more wait before
/// they start. Browsers are started ahead (`sessions` of them at start, a new one when a
/// login ends), so a login does not wait for its browser between its push and its
/// authorization request. The
/// destructor ends the sessions, the driver and every process started under the run's
/// environment marker, by process id, and removes the temporary directory; signals and
/// exit() end the driver's process group too (child_process.hpp).
class BrowserService {
 public:
  explicit BrowserService(BrowserSettings settings);
  BrowserService(const BrowserService&) = delete;
  BrowserService& operator=(const BrowserService&) = delete;
  BrowserService(BrowserService&&) = delete;
  BrowserService& operator=(BrowserService&&) = delete;
  ~BrowserService();

  /// A case's right to use browsers: at most `script.sessions` cases hold one at once; the
  /// logins of a case (several when a step repeats concurrently) need no other. Taken before
  /// the case's push, so no login waits for a browser after its request_uri was issued.
  class Ticket {
   public:
    explicit Ticket(BrowserService& service);
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Ticket(Ticket&&) = delete;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    BrowserService& m_service;
  };

  /// Waits until fewer than `script.sessions` cases hold a ticket.
  std::unique_ptr<Ticket> reserve() { return std::make_unique<Ticket>(*this); }

  /// A browser session for one login; the browser ends when it is destroyed.
  class Lease {
   public:
    Lease(BrowserService& service, std::unique_ptr<WebDriverSession> session, std::string dir);
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    WebDriverSession& session() { return *m_session; }

   private:
    BrowserService& m_service;
    std::unique_ptr<WebDriverSession> m_session;
    std::string m_dir;
  };

  /// A session for one login: a browser started ahead, or a new one; throws
  /// std::runtime_error (why the driver or the browser is unusable) instead.
  std::unique_ptr<Lease> open();

  const BrowserSettings& settings() const { return m_settings; }

  /// A new file for a screenshot of case `case_id`: its absolute path and the path reports
  /// give (artifacts_prefix + name). Both empty when screenshots are off.
  std::pair<std::string, std::string> screenshot_path(const std::string& case_id);

  /// The environment entry ("PARITY_BROWSER_RUN=<token>") every process of this run carries.
  const std::string& marker() const { return m_marker; }

 private:
  void start_driver();
  void end_processes();
  /// A new browser session with a fresh profile directory; throws std::runtime_error.
  std::pair<std::unique_ptr<WebDriverSession>, std::string> new_session();
  /// Starts a session for the next login, so that its browser is ready before its
  /// authorization request (a request_uri may live only seconds); errors are left to open().
  void keep_one_ready();
  nlohmann::json capabilities(const std::string& profile_dir) const;

  BrowserSettings m_settings;
  std::string m_temp_dir;
  std::string m_marker;
  std::string m_driver_url;
  std::unique_ptr<ChildProcess> m_driver;
  std::string m_start_error;                ///< non-empty: every open() fails with it
  std::string m_chromium;                   ///< the browser binary the driver starts
  std::vector<std::string> m_browser_args;  ///< the browser's command-line switches
  std::counting_semaphore<16> m_slots;
  std::mutex m_mutex;
  /// Started sessions no login holds yet, with their profile directories.
  std::vector<std::pair<std::unique_ptr<WebDriverSession>, std::string>> m_ready;
  int m_sessions_opened = 0;
  int m_screenshots = 0;
};

}  // namespace parity::login
