#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace parity::eval {

/// Parses a rendered wait expression: integer terms with an optional unit ("ms" or "s",
/// default seconds) joined by '+', e.g. "5", "2s", "1500ms", "30s + 2s", "30 + 2".
/// nullopt when malformed or negative.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace parity::eval
