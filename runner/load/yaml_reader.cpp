#include "load/yaml_reader.hpp"

#include "core/input_file.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace parity::load {
namespace {

// Counts the documents of a stream and where the second one starts, and bounds what aliases
// add to the first, building nothing. yaml-cpp 0.7 shares an aliased node in the node graph,
// but every reader that walks the graph (to_json, the loaders) meets it once per alias: a
// "billion laughs" document of a few hundred bytes would expand to billions of nodes there,
// and an alias inside the node it names would make the walk endless.
class DocumentCheck : public YAML::EventHandler {
 public:
  explicit DocumentCheck(std::string path) : m_path(std::move(path)) {}

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
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    first_event(mark, true);
    add_leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    first_event(mark, false);
    add_alias(mark, anchor);
  }
  void OnScalar(const YAML::Mark& mark,
                const std::string& /*tag*/,
                YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    first_event(mark, false);
    add_leaf(anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark,
                       const std::string& /*tag*/,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    first_event(mark, false);
    m_open.push_back({anchor, 1});
  }
  void OnSequenceEnd() override { close_collection(); }
  void OnMapStart(const YAML::Mark& mark,
                  const std::string& /*tag*/,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    first_event(mark, false);
    m_open.push_back({anchor, 1});
  }
  void OnMapEnd() override { close_collection(); }

 private:
  // A collection being read: its anchor (0: none) and its nodes so far, aliases expanded.
  struct Open {
    YAML::anchor_t anchor = 0;
    std::uint64_t nodes = 0;
  };
  // Sizes saturate here, far above the cap and far below overflow.
  static constexpr std::uint64_t k_saturated = std::uint64_t{1} << 60;

  void first_event(const YAML::Mark& mark, bool null) {
    if (m_first_event && documents == 2) {
      second_document = mark;
      second_is_empty = null;
    }
    m_first_event = false;
  }

  void add_nodes(std::uint64_t nodes) {
    if (!m_open.empty()) {
      m_open.back().nodes = std::min(k_saturated, m_open.back().nodes + nodes);
    }
  }

  void add_leaf(YAML::anchor_t anchor) {
    if (anchor != 0) {
      m_sizes[anchor] = 1;
    }
    add_nodes(1);
  }

  void close_collection() {
    const Open closed = m_open.back();
    m_open.pop_back();
    if (closed.anchor != 0) {
      m_sizes[closed.anchor] = closed.nodes;
    }
    add_nodes(closed.nodes);
  }

  void add_alias(const YAML::Mark& mark, YAML::anchor_t anchor) {
    const bool inside = std::any_of(
        m_open.begin(), m_open.end(), [&](const Open& open) { return open.anchor == anchor; });
    if (inside) {
      throw LoadError({m_path, mark.line + 1, mark.column + 1},
                      "this alias refers to a node that contains it (the node would be endless)");
    }
    const auto size = m_sizes.find(anchor);
    const std::uint64_t nodes = size == m_sizes.end() ? 1 : size->second;
    m_alias_nodes = std::min(k_saturated, m_alias_nodes + nodes);
    if (m_alias_nodes > k_max_alias_nodes) {
      throw LoadError({m_path, mark.line + 1, mark.column + 1},
                      "aliases expand this document by more than " +
                          std::to_string(k_max_alias_nodes) +
                          " nodes (an alias bomb?); write the repeated content out or share less");
    }
    add_nodes(nodes);
  }

  std::string m_path;
  bool m_first_event = false;
  std::vector<Open> m_open;
  std::unordered_map<YAML::anchor_t, std::uint64_t> m_sizes;
  std::uint64_t m_alias_nodes = 0;  ///< nodes that aliases add, counted once per alias
};

// yaml-cpp 0.7 tags plain scalars "?" and quoted or block scalars "!".
constexpr const char* k_plain_tag = "?";

std::string read_file(const std::string& path) {
  try {
    return read_input_file(path, k_max_yaml_file_bytes);
  } catch (const InputFileError& error) {
    throw LoadError({path, 0, 0}, error.what());
  }
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

YAML::Node parse_yaml_file(const std::string& path) {
  const std::string text = read_file(path);
  try {
    // Counted with the streaming parser first: yaml-cpp 0.7's LoadAll never returns when a
    // ',' (a flow indicator) stands where a block node should (it yields the same empty
    // document forever, growing memory; found by runner/scripts/fuzz.sh, profile_loader).
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentCheck probe(path);
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

namespace {

// Files whose nodes were marked by mark_source_file, in marking order; a node's tag ends with
// k_file_mark and its file's index here. Only grows, so that an index stays valid.
std::mutex g_marked_files_mutex;
std::deque<std::string> g_marked_files;

constexpr char k_file_mark = '\x1f';

// The tag as the YAML file wrote it (yaml-cpp's "?" or "!" for untagged scalars).
std::string_view written_tag(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  return std::string_view(tag).substr(0, tag.find(k_file_mark));
}

const std::string& marked_file(const YAML::Node& node, const std::string& fallback) {
  const std::string& tag = node.Tag();
  const std::size_t mark = tag.find(k_file_mark);
  if (mark == std::string::npos) {
    return fallback;
  }
  const std::size_t index = std::strtoull(tag.c_str() + mark + 1, nullptr, 10);
  const std::lock_guard<std::mutex> lock(g_marked_files_mutex);
  return index < g_marked_files.size() ? g_marked_files[index] : fallback;
}

void mark_nodes(YAML::Node node, const std::string& suffix) {
  if (!node.IsDefined() || node.Tag().find(k_file_mark) != std::string::npos) {
    return;  // an alias met again: marked already
  }
  node.SetTag(node.Tag() + suffix);
  if (node.IsSequence()) {
    for (auto item : node) {
      mark_nodes(item, suffix);
    }
  } else if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      mark_nodes(it->first, suffix);
      mark_nodes(it->second, suffix);
    }
  }
}

}  // namespace

void mark_source_file(const YAML::Node& root, const std::string& file) {
  std::size_t index = 0;
  {
    const std::lock_guard<std::mutex> lock(g_marked_files_mutex);
    index = g_marked_files.size();
    g_marked_files.push_back(file);
  }
  mark_nodes(root, std::string(1, k_file_mark) + std::to_string(index));
}

SourceLocation location_of(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  const std::string& source = marked_file(node, file);
  if (mark.is_null()) {
    return {source, 0, 0};
  }
  return {source, mark.line + 1, mark.column + 1};
}

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

MapReader::MapReader(const YAML::Node& node, std::string file, std::string what)
    : m_node(node), m_file(std::move(file)), m_what(std::move(what)) {
  if (!m_node.IsMap()) {
    throw LoadError(load::location_of(m_node, m_file), m_what + " must be a mapping");
  }
  for (auto it = m_node.begin(); it != m_node.end(); ++it) {
    if (!it->first.IsScalar()) {
      throw LoadError(load::location_of(it->first, m_file),
                      "keys in " + m_what + " must be strings");
    }
    if (!m_entries.try_emplace(it->first.Scalar(), it->first, it->second).second) {
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
  auto entry = find_entry(key);
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
  auto entry = find_entry(key);
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
  auto entry = find_entry(key);
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
  auto entry = find_entry(key);
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
  auto entry = find_entry(key);
  if (!entry) {
    return std::nullopt;
  }
  return entry->second;
}

bool MapReader::has(const std::string& key) const {
  return m_entries.contains(key);
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> names;
  for (auto it = m_node.begin(); it != m_node.end(); ++it) {
    names.push_back(it->first.Scalar());
  }
  return names;
}

std::optional<std::pair<YAML::Node, YAML::Node>> MapReader::find_entry(
    const std::string& key) const {
  const auto found = m_entries.find(key);
  if (found == m_entries.end()) {
    return std::nullopt;
  }
  return found->second;
}

SourceLocation MapReader::location() const {
  return load::location_of(m_node, m_file);
}

SourceLocation MapReader::location_of_key(const std::string& key) const {
  auto entry = find_entry(key);
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
