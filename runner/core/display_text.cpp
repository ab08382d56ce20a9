#include "core/display_text.hpp"

#include "core/utf8.hpp"

namespace parity {
namespace {

constexpr std::string_view k_hex_lower = "0123456789abcdef";
constexpr std::string_view k_hex_upper = "0123456789ABCDEF";

/// UAX #9 explicit formatting characters and marks, and the Unicode line/paragraph separators.
bool is_invisible_format(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void append_byte_escape(std::string& out, unsigned char byte) {
  out += "\\x";
  out += k_hex_lower[byte >> 4];
  out += k_hex_lower[byte & 0xF];
}

void append_code_point_escape(std::string& out, char32_t c) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) {
    out += k_hex_upper[(c >> shift) & 0xF];
  }
}

/// Appends the shown form of the code point (or ill-formed subpart) `bytes` decoded as `one`.
void append_shown(std::string& out, std::string_view bytes, const Decoded& one, bool multi_line) {
  if (!one.valid) {
    for (const char byte : bytes) {
      append_byte_escape(out, static_cast<unsigned char>(byte));
    }
    return;
  }
  const char32_t c = one.code_point;
  if (multi_line && (c == '\n' || c == '\t')) {
    out += static_cast<char>(c);
  } else if (c == '\n' || c == '\r' || c == '\t') {
    out += c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
  } else if (c < 0x20 || c == 0x7F) {
    append_byte_escape(out, static_cast<unsigned char>(c));
  } else if ((c >= 0x80 && c < 0xA0) || is_invisible_format(c)) {
    append_code_point_escape(out, c);
  } else {
    out += bytes;
  }
}

/// Bytes the shown form of one decoded unit takes (as append_shown would write it).
std::size_t shown_size(const Decoded& one, bool multi_line) {
  if (!one.valid) {
    return 4 * one.length;
  }
  const char32_t c = one.code_point;
  if (multi_line && (c == '\n' || c == '\t')) {
    return 1;
  }
  if (c == '\n' || c == '\r' || c == '\t') {
    return 2;
  }
  if (c < 0x20 || c == 0x7F) {
    return 4;
  }
  if ((c >= 0x80 && c < 0xA0) || is_invisible_format(c)) {
    return 6;
  }
  return one.length;
}

bool is_crlf(std::string_view text, std::size_t pos) {
  return text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n';
}

}  // namespace

std::string display_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded one = decode_utf8(text, pos);
    if (!is_crlf(text, pos)) {  // CR LF becomes LF: the LF follows
      append_shown(out, text.substr(pos, one.length), one, true);
    }
    pos += one.length;
  }
  return out;
}

std::string display_line(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (chars == max_chars) {
      return out + "…";
    }
    const Decoded one = decode_utf8(text, pos);
    append_shown(out, text.substr(pos, one.length), one, false);
    pos += one.length;
    ++chars;
  }
  return out;
}

bool needs_display_escape(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded one = decode_utf8(text, pos);
    if (shown_size(one, true) != one.length) {
      return true;
    }
    pos += one.length;
  }
  return false;
}

std::size_t display_prefix_length(std::string_view text, std::size_t max_bytes) {
  std::size_t shown = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // CR LF shows as one LF: kept or cut together, so that a cut never leaves a lone CR.
    const bool crlf = is_crlf(text, pos);
    const Decoded one = decode_utf8(text, pos);
    const std::size_t size = crlf ? 1 : shown_size(one, true);
    if (shown + size > max_bytes) {
      break;
    }
    shown += size;
    pos += crlf ? 2 : one.length;
  }
  return pos;
}

}  // namespace parity
