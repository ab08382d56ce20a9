#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parity {

/// SP and HTAB: the optional whitespace around header values and list items (RFC 9110 §5.6.3).
inline constexpr std::string_view k_blanks = " \t";

/// SP, HTAB, CR and LF: blanks plus line ends, for text that may span lines.
inline constexpr std::string_view k_blanks_and_line_ends = " \t\r\n";

/// Returns `text` without the leading and trailing characters that appear in `blanks`.
std::string_view trim(std::string_view text, std::string_view blanks = k_blanks);

/// Returns `text` with ASCII letters lower-cased (std::tolower in the "C" locale).
std::string to_lower(std::string_view text);

/// Whether `a` and `b` are equal when ASCII letters are compared without case.
bool equals_ignoring_case(std::string_view a, std::string_view b);

/// Returns `items` joined by `separator`. A separator goes before an item only when the text so
/// far is not empty, so leading empty items leave no separator behind.
std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace parity
