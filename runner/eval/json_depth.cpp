#include "eval/json_depth.hpp"

#include "core/utf8.hpp"

namespace parity::eval {

std::size_t json_nesting_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) {
        return deepest;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::optional<nlohmann::json> parse_bounded_json(std::string_view text) {
  if (json_nesting_depth(text) > k_max_json_depth) {
    return std::nullopt;
  }
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    return std::nullopt;
  }
  return parsed;
}

std::string json_problem(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return "empty body";
  }
  if (json_nesting_depth(text) > k_max_json_depth) {
    return "nested deeper than " + std::to_string(k_max_json_depth) + " levels";
  }
  if (!nlohmann::json::accept(text)) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const Decoded one = decode_utf8(text, pos);
      if (!one.valid) {
        return "not valid UTF-8 at byte " + std::to_string(pos);
      }
      pos += one.length;
    }
    return "not valid JSON";
  }
  return "";
}

}  // namespace parity::eval
