#include "http/excerpt.hpp"

#include "core/display_text.hpp"

namespace parity::http {
namespace {

/// One header name or value keeps at most this share of the excerpt: a 100 KiB cookie must not
/// push the Content-Type that follows it out of the record.
constexpr std::size_t k_value_share = 8;

void cut_body(std::string& body, Cut& cut, std::size_t max_bytes) {
  const std::size_t keep = display_prefix_length(body, max_bytes);
  if (keep == body.size()) {
    return;
  }
  cut.truncated = true;
  cut.original_bytes = body.size();
  body.resize(keep);
  body.shrink_to_fit();
}

void cut_headers(Headers& headers, Cut& cut, std::size_t max_bytes) {
  const std::size_t max_value = max_bytes / k_value_share;
  std::size_t original = 0;
  std::size_t used = 0;
  std::size_t keep = headers.size();
  bool cut_value = false;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    auto& [name, value] = headers[i];
    original += name.size() + value.size() + 3;  // "Name: value\n"
    if (keep != headers.size()) {
      continue;
    }
    const std::size_t value_keep = display_prefix_length(value, max_value);
    const std::size_t name_keep = display_prefix_length(name, max_value);
    const std::size_t cost = name_keep + value_keep + k_header_excerpt_overhead;
    if (used + cost > max_bytes) {
      keep = i;
      continue;
    }
    used += cost;
    if (value_keep < value.size() || name_keep < name.size()) {
      cut_value = true;
      name.resize(name_keep);
      value.resize(value_keep);
      value += "…";
    }
  }
  if (keep == headers.size() && !cut_value) {
    return;
  }
  cut.truncated = true;
  cut.original_bytes = original;
  cut.original_count = headers.size();
  headers.resize(keep);
  headers.shrink_to_fit();
}

}  // namespace

Exchange excerpt(Exchange exchange, std::size_t max_bytes) {
  cut_body(exchange.request.body, exchange.request.body_cut, max_bytes);
  cut_headers(exchange.request.headers, exchange.request.headers_cut, max_bytes);
  cut_body(exchange.response.body, exchange.response.body_cut, max_bytes);
  cut_headers(exchange.response.headers, exchange.response.headers_cut, max_bytes);
  return exchange;
}

}  // namespace parity::http
