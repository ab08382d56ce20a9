#include "load/yaml_reader.hpp"

namespace parity::load {

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
