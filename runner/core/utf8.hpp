#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parity {

/// The code point starting at one byte offset of a UTF-8 string.
struct Decoded {
  char32_t code_point = 0;  ///< valid only when `valid`
  std::size_t length = 1;   ///< bytes consumed; for invalid input the maximal ill-formed subpart
  bool valid = false;
};

/// Decodes the code point at byte `pos` of `text` (which must be < text.size()). Follows the
/// strict well-formedness table of Unicode §3.9 (no overlongs, surrogates or values > U+10FFFF).
Decoded decode_utf8(std::string_view text, std::size_t pos);

/// Appends the UTF-8 encoding of `code_point` (which must be a Unicode scalar value) to `out`.
void append_utf8(std::string& out, char32_t code_point);

/// Returns `text` as valid UTF-8: every maximal ill-formed subpart (stray continuation byte,
/// truncated sequence, overlong form, encoded surrogate) becomes U+FFFD. Hostile servers may
/// send anything; reports must still parse.
std::string sanitize_utf8(std::string_view text);

/// Returns the longest prefix of `text` of at most `max_bytes` bytes that does not cut a
/// multi-byte sequence in half.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace parity
