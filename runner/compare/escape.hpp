#pragma once

#include <string>
#include <string_view>

namespace parity::compare {

/// Escapes `text` for HTML text and double- or single-quoted attribute values: & < > " ' become
/// character references. Ill-formed UTF-8 becomes U+FFFD first; control characters other than
/// tab and newline become U+FFFD too (they are not allowed in HTML). Server-controlled values
/// (error_description, redirect targets) pass through here, never raw.
std::string html_escape(std::string_view text);

/// Escapes `text` for one cell of a GitHub-flavoured Markdown table: newlines become spaces,
/// & < > become character references (so no raw HTML reaches the page), `|` and the inline
/// punctuation \ ` * _ { } [ ] ( ) # ! ~ are backslash-escaped (so no emphasis, link, image or
/// code span can be injected), and a zero-width space follows '@' and precedes "://" (no
/// mentions, no autolinks). Ill-formed UTF-8 becomes U+FFFD.
std::string markdown_escape(std::string_view text);

/// Returns `text` safe to print on a terminal: valid UTF-8, with every C0 and C1 control
/// character (ESC included, so no escape sequence) and DEL replaced by U+FFFD.
std::string terminal_safe(std::string_view text);

/// Returns `text` cut to at most `max_chars` bytes on a UTF-8 boundary, with "…" appended
/// when it was cut.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace parity::compare
