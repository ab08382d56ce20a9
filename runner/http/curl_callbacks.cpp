#include "http/curl_callbacks.hpp"

#include "core/strings.hpp"

#include <string_view>

namespace parity::http::detail {
namespace {

// Adds one header line to `headers`; continuation lines extend the previous value.
void add_header_line(std::string_view line, Headers& headers) {
  if ((line[0] == ' ' || line[0] == '\t')) {
    if (!headers.empty()) {
      headers.back().second += " ";
      headers.back().second += trim(line, k_blanks_and_line_ends);
    }
    return;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    return;
  }
  headers.emplace_back(std::string(line.substr(0, colon)),
                       std::string(trim(line.substr(colon + 1), k_blanks_and_line_ends)));
}

}  // namespace

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* transfer) {
  auto& state = *static_cast<Transfer*>(transfer);
  const std::size_t bytes = size * count;
  if (state.response.body.size() + bytes > state.max_body) {
    state.too_large = true;
    return 0;  // makes curl abort with CURLE_WRITE_ERROR
  }
  state.response.body.append(data, bytes);
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* transfer) {
  auto& state = *static_cast<Transfer*>(transfer);
  const std::size_t bytes = size * count;
  state.header_bytes += bytes;
  if (state.header_bytes > state.max_body) {
    state.headers_too_large = true;
    return 0;  // makes curl abort with CURLE_WRITE_ERROR
  }
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  if (line.rfind("HTTP/", 0) == 0) {
    state.response.headers.clear();
  } else if (!line.empty()) {
    add_header_line(line, state.response.headers);
  }
  return bytes;
}

int on_debug(CURL* /*handle*/, curl_infotype type, char* data, std::size_t size, void* transfer) {
  if (type == CURLINFO_HEADER_OUT) {
    static_cast<Transfer*>(transfer)->sent_headers = parse_header_block({data, size});
  }
  return 0;
}

Headers parse_header_block(std::string_view block) {
  Headers headers;
  bool first_line = true;
  while (!block.empty()) {
    const auto end = block.find('\n');
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 1);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (first_line) {
      first_line = false;  // the request line
    } else if (!line.empty()) {
      add_header_line(line, headers);
    }
  }
  return headers;
}

}  // namespace parity::http::detail
