#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

// Private to eval/: how JSON values are shown in checks and stored as variables.
namespace parity::eval {

/// Longest `actual` text a check shows, in bytes (before the "…" marker).
inline constexpr std::size_t k_max_shown_bytes = 200;

/// Returns `value` as one line of JSON with ", " and ": " separators, e.g. `[1, "a"]`.
/// Invalid UTF-8 in strings is replaced, never thrown on.
std::string display_json(const nlohmann::json& value);

/// Returns `text` cut to at most `max_bytes` on a UTF-8 boundary, with "…" appended when cut.
std::string truncate_text(std::string text, std::size_t max_bytes = k_max_shown_bytes);

/// Returns display_json(`value`) truncated for a check's `actual` text.
std::string describe_value(const nlohmann::json& value);

/// Returns the JSON type of `value` as the `type` predicate names it: string, integer,
/// number (non-integer), boolean, object, array or null.
std::string type_name(const nlohmann::json& value);
/// Every name type_name returns for a valid value: what the `type` predicate accepts.
const std::vector<std::string>& json_type_names();

/// Returns the string form of `value`: a string as is, anything else as compact JSON
/// (60 → "60", true → "true").
std::string string_form(const nlohmann::json& value);

}  // namespace parity::eval
