#pragma once

#include "core/http_message.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace parity::login {

/// A WebDriver command that failed: the W3C error code ("no such element", "timeout",
/// "unknown error", …, or "no answer" when the driver did not respond) and its message.
class WebDriverError : public std::runtime_error {
 public:
  WebDriverError(std::string code, const std::string& message)
      : std::runtime_error(code + ": " + message), m_code(std::move(code)) {}
  const std::string& code() const { return m_code; }

 private:
  std::string m_code;
};

/// One browser session of a W3C WebDriver server (https://www.w3.org/TR/webdriver2/), spoken
/// as plain HTTP and JSON. Not thread-safe: one session per login at a time.
class WebDriverSession {
 public:
  /// New Session (§8.1) on the driver at `driver_url` ("http://127.0.0.1:PORT"). Throws
  /// WebDriverError when the driver refuses or cannot start the browser.
  WebDriverSession(std::unique_ptr<http::HttpClient> http,
                   std::string driver_url,
                   const nlohmann::json& capabilities);
  WebDriverSession(const WebDriverSession&) = delete;
  WebDriverSession& operator=(const WebDriverSession&) = delete;
  WebDriverSession(WebDriverSession&&) = delete;
  WebDriverSession& operator=(WebDriverSession&&) = delete;
  /// Delete Session (§8.2): the driver ends the browser. Errors are ignored.
  ~WebDriverSession();

  /// Navigate To (§10.1). ChromeDriver sends the request again when the navigation fails,
  /// so requests that must go out once are opened with open_once.
  void navigate(const std::string& url);
  /// Sends the page to `url` from its script (Execute Script, §15.2.1): one request, even
  /// when the navigation fails; returns at once.
  void open_once(const std::string& url);
  /// Get Current URL (§10.2).
  std::string current_url();
  /// Find Element (§12.3.2) by CSS selector; nullopt when no element matches.
  std::optional<std::string> find_element(const std::string& css_selector);
  /// Is Element Displayed (Appendix C).
  bool is_displayed(const std::string& element);
  /// Element Clear (§12.5.2).
  void clear(const std::string& element);
  /// Element Send Keys (§12.5.3).
  void send_keys(const std::string& element, const std::string& text);
  /// Element Click (§12.5.1).
  void click(const std::string& element);
  /// Get Page Source (§13.1).
  std::string page_source();
  /// Take Screenshot (§17.1), decoded PNG bytes.
  std::string screenshot_png();
  /// ChromeDriver's log extension: the entries of log `type` since the last call.
  nlohmann::json log_entries(const std::string& type);

 private:
  nlohmann::json command(const std::string& method,
                         const std::string& path,
                         const nlohmann::json& body = nullptr);

  std::unique_ptr<http::HttpClient> m_http;
  std::string m_driver_url;
  std::string m_session_url;
};

}  // namespace parity::login
