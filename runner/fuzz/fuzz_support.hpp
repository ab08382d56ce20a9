#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace parity::fuzz {

/// The fuzz input as text (any bytes, not NUL-terminated).
std::string_view as_text(const std::uint8_t* data, std::size_t size);

/// Splits `text` at the first occurrence of `separator`: the text before it, and the text after
/// it (nullopt when `separator` does not occur).
std::pair<std::string_view, std::optional<std::string_view>> split_once(std::string_view text,
                                                                        std::string_view separator);

/// Takes the first line of `text` (without its '\n') off `text` and returns it.
std::string_view take_line(std::string_view& text);

/// Writes `text` to the scratch file `name` of this process and returns its path. The file lies
/// one directory below a scratch root that holds a `fixtures` link to the repository's
/// fixtures/, so the "../fixtures/keys/…" paths of committed suites and profiles resolve.
std::string write_scratch_file(const std::string& name, std::string_view text);

/// Absolute path of `relative` under the repository's fixtures/.
std::string fixture(const std::string& relative);

/// Absolute path of `relative` under the repository root (suites/, profiles/).
std::string source_path(const std::string& relative);

}  // namespace parity::fuzz
