// libFuzzer target: the one display escaping (core/display_text.hpp) on arbitrary bytes. Every
// string a server, a file name or a YAML key supplies goes through it before a terminal or a
// report, so its promises are checked here on every input: the result is valid UTF-8, holds no
// control character but tab and line feed (none at all on one line), no bidirectional
// formatting character and no line separator; an excerpt cut by display_prefix_length shows
// in at most its budget.

#include "core/display_text.hpp"
#include "core/utf8.hpp"
#include "fuzz/fuzz_support.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

bool forbidden(char32_t c, bool multi_line) {
  const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);
  const bool kept_break = multi_line && (c == '\n' || c == '\t');
  const bool bidi = c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
                    (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
  return (control && !kept_break) || bidi;
}

void check_shown(const std::string& shown, bool multi_line) {
  std::size_t pos = 0;
  while (pos < shown.size()) {
    const parity::Decoded one = parity::decode_utf8(shown, pos);
    if (!one.valid || forbidden(one.code_point, multi_line)) {
      std::abort();  // a byte that could act on a display got through
    }
    pos += one.length;
  }
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = parity::fuzz::as_text(data, size);
  check_shown(parity::display_text(text), true);
  check_shown(parity::display_line(text), false);
  check_shown(parity::display_line(text, size % 64), false);
  if (parity::needs_display_escape(text) == (parity::display_text(text) == text) &&
      text.find('\r') == std::string_view::npos) {
    std::abort();  // needs_display_escape disagrees with display_text
  }
  const std::size_t budget = size % 97;
  const std::size_t keep = parity::display_prefix_length(text, budget);
  if (keep > text.size() || parity::display_text(text.substr(0, keep)).size() > budget) {
    std::abort();  // an excerpt would show more than its budget
  }
  return 0;
}
