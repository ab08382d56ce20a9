#pragma once

#include "core/http_message.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace parity::login {

/// A small cookie store for one login session (RFC 6265 §5.3 storage and §5.4 retrieval,
/// simplified): honours Domain (host-only or domain-match), Path (default-path and
/// path-match), Secure, Max-Age and Expires (a past or zero lifetime deletes the cookie).
/// HttpOnly and SameSite need no action for a client that runs no scripts and only follows
/// the provider's own top-level navigations.
class CookieJar {
 public:
  /// Stores every Set-Cookie of `response_headers`, received for `request_url`.
  /// Cookies whose Domain does not domain-match the request host are ignored (§5.3 step 6).
  void store(const std::string& request_url, const http::Headers& response_headers);
  /// The Cookie header value for a request to `url` ("a=1; b=2", longer paths first), or
  /// nullopt when no stored cookie applies.
  std::optional<std::string> header_for(const std::string& url) const;
  /// Number of cookies currently stored (expired ones included until the next store).
  std::size_t size() const { return m_cookies.size(); }

 private:
  struct Cookie {
    std::string name;
    std::string value;
    std::string domain;  ///< lower-case, no leading dot
    std::string path;
    bool host_only = true;
    bool secure = false;
    std::optional<std::chrono::system_clock::time_point> expires;
  };
  void store_one(const std::string& host, const std::string& path, const std::string& line);
  void put(Cookie cookie, bool delete_only);

  std::vector<Cookie> m_cookies;
};

/// RFC 6265 §5.1.3: whether `host` domain-matches `domain` (both lower-case).
bool domain_matches(const std::string& host, const std::string& domain);
/// RFC 6265 §5.1.4: whether `request_path` path-matches `cookie_path`.
bool path_matches(const std::string& request_path, const std::string& cookie_path);

}  // namespace parity::login
