#include "eval/json_text.hpp"

namespace parity::eval {
namespace {

std::string dump_scalar(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string display_json(const nlohmann::json& value) {
  if (value.is_array()) {
    std::string out = "[";
    for (const auto& element : value) {
      out += out.size() > 1 ? ", " : "";
      out += display_json(element);
    }
    return out + "]";
  }
  if (value.is_object()) {
    std::string out = "{";
    for (const auto& [key, element] : value.items()) {
      out += out.size() > 1 ? ", " : "";
      out += dump_scalar(nlohmann::json(key)) + ": " + display_json(element);
    }
    return out + "}";
  }
  return dump_scalar(value);
}

std::string truncate_text(std::string text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return text;
  }
  std::size_t cut = max_bytes;
  // Back off UTF-8 continuation bytes so that no code point is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  text.resize(cut);
  return text + "…";
}

std::string describe_value(const nlohmann::json& value) {
  return truncate_text(display_json(value));
}

std::string type_name(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string:
      return "string";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return "integer";
    case nlohmann::json::value_t::number_float:
      return "number";
    case nlohmann::json::value_t::boolean:
      return "boolean";
    case nlohmann::json::value_t::object:
      return "object";
    case nlohmann::json::value_t::array:
      return "array";
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      break;
  }
  return "invalid";
}

const std::vector<std::string>& json_type_names() {
  static const std::vector<std::string> names{
      "string", "integer", "number", "boolean", "object", "array", "null"};
  return names;
}

std::string string_form(const nlohmann::json& value) {
  if (value.is_string()) {
    return value.get<std::string>();
  }
  return dump_scalar(value);
}

}  // namespace parity::eval
