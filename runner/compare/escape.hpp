#pragma once

#include <string>
#include <string_view>

namespace parity::compare {

/// Escapes `text` for HTML text and double- or single-quoted attribute values: & < > " ' become
/// character references, after core/display_text.hpp showed controls, bidirectional formatting
/// characters and ill-formed UTF-8 as escapes. Server-controlled values (error_description,
/// redirect targets) pass through here, never raw.
std::string html_escape(std::string_view text);

/// Escapes `text` for one cell of a GitHub-flavoured Markdown table: newlines become spaces,
/// & < > become character references (so no raw HTML reaches the page), `|` and the inline
/// punctuation \ ` * _ { } [ ] ( ) # ! ~ are backslash-escaped (so no emphasis, link, image or
/// code span can be injected), and a zero-width space follows '@' and precedes "://" (no
/// mentions, no autolinks). Controls, bidirectional formatting characters and ill-formed UTF-8
/// are shown as escapes first (core/display_text.hpp).
std::string markdown_escape(std::string_view text);

/// Returns `text` safe to print on a terminal, on one line: core/display_text.hpp's
/// display_line (ESC, C1 controls, bidirectional overrides, ill-formed UTF-8 as escapes).
std::string terminal_safe(std::string_view text);

/// Returns `text` cut to at most `max_chars` bytes on a UTF-8 boundary, with "…" appended
/// when it was cut.
std::string shorten(std::string_view text, std::size_t max_chars);

}  // namespace parity::compare
