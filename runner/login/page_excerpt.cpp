#include "login/page_excerpt.hpp"

#include <algorithm>
#include <cctype>

namespace parity::login {
namespace {

// Removes <tag …>…</tag> (case-insensitive) from `text`.
std::string drop_elements(const std::string& text, const std::string& tag) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  std::string kept;
  std::size_t position = 0;
  while (true) {
    const std::size_t open = lower.find("<" + tag, position);
    if (open == std::string::npos) {
      kept += text.substr(position);
      return kept;
    }
    kept += text.substr(position, open - position);
    const std::size_t close = lower.find("</" + tag, open);
    if (close == std::string::npos) {
      return kept;
    }
    const std::size_t end = lower.find('>', close);
    position = end == std::string::npos ? text.size() : end + 1;
  }
}

}  // namespace

std::string source_excerpt(const std::string& source, std::size_t limit) {
  const std::string text = drop_elements(drop_elements(source, "script"), "style");
  std::string excerpt;
  bool space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !excerpt.empty();
      continue;
    }
    if (space) {
      excerpt += ' ';
      space = false;
    }
    excerpt += c;
    if (excerpt.size() >= limit) {
      excerpt += "…";
      break;
    }
  }
  return excerpt;
}

}  // namespace parity::login
