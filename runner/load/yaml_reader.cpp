#include "load/yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace parity::load {
namespace {

// Counts the documents of a stream and where the second one starts, building nothing.
class DocumentProbe : public YAML::EventHandler {
 public:
  int documents = 0;
  YAML::Mark second_document;
  bool second_is_empty = false;  ///< the second document is a lone null (a stray token)

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents;
    m_first_event = true;
    if (documents == 2) {
      second_document = mark;
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    first_event(mark, true);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    first_event(mark, false);
  }
  void OnScalar(const YAML::Mark& mark,
                const std::string& /*tag*/,
                YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {
    first_event(mark, false);
  }
  void OnSequenceStart(const YAML::Mark& mark,
                       const std::string& /*tag*/,
                       YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    first_event(mark, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark,
                  const std::string& /*tag*/,
                  YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    first_event(mark, false);
  }
  void OnMapEnd() override {}

 private:
  void first_event(const YAML::Mark& mark, bool null) {
    if (m_first_event && documents == 2) {
      second_document = mark;
      second_is_empty = null;
    }
    m_first_event = false;
  }
  bool m_first_event = false;
};

// yaml-cpp 0.7 tags plain scalars "?" and quoted or block scalars "!".
constexpr const char* k_plain_tag = "?";

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw LoadError({path, 0, 0}, "cannot read: is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw LoadError({path, 0, 0}, std::string("cannot read: ") + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    throw LoadError({path, 0, 0}, "cannot read: I/O error");
  }
  return text.str();
}

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

// YAML 1.2 core schema, decimal integers and floats only.
nlohmann::json resolve_plain(const std::string& text) {
  if (is_null_word(text)) {
    return nullptr;
  }
  if (auto flag = bool_word(text)) {
    return *flag;
  }
  static const std::regex k_int(R"([-+]?[0-9]+)");
  static const std::regex k_float(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(text, k_int)) {
    const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
    long long value = 0;
    auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) {
      return value;
    }
  }
  if (std::regex_match(text, k_float)) {
    return std::strtod(text.c_str(), nullptr);
  }
  return text;
}

// Returns the value node for `key` without mutating the map (operator[] may insert).
std::optional<std::pair<YAML::Node, YAML::Node>> find_entry(const YAML::Node& map,
                                                            const std::string& key) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.Scalar() == key) {
      return std::make_pair(it->first, it->second);
    }
  }
  return std::nullopt;
}

}  // namespace

YAML::Node parse_yaml_file(const std::string& path) {
  const std::string text = read_file(path);
  try {
    // Counted with the streaming parser first: yaml-cpp 0.7's LoadAll never returns when a
    // ',' (a flow indicator) stands where a block node should (it yields the same empty
    // document forever, growing memory; found by runner/fuzz.sh, profile_loader).
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentProbe probe;
    while (probe.documents < 2 && parser.HandleNextDocument(probe)) {
    }
    if (probe.documents == 0) {
      throw LoadError({path, 1, 1}, "empty document");
    }
    if (probe.documents > 1) {
      const YAML::Mark mark = probe.second_document;
      throw LoadError({path, mark.line + 1, mark.column + 1},
                      probe.second_is_empty
                          ? "unexpected character here (e.g. a ',' outside [ ] or { })"
                          : "only one YAML document is allowed");
    }
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) {
      throw LoadError({path, 1, 1}, "empty document");
    }
    return root;
  } catch (const YAML::ParserException& e) {
    throw LoadError({path, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
}

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) {
    return {file, 0, 0};
  }
  return {file, mark.line + 1, mark.column + 1};
}

nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      return node.Tag() == k_plain_tag ? resolve_plain(node.Scalar())
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

MapReader::MapReader(const YAML::Node& node, std::string file, std::string what)
    : m_node(node), m_file(std::move(file)), m_what(std::move(what)) {
  if (!m_node.IsMap()) {
    throw LoadError(load::location_of(m_node, m_file), m_what + " must be a mapping");
  }
  std::set<std::string> seen;
  for (auto it = m_node.begin(); it != m_node.end(); ++it) {
    if (!it->first.IsScalar()) {
      throw LoadError(load::location_of(it->first, m_file),
                      "keys in " + m_what + " must be strings");
    }
    if (!seen.insert(it->first.Scalar()).second) {
      throw LoadError(load::location_of(it->first, m_file),
                      "duplicate key '" + it->first.Scalar() + "' in " + m_what);
    }
  }
}

