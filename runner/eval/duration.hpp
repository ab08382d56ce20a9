#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace parity::eval {

/// Parses a rendered wait expression (suites/README.md, "Steps"): non-negative decimal integer
/// terms with an optional unit ("ms" or "s", default seconds) joined by '+', blanks allowed
/// around terms and units, e.g. "5", "2s", "1500ms", "30s + 2s", "30 + 2", "60 s".
/// nullopt when malformed: empty text or term, a sign or fraction, another unit, overflow.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace parity::eval
