#include "core/utf8.hpp"

#include <cassert>

namespace parity {
namespace {

constexpr char32_t k_replacement = 0xFFFD;

/// Shape of a sequence from its lead byte: how many continuation bytes follow and the range
/// the first continuation byte must fall in (Unicode §3.9, Table 3-7).
struct LeadInfo {
  std::size_t continuation = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  char32_t initial = 0;
  bool valid = false;
};

LeadInfo lead_info(unsigned char lead) {
  if (lead < 0x80) {
    return {0, 0x80, 0xBF, lead, true};
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return {1, 0x80, 0xBF, static_cast<char32_t>(lead & 0x1F), true};
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;  // 0xED A0.. encodes surrogates
    return {2, low, high, static_cast<char32_t>(lead & 0x0F), true};
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    return {3, low, high, static_cast<char32_t>(lead & 0x07), true};
  }
  return {};
}

}  // namespace

Decoded decode_utf8(std::string_view text, std::size_t pos) {
  assert(pos < text.size());
  const LeadInfo info = lead_info(static_cast<unsigned char>(text[pos]));
  if (!info.valid) {
    return {};
  }
  char32_t code_point = info.initial;
  for (std::size_t i = 1; i <= info.continuation; ++i) {
    if (pos + i >= text.size()) {
      return {0, i, false};
    }
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    const unsigned char low = i == 1 ? info.second_low : 0x80;
    const unsigned char high = i == 1 ? info.second_high : 0xBF;
    if (byte < low || byte > high) {
      return {0, i, false};
    }
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  return {code_point, info.continuation + 1, true};
}

void append_utf8(std::string& out, char32_t code_point) {
  assert(code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF));
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Decoded one = decode_utf8(text, pos);
    if (one.valid) {
      out.append(text.substr(pos, one.length));
    } else {
      append_utf8(out, k_replacement);
    }
    pos += one.length;
  }
  return out;
}

std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return text;
  }
  // Back up over at most three continuation bytes so the cut lands on a sequence boundary;
  // longer runs are ill-formed anyway and get sanitized later.
  std::size_t cut = max_bytes;
  for (int step = 0; step < 3 && cut > 0; ++step) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80) {
      return text.substr(0, cut);
    }
    --cut;
  }
  return (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80 ? text.substr(0, max_bytes)
                                                                : text.substr(0, cut);
}

}  // namespace parity
