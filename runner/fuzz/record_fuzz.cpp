// libFuzzer target: what a step records of an exchange (http/redactor.hpp, then
// http/excerpt.hpp) for an arbitrary response. Input: a request line "METHOD URL", request
// header lines, an empty line, the request body up to a line "%%", then the response as in
// expect_fuzz (status line, header lines, empty line, body). Checked on every input: no
// credential the redactor learnt from the exchange (tokens, codes, cookies) is left in the
// record in any spelling it looks for, and every excerpt stays within its size.

#include "core/display_text.hpp"
#include "fuzz/fuzz_support.hpp"
#include "http/excerpt.hpp"
#include "http/redactor.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using parity::fuzz::split_once;
using parity::fuzz::take_line;
using parity::http::Headers;

constexpr std::size_t k_excerpt = 512;

Headers read_headers(std::string_view& text) {
  Headers headers;
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (line.empty()) {
      break;
    }
    const auto [name, value] = split_once(line, ": ");
    headers.emplace_back(std::string(name), std::string(value.value_or("")));
  }
  return headers;
}

parity::http::Exchange read_exchange(std::string_view text) {
  parity::http::Exchange exchange;
  const auto [request, response] = split_once(text, "\n%%\n");
  std::string_view request_text = request;
  const auto [method, url] = split_once(take_line(request_text), " ");
  exchange.request.method = std::string(method);
  exchange.request.url = std::string(url.value_or("https://as.example/token"));
  exchange.request.headers = read_headers(request_text);
  exchange.request.body = std::string(request_text);
  std::string_view response_text = response.value_or("");
  const std::string_view status = take_line(response_text);
  std::from_chars(status.data(), status.data() + status.size(), exchange.response.status);
  exchange.response.headers = read_headers(response_text);
  exchange.response.body = std::string(response_text);
  return exchange;
}

// `text` with every mask ("[redacted …]") replaced by a byte no checked value holds.
std::string without_masks(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const auto at = text.find("[redacted");
    out += text.substr(0, at);
    if (at == std::string_view::npos) {
      break;
    }
    out += '\x01';
    const auto end = text.find(']', at);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return out;
}

// The token members of a JSON response body: what must not survive redaction.
std::vector<std::string> issued_tokens(const std::string& body) {
  std::vector<std::string> tokens;
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (!document.is_object()) {
    return tokens;
  }
  for (const char* member : {"access_token", "refresh_token", "id_token"}) {
    const auto found = document.find(member);
    if (found != document.end() && found->is_string()) {
      const std::string value = found->get<std::string>();
      if (value.size() >= 8 && value.find('\x01') == std::string::npos &&
          value.find("[redacted") == std::string::npos && value.find(']') == std::string::npos) {
        tokens.push_back(value);
      }
    }
  }
  return tokens;
}

void check_excerpt(const std::string& text) {
  if (parity::display_text(text).size() > k_excerpt) {
    std::abort();
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const parity::http::Exchange exchange = read_exchange(parity::fuzz::as_text(data, size));
  parity::http::Redactor redactor;
  redactor.add_exchange_credentials(exchange);
  const parity::http::Exchange redacted = redactor.redact(exchange);
  const std::string shown_body = without_masks(redacted.response.body);
  for (const std::string& token : issued_tokens(exchange.response.body)) {
    if (shown_body.find(token) != std::string::npos) {
      std::abort();  // an issued token survived in the record
    }
  }
  const parity::http::Exchange recorded = parity::http::excerpt(redacted, k_excerpt);
  check_excerpt(recorded.request.body);
  check_excerpt(recorded.response.body);
  return 0;
}
