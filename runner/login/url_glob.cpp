#include "login/url_glob.hpp"

namespace parity::login {

bool glob_matches(const std::string& pattern, const std::string& url) {
  // Iterative wildcard match: the last '*' seen may absorb more text on a mismatch.
  std::size_t p = 0;
  std::size_t u = 0;
  std::size_t star = std::string::npos;
  std::size_t resume = 0;
  while (u < url.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = u;
    } else if (p < pattern.size() && pattern[p] == url[u]) {
      ++p;
      ++u;
    } else if (star != std::string::npos) {
      p = star + 1;
      u = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') {
    ++p;
  }
  return p == pattern.size();
}

}  // namespace parity::login
