#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parity::eval {

/// Deepest nesting of arrays and objects parse_bounded_json accepts. nlohmann::json parses
/// iteratively but copies, compares and serializes recursively, so a hostile body nested a
/// few hundred thousand levels deep would overflow the stack of the thread that judges it.
inline constexpr std::size_t k_max_json_depth = 512;

/// Returns the deepest nesting of arrays and objects in JSON `text` (brackets inside strings
/// do not count), scanning no further than one level past `limit`.
std::size_t json_nesting_depth(std::string_view text, std::size_t limit = k_max_json_depth);

/// Parses a response body as JSON: nullopt when it is not JSON (RFC 8259) or nests deeper
/// than k_max_json_depth.
std::optional<nlohmann::json> parse_bounded_json(std::string_view text);

/// Returns why parse_bounded_json(`text`) fails ("empty body", "not valid UTF-8 at byte 12",
/// "nested deeper than 512 levels", "not valid JSON"), or "" when it succeeds.
std::string json_problem(std::string_view text);

}  // namespace parity::eval