std::string MapReader::required_string(const std::string& key) {
  if (!has(key)) {
    m_read.insert(key);
    throw LoadError(location(), "missing required key '" + key + "' in " + m_what);
  }
  return *optional_string(key);
}

std::optional<std::string> MapReader::optional_string(const std::string& key) {
  m_read.insert(key);
  auto entry = find_entry(m_node, key);
  if (!entry) {
    return std::nullopt;
  }
  if (!entry->second.IsScalar()) {
    throw LoadError(
        load::location_of(entry->second.IsNull() ? entry->first : entry->second, m_file),
        "'" + key + "' must be a string");
  }
  return entry->second.Scalar();
}

long MapReader::optional_int(const std::string& key, long fallback) {
  return optional_int(key).value_or(fallback);
}

std::optional<long> MapReader::optional_int(const std::string& key) {
  m_read.insert(key);
  auto entry = find_entry(m_node, key);
  if (!entry) {
    return std::nullopt;
  }
  const nlohmann::json value = to_json(entry->second);
  if (!value.is_number_integer()) {
    throw LoadError(
        load::location_of(entry->second.IsNull() ? entry->first : entry->second, m_file),
        "'" + key + "' must be an integer");
  }
  return value.get<long>();
}

bool MapReader::optional_bool(const std::string& key, bool fallback) {
  m_read.insert(key);
  auto entry = find_entry(m_node, key);
  if (!entry) {
    return fallback;
  }
  const nlohmann::json value = to_json(entry->second);
  if (!value.is_boolean()) {
    throw LoadError(
        load::location_of(entry->second.IsNull() ? entry->first : entry->second, m_file),
        "'" + key + "' must be true or false");
  }
  return value.get<bool>();
}

std::vector<std::string> MapReader::optional_string_list(const std::string& key) {
  m_read.insert(key);
  auto entry = find_entry(m_node, key);
  if (!entry) {
    return {};
  }
  const YAML::Node& list = entry->second;
  if (!list.IsSequence()) {
    throw LoadError(load::location_of(list.IsNull() ? entry->first : list, m_file),
                    "'" + key + "' must be a list of strings");
  }
  std::vector<std::string> items;
  for (const auto& item : list) {
    if (!item.IsScalar()) {
      throw LoadError(load::location_of(item, m_file), "items of '" + key + "' must be strings");
    }
    items.push_back(item.Scalar());
  }
  return items;
}

YAML::Node MapReader::required_node(const std::string& key) {
  if (auto node = optional_node(key)) {
    return *node;
  }
  throw LoadError(location(), "missing required key '" + key + "' in " + m_what);
}

std::optional<YAML::Node> MapReader::optional_node(const std::string& key) {
  m_read.insert(key);
  auto entry = find_entry(m_node, key);
  if (!entry) {
    return std::nullopt;
  }
  return entry->second;
}

bool MapReader::has(const std::string& key) const {
  return find_entry(m_node, key).has_value();
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> names;
  for (auto it = m_node.begin(); it != m_node.end(); ++it) {
    names.push_back(it->first.Scalar());
  }
  return names;
}

SourceLocation MapReader::location() const {
  return load::location_of(m_node, m_file);
}

SourceLocation MapReader::location_of_key(const std::string& key) const {
  auto entry = find_entry(m_node, key);
  return entry ? load::location_of(entry->first, m_file) : location();
}

void MapReader::finish() const {
  for (auto it = m_node.begin(); it != m_node.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (m_read.contains(key)) {
      continue;
    }
    std::string message = "unknown key '" + key + "' in " + m_what;
    const std::string close = suggest(key, {m_read.begin(), m_read.end()});
    if (!close.empty()) {
      message += " (did you mean '" + close + "'?)";
    }
    throw LoadError(load::location_of(it->first, m_file), message);
  }
}

}  // namespace parity::load
