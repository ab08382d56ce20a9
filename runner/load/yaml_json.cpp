#include "load/yaml_json.hpp"

#include "load/yaml_source_marks.hpp"

#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace parity::load {
namespace {

// yaml-cpp 0.7 tags plain scalars "?" and quoted or block scalars "!".
constexpr const char* k_plain_tag = "?";

bool is_null_word(const std::string& text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::optional<bool> bool_word(const std::string& text) {
  if (text == "true" || text == "True" || text == "TRUE") {
    return true;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    return false;
  }
  return std::nullopt;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Skips digits from `pos`; returns how many there were.
std::size_t skip_digits(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < text.size() && is_digit(text[pos])) {
    ++pos;
  }
  return pos - start;
}

// YAML 1.2 core schema: [-+]?[0-9]+
bool is_int_word(std::string_view text) {
  std::size_t pos = text.empty() || (text[0] != '-' && text[0] != '+') ? 0 : 1;
  return skip_digits(text, pos) > 0 && pos == text.size();
}

// YAML 1.2 core schema: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_float_word(std::string_view text) {
  std::size_t pos = text.empty() || (text[0] != '-' && text[0] != '+') ? 0 : 1;
  const std::size_t whole = skip_digits(text, pos);
  std::size_t fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    fraction = skip_digits(text, pos);
  }
  if (whole == 0 && fraction == 0) {
    return false;
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
      ++pos;
    }
    if (skip_digits(text, pos) == 0) {
      return false;
    }
  }
  return pos == text.size();
}

// YAML 1.2 core schema, decimal integers and floats only.
nlohmann::json resolve_plain(const std::string& text) {
  if (is_null_word(text)) {
    return nullptr;
  }
  if (auto flag = bool_word(text)) {
    return *flag;
  }
  if (is_int_word(text)) {
    const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
    long long value = 0;
    auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) {
      return value;
    }
  }
  if (is_float_word(text)) {
    return std::strtod(text.c_str(), nullptr);
  }
  return text;
}

}  // namespace

nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return written_tag(node) == k_plain_tag ? resolve_plain(node.Scalar())
                                              : nlohmann::json(node.Scalar());
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) {
        array.push_back(to_json(item));
      }
      return array;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (auto it = node.begin(); it != node.end(); ++it) {
        object[it->first.Scalar()] = to_json(it->second);
      }
      return object;
    }
  }
  return nullptr;
}

}  // namespace parity::load
