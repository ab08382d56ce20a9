#include "login/webdriver.hpp"

#include "crypto/base64url.hpp"

namespace parity::login {
namespace {

/// W3C WebDriver §12.2: the key under which a web element reference is serialised.
constexpr const char* k_element_key = "element-6066-11e4-a52e-4f735466cecf";

nlohmann::json parse_answer(const http::Exchange& exchange) {
  if (!exchange.transport_error.empty()) {
    throw WebDriverError("no answer", exchange.transport_error);
  }
  nlohmann::json answer = nlohmann::json::parse(exchange.response.body, nullptr, false);
  if (answer.is_discarded() || !answer.is_object() || !answer.contains("value")) {
    throw WebDriverError("no answer",
                         "the driver answered status " + std::to_string(exchange.response.status) +
                             " without a JSON value");
  }
  const nlohmann::json& value = answer["value"];
  // §6.6: an error is a value with "error" and "message", sent with a 4xx or 5xx status.
  if (exchange.response.status >= 400 || (value.is_object() && value.contains("error"))) {
    const std::string code =
        value.is_object() ? value.value("error", "unknown error") : "unknown error";
    std::string message = value.is_object() ? value.value("message", "") : "";
    message = message.substr(0, message.find('\n'));  // drop the driver's stack trace
    throw WebDriverError(code, message);
  }
  return value;
}

}  // namespace

WebDriverSession::WebDriverSession(std::unique_ptr<http::HttpClient> http,
                                   std::string driver_url,
                                   const nlohmann::json& capabilities)
    : m_http(std::move(http)), m_driver_url(std::move(driver_url)) {
  http::Request request;
  request.method = "POST";
  request.url = m_driver_url + "/session";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = nlohmann::json{{"capabilities", capabilities}}.dump();
  const nlohmann::json value = parse_answer(m_http->send(request));
  const std::string id = value.value("sessionId", "");
  if (id.empty()) {
    throw WebDriverError("session not created", "the driver returned no session id");
  }
  m_session_url = m_driver_url + "/session/" + id;
}

WebDriverSession::~WebDriverSession() {
  try {
    command("DELETE", "");
  } catch (...) {  // NOLINT(bugprone-empty-catch): the driver is stopped next anyway
  }
}

nlohmann::json WebDriverSession::command(const std::string& method,
                                         const std::string& path,
                                         const nlohmann::json& body) {
  http::Request request;
  request.method = method;
  request.url = m_session_url + path;
  if (method == "POST") {
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body.is_null() ? "{}" : body.dump();
  }
  return parse_answer(m_http->send(request));
}

void WebDriverSession::navigate(const std::string& url) {
  command("POST", "/url", {{"url", url}});
}

void WebDriverSession::open_once(const std::string& url) {
  command("POST",
          "/execute/sync",
          {{"script", "window.location.assign(arguments[0]);"}, {"args", {url}}});
}

std::string WebDriverSession::current_url() {
  const nlohmann::json value = command("GET", "/url");
  return value.is_string() ? value.get<std::string>() : "";
}

std::optional<std::string> WebDriverSession::find_element(const std::string& css_selector) {
  try {
    const nlohmann::json value =
        command("POST", "/element", {{"using", "css selector"}, {"value", css_selector}});
    if (value.is_object() && value.contains(k_element_key)) {
      return value[k_element_key].get<std::string>();
    }
    return std::nullopt;
  } catch (const WebDriverError& error) {
    if (error.code() == "no such element") {
      return std::nullopt;
    }
    throw;
  }
}

bool WebDriverSession::is_displayed(const std::string& element) {
  const nlohmann::json value = command("GET", "/element/" + element + "/displayed");
  return value.is_boolean() && value.get<bool>();
}

void WebDriverSession::clear(const std::string& element) {
  command("POST", "/element/" + element + "/clear");
}

void WebDriverSession::send_keys(const std::string& element, const std::string& text) {
  command("POST", "/element/" + element + "/value", {{"text", text}});
}

void WebDriverSession::click(const std::string& element) {
  command("POST", "/element/" + element + "/click");
}

std::string WebDriverSession::page_source() {
  const nlohmann::json value = command("GET", "/source");
  return value.is_string() ? value.get<std::string>() : "";
}

std::string WebDriverSession::screenshot_png() {
  const nlohmann::json value = command("GET", "/screenshot");
  const std::optional<std::string> png =
      crypto::base64_decode(value.is_string() ? value.get<std::string>() : "");
  if (!png) {
    throw WebDriverError("unknown error", "the screenshot is not base64");
  }
  return *png;
}

nlohmann::json WebDriverSession::log_entries(const std::string& type) {
  nlohmann::json value = command("POST", "/se/log", {{"type", type}});
  return value.is_array() ? value : nlohmann::json::array();
}

}  // namespace parity::login
