#include "login/network_log.hpp"

#include "login/login_flow.hpp"

namespace parity::login {
namespace {

bool is_http_url(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

bool is_kept_type(const std::string& type) {
  return type == "Document" || type == "XHR" || type == "Fetch";
}

http::Response response_of(const nlohmann::json& response) {
  http::Response result;
  result.status = response.value("status", 0);
  if (response.contains("headers")) {
    result.headers = headers_of(response["headers"]);
  }
  return result;
}

}  // namespace

http::Headers headers_of(const nlohmann::json& object) {
  http::Headers headers;
  if (!object.is_object()) {
    return headers;
  }
  for (const auto& [name, value] : object.items()) {
    // DevTools joins repeated headers with '\n'.
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = text.find('\n', start);
      headers.emplace_back(name, text.substr(start, end == std::string::npos ? end : end - start));
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
  }
  return headers;
}

void NetworkLog::add(const nlohmann::json& entries) {
  if (!entries.is_array()) {
    return;
  }
  for (const nlohmann::json& entry : entries) {
    if (!entry.is_object() || !entry.contains("message") || !entry["message"].is_string()) {
      continue;
    }
    const nlohmann::json message =
        nlohmann::json::parse(entry["message"].get<std::string>(), nullptr, false);
    if (message.is_discarded() || !message.contains("message")) {
      continue;
    }
    const nlohmann::json& event = message["message"];
    const std::string method = event.value("method", "");
    if (!event.contains("params") || !event["params"].is_object()) {
      continue;
    }
    const nlohmann::json& params = event["params"];
    if (method == "Network.requestWillBeSent") {
      on_request(params);
    } else if (method == "Network.responseReceived") {
      on_response(params);
    } else if (method == "Network.loadingFailed") {
      on_failure(params);
    }
  }
}

void NetworkLog::on_request(const nlohmann::json& params) {
  const std::string id = params.value("requestId", "");
  std::optional<std::size_t> redirected_from;
  const auto latest = m_latest.find(id);
  if (latest != m_latest.end() && params.contains("redirectResponse")) {
    Record& previous = m_records[latest->second];
    previous.exchange.response = response_of(params["redirectResponse"]);
    previous.answered = true;
    redirected_from = latest->second;
  }
  if (!params.contains("request") || !params["request"].is_object()) {
    return;
  }
  const nlohmann::json& request = params["request"];
  Record record;
  record.request_id = id;
  record.type = params.value("type", "");
  record.frame_id = params.value("frameId", "");
  if (params.contains("initiator") && params["initiator"].is_object()) {
    record.initiator = params["initiator"].value("type", "");
  }
  record.exchange.request.method = request.value("method", "GET");
  record.exchange.request.url = request.value("url", "");
  if (request.contains("headers")) {
    record.exchange.request.headers = headers_of(request["headers"]);
  }
  record.redirected_from = redirected_from;
  if (!is_http_url(record.exchange.request.url) || !is_kept_type(record.type)) {
    m_latest.erase(id);
    return;
  }
  if (m_main_frame.empty() && record.type == "Document") {
    m_main_frame = record.frame_id;
  }
  m_latest[id] = m_records.size();
  m_records.push_back(std::move(record));
}

void NetworkLog::on_response(const nlohmann::json& params) {
  const auto latest = m_latest.find(params.value("requestId", ""));
  if (latest == m_latest.end() || !params.contains("response")) {
    return;
  }
  Record& record = m_records[latest->second];
  record.exchange.response = response_of(params["response"]);
  record.answered = true;
}

void NetworkLog::on_failure(const nlohmann::json& params) {
  const auto latest = m_latest.find(params.value("requestId", ""));
  if (latest == m_latest.end()) {
    return;
  }
  Record& record = m_records[latest->second];
  if (!record.answered) {
    record.exchange.transport_error = "browser: " + params.value("errorText", "failed");
  }
}

bool NetworkLog::is_main_document(const Record& record) const {
  return record.type == "Document" && record.frame_id == m_main_frame;
}

std::optional<NetworkLog::Ending> NetworkLog::ending(
    const std::vector<std::string>& redirect_uris) const {
  std::optional<std::size_t> last_page;
  for (std::size_t index = 0; index < m_records.size(); ++index) {
    const Record& record = m_records[index];
    if (!is_main_document(record)) {
      continue;
    }
    if (is_redirect_uri(record.exchange.request.url, redirect_uris)) {
      Ending ending;
      if (record.redirected_from) {
        ending.judged_index = *record.redirected_from;
        ending.judged = m_records[*record.redirected_from].exchange;
        return ending;
      }
      // No HTTP redirect: the page's script or a form sent the browser here.
      if (last_page) {
        ending.judged = m_records[*last_page].exchange;
      }
      ending.judged.response.headers.emplace_back("Location", record.exchange.request.url);
      ending.judged.response.headers.emplace_back(
          "X-Parity-Browser-Navigation",
          (record.initiator.empty() ? "other" : record.initiator) + " (not an HTTP redirect)");
      return ending;
    }
    if (record.answered && record.exchange.response.status >= 400) {
      Ending ending;
      ending.kind = Ending::Kind::error_page;
      ending.judged_index = index;
      ending.judged = record.exchange;
      return ending;
    }
    if (record.answered && record.exchange.response.status < 300) {
      last_page = index;
    }
  }
  return std::nullopt;
}

std::vector<http::Exchange> NetworkLog::exchanges(const std::vector<std::string>& redirect_uris,
                                                  const std::optional<Ending>& ending) const {
  std::vector<http::Exchange> result;
  for (std::size_t index = 0; index < m_records.size(); ++index) {
    const Record& record = m_records[index];
    if ((ending && ending->judged_index == index) ||
        (record.type == "Document" &&
         (is_redirect_uri(record.exchange.request.url, redirect_uris) ||
          (!record.answered && record.exchange.transport_error.empty())))) {
      continue;
    }
    http::Exchange exchange = record.exchange;
    if (!record.answered && exchange.transport_error.empty()) {
      exchange.transport_error = "browser: no response recorded";
    }
    result.push_back(std::move(exchange));
  }
  if (ending) {
    result.push_back(ending->judged);
  }
  return result;
}

std::string NetworkLog::last_document_url() const {
  for (std::size_t index = m_records.size(); index > 0; --index) {
    if (is_main_document(m_records[index - 1])) {
      return m_records[index - 1].exchange.request.url;
    }
  }
  return "";
}

}  // namespace parity::login
