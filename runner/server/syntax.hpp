#pragma once

#include "http/url.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace parity::server {

/// RFC 6749 §3.1: parameters sent without a value count as omitted; returns `params` without them.
http::Params without_empty_values(http::Params params);
/// True for the parameters of authorization requests and client authentication the server
/// knows (RFC 6749 §4.1.1, §2.3; RFC 7636; RFC 7521; RFC 9101; RFC 9396; RFC 9449; RFC 8707;
/// OIDC Core §3.1.2.1); anything else is an extension ("custom") parameter.
bool is_standard_parameter(std::string_view name);
/// RFC 6749 §3.1: the name of the first parameter that occurs more than once, if any.
std::optional<std::string> find_duplicate(const http::Params& params);
/// True when the media type of `content_type` is application/x-www-form-urlencoded
/// (parameters such as charset are allowed; RFC 9126 §2.1).
bool is_form_content_type(std::string_view content_type);
/// The query part of a request target ("/authorize?a=b" → "a=b"), without any fragment.
std::string_view query_of(std::string_view target);
/// RFC 6749 §3.1.2: an absolute URI (RFC 3986 scheme ":" …) with no fragment component.
bool is_absolute_uri_without_fragment(std::string_view uri);
/// RFC 6749 §5.2 / §4.1.2.1: replaces characters not allowed in error_description
/// (outside %x20-21 / %x23-5B / %x5D-7E) with '?'.
std::string sanitize_description(std::string_view text);

}  // namespace parity::server
