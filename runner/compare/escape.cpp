#include "compare/escape.hpp"

#include "core/display_text.hpp"
#include "core/html_escape.hpp"
#include "report/utf8.hpp"

namespace parity::compare {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

}  // namespace

std::string html_escape(std::string_view text) {
  const std::string clean = display_text(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (const char raw : clean) {
    const std::string_view reference = html_reference(raw);
    if (!reference.empty()) {
      out += reference;
    } else if (is_control(static_cast<unsigned char>(raw))) {
      out += k_replacement;
    } else {
      out += raw;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  static constexpr std::string_view k_punctuation = "\\`*_{}[]()#!|~";
  const std::string clean = display_text(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 4);
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char raw = clean[i];
    const auto c = static_cast<unsigned char>(raw);
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (c == '&' || c == '<' || c == '>') {
      out += html_reference(raw);
    } else if (is_control(c)) {
      out += k_replacement;
    } else if (c == '@' || (c == ':' && clean.compare(i + 1, 2, "//") == 0)) {
      // A zero-width space after '@' and before "://" stops mentions and autolinks.
      out += c == '@' ? "@&#8203;" : "&#8203;:";
    } else {
      if (k_punctuation.find(raw) != std::string_view::npos) {
        out += '\\';
      }
      out += raw;
    }
  }
  return out;
}

std::string terminal_safe(std::string_view text) {
  return display_line(text);
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  if (text.size() <= max_chars) {
    return std::string(text);
  }
  return std::string(report::truncate_utf8(text, max_chars)) + "\xE2\x80\xA6";
}

}  // namespace parity::compare
