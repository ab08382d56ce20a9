#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parity {

/// The one rule for showing text that a server, a file name or a YAML key supplied, on a
/// terminal or in any report: nothing in it may act on the reader's display. Shown visibly:
/// - ill-formed UTF-8 (Unicode §3.9), each byte of it as `\xNN`;
/// - C0 controls and DEL as `\xNN` (ESC is `\x1b`, so no terminal escape sequence survives);
///   tab and line feed stay in multi-line text, CR LF becomes LF; elsewhere `\t`, `\n`, `\r`;
/// - C1 controls (U+0080–U+009F) as `\u0085`;
/// - bidirectional formatting characters, which reorder what follows them (Unicode UAX #9):
///   the overrides and embeddings U+202A–U+202E, the isolates U+2066–U+2069 and the marks
///   U+061C, U+200E, U+200F, as `\u202E`; and the line and paragraph separators U+2028,
///   U+2029, which some viewers treat as line breaks.
/// Everything else is kept. Backslashes are not doubled: the result is for reading, not for
/// decoding back.
///
/// Returns `text` in that form, with its line breaks kept.
std::string display_text(std::string_view text);

/// Returns `text` in that form on one line, cut after `max_chars` code points with "…"
/// appended when it was cut.
std::string display_line(std::string_view text, std::size_t max_chars = std::string_view::npos);

/// Returns whether display_text() would change `text`.
bool needs_display_escape(std::string_view text);

/// Returns the length of the longest prefix of `text` that ends on a code point boundary and
/// whose display_text() takes at most `max_bytes` bytes: where an excerpt cuts so that the
/// shown form stays within its size however hostile the bytes are.
std::size_t display_prefix_length(std::string_view text, std::size_t max_bytes);

}  // namespace parity
