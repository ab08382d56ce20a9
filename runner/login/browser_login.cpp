#include "login/browser_login.hpp"

#include "login/network_log.hpp"
#include "login/page_excerpt.hpp"
#include "login/url_glob.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <thread>

namespace parity::login {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr milliseconds k_poll{100};
/// How long the browser may show its start page, having asked for no page, before the
/// authorization request is opened again.
constexpr milliseconds k_open_retry{5000};
/// Of an error page's source, what the judged answer keeps (as parity's HTTP client would).
constexpr std::size_t k_error_page_bytes = 1U << 20U;
constexpr std::size_t k_excerpt_bytes = 600;

std::string seconds_text(long ms) {
  return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

std::string describe(const BrowserStep& step) {
  switch (step.kind) {
    case BrowserStep::Kind::wait_url:
      return "wait_for_url '" + step.target + "'";
    case BrowserStep::Kind::wait_selector:
      return "wait_for '" + step.target + "'";
    case BrowserStep::Kind::fill:
      return "fill '" + step.target + "'";
    case BrowserStep::Kind::click:
      return "click '" + step.target + "'";
  }
  return step.target;
}

// Errors that a later try may not have: the page was still changing.
bool is_transient(const WebDriverError& error) {
  const std::string& code = error.code();
  return code == "stale element reference" || code == "element click intercepted" ||
         code == "element not interactable" || code == "no such element" || code == "timeout" ||
         code == "script timeout" || code == "unknown error" || code == "javascript error";
}

class BrowserLogin {
 public:
  BrowserLogin(BrowserService& service,
               const BrowserLoginRequest& request,
               WebDriverSession& session)
      : m_service(service),
        m_script(service.settings().script),
        m_request(request),
        m_session(session),
        m_deadline(Clock::now() + milliseconds(m_script.timeout_ms)) {}

  LoginResult run() {
    if (const std::optional<std::string> problem = open_authorization_request()) {
      return failure(std::nullopt, *problem);
    }
    for (std::size_t index = 0; index < m_script.steps.size(); ++index) {
      if (ended()) {
        return success();
      }
      const std::string problem = run_step(m_script.steps[index], next_required_target(index));
      if (!problem.empty()) {
        return ended() ? success() : failure(index, problem);
      }
    }
    while (!ended()) {
      if (Clock::now() >= m_deadline) {
        return failure(std::nullopt,
                       "after the last step the browser was not sent to the client within the "
                       "login's " +
                           seconds_text(m_script.timeout_ms));
      }
      std::this_thread::sleep_for(k_poll);
    }
    return success();
  }

 private:
  // Reads the new log entries; true once the login has ended.
  bool ended() {
    if (!m_ending) {
      try {
        m_log.add(m_session.log_entries("performance"));
      } catch (const WebDriverError&) {
        return false;  // the next command will say what is wrong
      }
      m_ending = m_log.ending(m_request.redirect_uris);
    }
    return m_ending.has_value();
  }

  // Sends the browser to the authorization request, once; a problem when it cannot. Not
  // Navigate To: ChromeDriver repeats a navigation that fails (as the redirect to the client
  // does), which would send the authorization request, and its request_uri, again.
  std::optional<std::string> open_authorization_request() {
    // A new browser may still be loading its start page, and that load would cancel a
    // navigation the page's script starts; an about: page loads without the network.
    try {
      m_session.navigate("about:blank");
    } catch (const WebDriverError& error) {
      if (!is_transient(error)) {
        return std::string("cannot open a blank page: ") + error.what();
      }
    }
    // The steps' timeouts count from the authorization request's first page: on a busy
    // machine a new browser may stay on its start page longer than a step may wait. The
    // navigation is started again only while the browser has asked for no page at all, so
    // the request goes out once.
    Clock::time_point retry_at = Clock::now();
    while (!ended() && on_start_page()) {
      if (Clock::now() >= m_deadline) {
        return "the browser did not leave its start page for the authorization request "
               "within the login's " +
               seconds_text(m_script.timeout_ms);
      }
      if (Clock::now() >= retry_at && m_log.last_document_url().empty()) {
        try {
          m_session.open_once(m_request.authorize_url);
        } catch (const WebDriverError& error) {
          if (!is_transient(error)) {
            return std::string("cannot open the authorization request: ") + error.what();
          }
        }
        retry_at = Clock::now() + k_open_retry;
      }
      std::this_thread::sleep_for(k_poll);
    }
    return std::nullopt;
  }

  // The selector of the first required step after `index` ("" when none): once it shows, an
  // optional step before it is moot (the page it handles did not come).
  std::string next_required_target(std::size_t index) const {
    for (std::size_t next = index + 1; next < m_script.steps.size(); ++next) {
      const BrowserStep& step = m_script.steps[next];
      if (!step.optional) {
        return step.kind == BrowserStep::Kind::wait_url ? "" : step.target;
      }
    }
    return "";
  }

  // True while the browser shows the page it started with (about:blank, a chrome:// page),
  // or cannot tell yet: the authorization request has not been loaded.
  bool on_start_page() {
    std::string url;
    try {
      url = m_session.current_url();
    } catch (const WebDriverError& error) {
      if (!is_transient(error)) {
        throw;
      }
      return true;
    }
    return url.empty() || url.rfind("about:", 0) == 0 || url.rfind("chrome:", 0) == 0 ||
           url.rfind("data:", 0) == 0;
  }

  bool shown(const std::string& css) {
    if (css.empty()) {
      return false;
    }
    try {
      const std::optional<std::string> element = m_session.find_element(css);
      return element && m_session.is_displayed(*element);
    } catch (const WebDriverError& error) {
      if (!is_transient(error)) {
        throw;
      }
      return false;
    }
  }

  Clock::time_point step_deadline(const BrowserStep& step) const {
    return std::min(m_deadline, Clock::now() + milliseconds(step_timeout_of(step)));
  }

  // A shown element matching `css`, waiting until `deadline`, the end of the login, or (for an
  // optional step) an element matching `skip_when` showing first.
  std::optional<std::string> wait_for_element(const std::string& css,
                                              Clock::time_point deadline,
                                              const std::string& skip_when = "") {
    while (!ended()) {
      try {
        if (std::optional<std::string> element = m_session.find_element(css)) {
          if (m_session.is_displayed(*element)) {
            return element;
          }
        }
      } catch (const WebDriverError& error) {
        if (!is_transient(error)) {
          throw;
        }
      }
      if (Clock::now() >= deadline || shown(skip_when)) {
        break;
      }
      std::this_thread::sleep_for(k_poll);
    }
    return std::nullopt;
  }

  // Acts on the element, again while the page is still changing under it.
  template <typename Action>
  std::string act(const BrowserStep& step,
                  Clock::time_point deadline,
                  const std::string& skip_when,
                  Action action) {
    std::string last_error;
    while (!ended()) {
      const std::optional<std::string> element = wait_for_element(step.target, deadline, skip_when);
      if (!element) {
        if (ended() || step.optional) {
          return "";
        }
        return last_error.empty() ? "no shown element matches '" + step.target + "' within " +
                                        seconds_text(step_timeout_of(step))
                                  : last_error;
      }
      try {
        action(*element);
        return "";
      } catch (const WebDriverError& error) {
        if (!is_transient(error)) {
          throw;
        }
        last_error = error.what();
      }
      if (Clock::now() >= deadline) {
        return last_error;
      }
      std::this_thread::sleep_for(k_poll);
    }
    return "";
  }

  long step_timeout_of(const BrowserStep& step) const {
    return step.timeout_ms > 0 ? step.timeout_ms
           : step.optional     ? m_script.optional_timeout_ms
                               : m_script.step_timeout_ms;
  }

  // "" when done (or skipped, or the login ended meanwhile), else why the step failed.
  std::string run_step(const BrowserStep& step, const std::string& next_required) {
    const Clock::time_point deadline = step_deadline(step);
    const std::string skip_when = step.optional ? next_required : "";
    try {
      switch (step.kind) {
        case BrowserStep::Kind::wait_url:
          return wait_for_url(step, deadline);
        case BrowserStep::Kind::wait_selector:
          if (!wait_for_element(step.target, deadline, skip_when) && !ended() && !step.optional) {
            return "no shown element matches '" + step.target + "' within " +
                   seconds_text(step_timeout_of(step));
          }
          return "";
        case BrowserStep::Kind::fill:
          return act(step, deadline, skip_when, [&](const std::string& element) {
            m_session.clear(element);
            m_session.send_keys(element, step.value);
            if (step.secret) {
              m_secret_elements.push_back(element);
            }
          });
        case BrowserStep::Kind::click:
          return act(step, deadline, skip_when, [&](const std::string& element) {
            m_session.click(element);
          });
      }
    } catch (const WebDriverError& error) {
      return std::string("the browser failed: ") + error.what();
    }
    return "";
  }

  std::string wait_for_url(const BrowserStep& step, Clock::time_point deadline) {
    std::string url;
    while (!ended()) {
      try {
        url = m_session.current_url();
      } catch (const WebDriverError& error) {
        if (!is_transient(error)) {
          throw;
        }
      }
      if (glob_matches(step.target, url)) {
        return "";
      }
      if (Clock::now() >= deadline) {
        return "the page URL did not match within " + seconds_text(step_timeout_of(step));
      }
      std::this_thread::sleep_for(k_poll);
    }
    return "";
  }

  LoginResult success() {
    LoginResult result;
    NetworkLog::Ending ending = *m_ending;
    if (ending.kind == NetworkLog::Ending::Kind::error_page) {
      try {
        ending.judged.response.body = m_session.page_source().substr(0, k_error_page_bytes);
      } catch (const WebDriverError&) {  // NOLINT(bugprone-empty-catch): the status is the answer
      }
    }
    result.exchanges = m_log.exchanges(m_request.redirect_uris, ending);
    return result;
  }

  LoginResult failure(std::optional<std::size_t> step, const std::string& problem) {
    LoginResult result;
    std::string url = m_log.last_document_url();
    std::string excerpt;
    try {
      url = m_session.current_url();
      excerpt = source_excerpt(m_session.page_source(), k_excerpt_bytes);
    } catch (const WebDriverError&) {  // NOLINT(bugprone-empty-catch): report what is known
    }
    result.screenshot = take_screenshot();
    result.exchanges = m_log.exchanges(m_request.redirect_uris, std::nullopt);
    std::string where = "login: browser";
    if (step) {
      where += " step " + std::to_string(*step + 1) + " of " +
               std::to_string(m_script.steps.size()) + " (" + describe(m_script.steps[*step]) + ")";
    }
    result.error = where + ": " + problem + "; page: " + (url.empty() ? "(none)" : url) +
                   "; page source: " + (excerpt.empty() ? "(none)" : excerpt) +
                   "; screenshot: " + (result.screenshot.empty() ? "(none)" : result.screenshot);
    return result;
  }

  // Typed secrets are cleared first, so the picture cannot show them.
  std::string take_screenshot() {
    const auto [path, reported] = m_service.screenshot_path(m_request.case_id);
    if (path.empty()) {
      return "";
    }
    try {
      for (const std::string& element : m_secret_elements) {
        try {
          m_session.clear(element);
        } catch (const WebDriverError&) {  // NOLINT(bugprone-empty-catch): gone with its page
        }
      }
      const std::string png = m_session.screenshot_png();
      std::ofstream out(path, std::ios::binary);
      out.write(png.data(), static_cast<std::streamsize>(png.size()));
      return out ? reported : "";
    } catch (const WebDriverError&) {
      return "";
    }
  }

  BrowserService& m_service;
  const BrowserScript& m_script;
  const BrowserLoginRequest& m_request;
  WebDriverSession& m_session;
  Clock::time_point m_deadline;
  NetworkLog m_log;
  std::optional<NetworkLog::Ending> m_ending;
  std::vector<std::string> m_secret_elements;
};

}  // namespace

LoginResult login_in_browser(BrowserService& service, const BrowserLoginRequest& request) {
  std::unique_ptr<BrowserService::Lease> lease;
  try {
    lease = service.open();
  } catch (const std::exception& error) {
    LoginResult result;
    result.error = std::string("login: browser: ") + error.what();
    return result;
  }
  return BrowserLogin(service, request, lease->session()).run();
}

}  // namespace parity::login
