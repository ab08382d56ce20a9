#include "login/cookie_jar.hpp"

#include "core/strings.hpp"
#include "http/url.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

namespace parity::login {
namespace {

using Clock = std::chrono::system_clock;

// RFC 6265 §5.1.4: the directory of the request path ("/a/b" → "/a", "/a" → "/").
std::string default_path(const std::string& path) {
  if (path.empty() || path.front() != '/') {
    return "/";
  }
  const auto slash = path.rfind('/');
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(separator, start), text.size());
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Max-Age wins over Expires (§5.3 step 3); returns false when the value is malformed.
bool apply_lifetime(const std::string& name,
                    const std::string& value,
                    std::optional<Clock::time_point>& expires,
                    bool& has_max_age) {
  if (name == "max-age") {
    const bool numeric =
        !value.empty() && std::all_of(value.begin() + (value[0] == '-'),
                                      value.end(),
                                      [](unsigned char c) { return std::isdigit(c); });
    if (!numeric || value == "-") {
      return false;
    }
    const long long seconds =
        value.size() > 12 ? (value[0] == '-' ? -1 : 999999999999LL) : std::stoll(value);
    expires = Clock::now() + std::chrono::seconds(seconds);
    has_max_age = true;
  } else if (name == "expires" && !has_max_age) {
    const time_t when = curl_getdate(value.c_str(), nullptr);
    if (when == -1) {
      return false;
    }
    expires = Clock::from_time_t(when);
  }
  return true;
}

}  // namespace

bool domain_matches(const std::string& host, const std::string& domain) {
  if (host == domain) {
    return true;
  }
  const bool is_ip = !host.empty() &&
                     (std::isdigit(static_cast<unsigned char>(host.back())) || host.front() == '[');
  return !is_ip && host.size() > domain.size() &&
         host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
         host[host.size() - domain.size() - 1] == '.';
}

bool path_matches(const std::string& request_path, const std::string& cookie_path) {
  if (request_path == cookie_path) {
    return true;
  }
  if (request_path.rfind(cookie_path, 0) != 0) {
    return false;
  }
  return cookie_path.back() == '/' || request_path[cookie_path.size()] == '/';
}

void CookieJar::store(const std::string& request_url, const http::Headers& response_headers) {
  const std::optional<http::Url> url = http::parse_url(request_url);
  if (!url) {
    return;
  }
  for (const auto& [name, value] : response_headers) {
    if (to_lower(name) == "set-cookie") {
      store_one(to_lower(url->host), url->path, value);
    }
  }
}

// RFC 6265 §5.2 parsing and §5.3 storage of one Set-Cookie value.
void CookieJar::store_one(const std::string& host,
                          const std::string& path,
                          const std::string& line) {
  const std::vector<std::string_view> parts = split(line, ';');
  const auto equals = parts[0].find('=');
  if (equals == std::string_view::npos) {
    return;
  }
  Cookie cookie;
  cookie.name = trim(parts[0].substr(0, equals));
  cookie.value = trim(parts[0].substr(equals + 1));
  if (cookie.name.empty()) {
    return;
  }
  cookie.domain = host;
  cookie.path = default_path(path);
  bool has_max_age = false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto eq = parts[i].find('=');
    const std::string name = to_lower(trim(parts[i].substr(0, eq)));
    const std::string value(eq == std::string_view::npos ? "" : trim(parts[i].substr(eq + 1)));
    if (!apply_lifetime(name, value, cookie.expires, has_max_age)) {
      continue;
    }
    if (name == "domain" && !value.empty()) {
      cookie.domain = to_lower(value.front() == '.' ? value.substr(1) : value);
      cookie.host_only = false;
    } else if (name == "path" && !value.empty() && value.front() == '/') {
      cookie.path = value;
    } else if (name == "secure") {
      cookie.secure = true;
    }
  }
  if (!cookie.host_only && !domain_matches(host, cookie.domain)) {
    return;
  }
  const bool expired = cookie.expires && *cookie.expires <= Clock::now();
  put(std::move(cookie), expired);
}

void CookieJar::put(Cookie cookie, bool delete_only) {
  const auto now = Clock::now();
  m_cookies.erase(std::remove_if(m_cookies.begin(),
                                 m_cookies.end(),
                                 [&](const Cookie& old) {
                                   return (old.name == cookie.name && old.domain == cookie.domain &&
                                           old.path == cookie.path) ||
                                          (old.expires && *old.expires <= now);
                                 }),
                  m_cookies.end());
  if (!delete_only) {
    m_cookies.push_back(std::move(cookie));
  }
}

std::optional<std::string> CookieJar::header_for(const std::string& url) const {
  const std::optional<http::Url> parsed = http::parse_url(url);
  if (!parsed) {
    return std::nullopt;
  }
  const std::string host = to_lower(parsed->host);
  const auto now = Clock::now();
  std::vector<const Cookie*> matching;
  for (const Cookie& cookie : m_cookies) {
    const bool domain_ok =
        cookie.host_only ? host == cookie.domain : domain_matches(host, cookie.domain);
    if (domain_ok && path_matches(parsed->path, cookie.path) &&
        (!cookie.secure || parsed->scheme == "https") &&
        !(cookie.expires && *cookie.expires <= now)) {
      matching.push_back(&cookie);
    }
  }
  if (matching.empty()) {
    return std::nullopt;
  }
  // §5.4 step 2: longer paths first; otherwise in creation order.
  std::stable_sort(matching.begin(), matching.end(), [](const Cookie* a, const Cookie* b) {
    return a->path.size() > b->path.size();
  });
  std::string header;
  for (const Cookie* cookie : matching) {
    header += (header.empty() ? "" : "; ") + cookie->name + "=" + cookie->value;
  }
  return header;
}

}  // namespace parity::login
