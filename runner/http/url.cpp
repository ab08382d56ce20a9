#include "http/url.hpp"

#include "core/strings.hpp"

#include <algorithm>
#include <cctype>

namespace parity::http {
namespace {

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

std::string form_component(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c == ' ' ? std::string("+") : percent_encode(std::string_view(&c, 1));
  }
  return out;
}

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ':'.
bool has_scheme(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      std::isalpha(static_cast<unsigned char>(text[0])) == 0) {
    return false;
  }
  return std::all_of(
      text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.';
      });
}

// Splits "host[:port]" (host may be an IPv6 literal in brackets); false when malformed.
bool split_authority(std::string_view authority, Url& url) {
  const bool is_ip_literal = !authority.empty() && authority[0] == '[';
  std::size_t host_end = is_ip_literal ? authority.find(']') : authority.find(':');
  if (is_ip_literal && host_end == std::string_view::npos) {
    return false;
  }
  host_end = is_ip_literal ? host_end + 1 : std::min(host_end, authority.size());
  url.host = std::string(authority.substr(0, host_end));
  const std::string_view rest = authority.substr(host_end);
  if (!rest.empty()) {
    if (rest[0] != ':') {
      return false;
    }
    url.port = std::string(rest.substr(1));
  }
  return !url.host.empty() && std::all_of(url.port.begin(), url.port.end(), [](unsigned char c) {
    return std::isdigit(c) != 0;
  });
}

// RFC 3986 §5.2.4 remove_dot_segments.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.substr(0, 3) == "../") {
      input.remove_prefix(3);
    } else if (input.substr(0, 2) == "./" || input.substr(0, 3) == "/./") {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.substr(0, 4) == "/../" || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      const auto last = output.rfind('/');
      output.erase(last == std::string::npos ? 0 : last);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      const auto next = input.find('/', 1);
      const auto length = next == std::string_view::npos ? input.size() : next;
      output += input.substr(0, length);
      input.remove_prefix(length);
    }
  }
  return output;
}

std::string_view strip_fragment(std::string_view url) {
  return url.substr(0, url.find('#'));
}

}  // namespace

std::string percent_encode(std::string_view text) {
  constexpr std::string_view k_hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_unreserved(byte)) {
      out += c;
    } else {
      out += '%';
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string form_encode(const Params& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) {
      out += '&';
    }
    out += form_component(name) + "=" + form_component(value);
  }
  return out;
}

Params form_decode(std::string_view text) {
  Params params;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    const auto eq = pair.find('=');
    params.emplace_back(
        percent_decode(pair.substr(0, eq), true),
        eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true));
  }
  return params;
}

std::optional<std::string> find_param(const Params& params, std::string_view name) {
  const auto it = std::find_if(
      params.begin(), params.end(), [&](const auto& param) { return param.first == name; });
  return it == params.end() ? std::nullopt : std::optional<std::string>(it->second);
}

int count_param(const Params& params, std::string_view name) {
  return static_cast<int>(std::count_if(
      params.begin(), params.end(), [&](const auto& param) { return param.first == name; }));
}

std::string Url::base() const {
  return scheme + "://" + host + (port.empty() ? "" : ":" + port) + path;
}

std::optional<Url> parse_url(std::string_view text) {
  const auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) {
    return std::nullopt;
  }
  Url url;
  url.scheme = to_lower(text.substr(0, scheme_end));
  if (url.scheme != "http" && url.scheme != "https") {
    return std::nullopt;
  }
  std::string_view rest = text.substr(scheme_end + 3);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) {
    url.fragment = std::string(rest.substr(hash + 1));
    url.has_fragment = true;
    rest = rest.substr(0, hash);
  }
  if (const auto question = rest.find('?'); question != std::string_view::npos) {
    url.query = std::string(rest.substr(question + 1));
    rest = rest.substr(0, question);
  }
  const auto slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  // Userinfo is deprecated for http(s) (RFC 9110 §4.2.4) and Url has no place for it.
  if (authority.find('@') != std::string_view::npos || !split_authority(authority, url)) {
    return std::nullopt;
  }
  url.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  return url;
}

std::string append_query(const std::string& url, const Params& params) {
  if (params.empty()) {
    return url;
  }
  const auto hash = url.find('#');
  std::string head = url.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : url.substr(hash);
  if (head.find('?') == std::string::npos) {
    head += '?';
  } else if (head.back() != '?' && head.back() != '&') {
    head += '&';
  }
  return head + form_encode(params) + fragment;
}

std::string resolve_location(const std::string& request_url, const std::string& location) {
  if (has_scheme(location)) {
    return location;
  }
  const auto base = parse_url(request_url);
  if (!base) {
    return location;
  }
  const std::string origin =
      base->scheme + "://" + base->host + (base->port.empty() ? "" : ":" + base->port);
  if (location.rfind("//", 0) == 0) {
    return base->scheme + ":" + location;
  }
  if (location.empty() || location[0] == '#') {
    return std::string(strip_fragment(request_url)) + location;
  }
  if (location[0] == '?') {
    return base->base() + location;
  }
  // RFC 3986 §5.2.2/§5.2.3: merge with the base path's directory, then drop dot segments.
  const auto query_start = location.find_first_of("?#");
  const std::string path_part = location.substr(0, query_start);
  const std::string tail = query_start == std::string::npos ? "" : location.substr(query_start);
  const std::string merged =
      path_part[0] == '/' ? path_part : base->path.substr(0, base->path.rfind('/') + 1) + path_part;
  return origin + remove_dot_segments(merged) + tail;
}

}  // namespace parity::http
