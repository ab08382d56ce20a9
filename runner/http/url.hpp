#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parity::http {

/// Ordered name/value pairs; names may repeat (duplicate parameters are a test subject).
using Params = std::vector<std::pair<std::string, std::string>>;

/// Percent-encodes everything except RFC 3986 unreserved characters.
std::string percent_encode(std::string_view text);
/// Decodes %XX escapes (and '+' as space when `plus_is_space`); invalid escapes are kept as is.
std::string percent_decode(std::string_view text, bool plus_is_space);
/// application/x-www-form-urlencoded serialisation (space as '+'), in order.
std::string form_encode(const Params& params);
/// Parses application/x-www-form-urlencoded text (also a URL query), keeping order and repeats.
Params form_decode(std::string_view text);
/// Returns the first value of `name`, if any.
std::optional<std::string> find_param(const Params& params, std::string_view name);
/// Counts the occurrences of `name`.
int count_param(const Params& params, std::string_view name);

/// The parts of an absolute URL (RFC 3986); `port` is empty when not given.
struct Url {
  std::string scheme;
  std::string host;
  std::string port;
  std::string path;      ///< "/" when empty
  std::string query;     ///< without '?'
  std::string fragment;  ///< without '#'
  bool has_fragment = false;

  /// scheme://host[:port]path, without query or fragment.
  std::string base() const;
};

/// Parses an absolute http(s) URL (scheme lower-cased); nullopt when it is not one, or when it
/// has userinfo ("user@host"), an empty host or a non-numeric port.
std::optional<Url> parse_url(std::string_view text);
/// Appends `params` to `url`'s query ('?' or '&').
std::string append_query(const std::string& url, const Params& params);
/// RFC 3986 §5.2: resolves a Location header value against the request URL (absolute,
/// "//host/path", "/path", "?query", "#fragment" or a path relative to the URL's directory).
/// Returns `location` unchanged when `request_url` is not an absolute http(s) URL.
std::string resolve_location(const std::string& request_url, const std::string& location);

}  // namespace parity::http
