#pragma once

#include "core/http_message.hpp"

#include <curl/curl.h>

#include <cstddef>
#include <optional>

// Private to parity_http: libcurl callbacks and the per-transfer state they fill.
namespace parity::http::detail {

/// What one curl_easy_perform produced, filled in by the callbacks below.
struct Transfer {
  std::size_t max_body = 0;
  Response response;  ///< headers of the final header block, and the body
  bool too_large = false;
  std::size_t header_bytes = 0;  ///< every response header line so far, interim blocks included
  bool headers_too_large = false;
  std::optional<Headers> sent_headers;  ///< request headers as curl put them on the wire
};

/// CURLOPT_WRITEFUNCTION: appends to the body; aborts (returns 0) past `max_body`.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* transfer);
/// CURLOPT_HEADERFUNCTION: records header lines; a status line starts a new block, so only
/// the final response's headers remain (after 100 Continue or other interim responses).
/// Aborts (returns 0) once the header lines together exceed `max_body`: a server sending
/// headers without end must not grow memory until the timeout.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* transfer);
/// CURLOPT_DEBUGFUNCTION: captures the outgoing header block (CURLINFO_HEADER_OUT).
int on_debug(CURL* handle, curl_infotype type, char* data, std::size_t size, void* transfer);

/// Parses "Name: value" lines (after a request or status line) of an HTTP/1-style header
/// block; obs-fold continuation lines are joined to the previous value (RFC 9112 §5.2).
Headers parse_header_block(std::string_view block);

}  // namespace parity::http::detail
