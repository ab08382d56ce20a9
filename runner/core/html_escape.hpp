#pragma once

#include <string>
#include <string_view>

namespace parity {

/// The character reference that stands for `c` in HTML text and in double- or single-quoted
/// attribute values ("&amp;", "&lt;", "&gt;", "&quot;", "&#39;"), or "" when `c` stands for
/// itself.
std::string_view html_reference(char c);

/// Returns `text` with & < > " ' replaced by their character references (html_reference), so
/// it can be placed in HTML text or in a quoted attribute value. Every other byte is kept.
std::string escape_html(std::string_view text);

}  // namespace parity
