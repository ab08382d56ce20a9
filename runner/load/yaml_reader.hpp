#pragma once

#include "core/errors.hpp"
#include "core/suggest.hpp"
#include "load/yaml_file.hpp"
#include "load/yaml_json.hpp"
#include "load/yaml_source_marks.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parity::load {

/// The project-wide "did you mean" (core/suggest.hpp), also reachable as load::suggest.
using parity::suggest;

/// Strict typed access to a YAML mapping. Every key read is remembered; finish() throws
/// LoadError for the first key that was never read ("unknown key 'expct' in case (did you
/// mean 'expect'?)"). Type mismatches and missing required keys throw LoadError at the
/// offending node.
class MapReader {
 public:
  /// Throws LoadError at `node` when it is not a mapping. `what` names it in messages ("case").
  MapReader(const YAML::Node& node, std::string file, std::string what);

  std::string required_string(const std::string& key);
  std::optional<std::string> optional_string(const std::string& key);
  long optional_int(const std::string& key, long fallback);
  std::optional<long> optional_int(const std::string& key);
  bool optional_bool(const std::string& key, bool fallback);
  /// A sequence of strings (a single string is not accepted).
  std::vector<std::string> optional_string_list(const std::string& key);
  YAML::Node required_node(const std::string& key);
  std::optional<YAML::Node> optional_node(const std::string& key);
  bool has(const std::string& key) const;

  /// Every key in file order (for maps whose keys are data, e.g. expectations).
  std::vector<std::string> keys() const;
  SourceLocation location() const;
  SourceLocation location_of_key(const std::string& key) const;
  const std::string& file() const { return m_file; }
  /// Throws LoadError for the first unread key, with a "did you mean" when one is close.
  void finish() const;

 private:
  /// The key and value nodes of `key` (nullopt when absent), in constant time: a map with
  /// millions of keys must load in time linear in its size.
  std::optional<std::pair<YAML::Node, YAML::Node>> find_entry(const std::string& key) const;

  YAML::Node m_node;
  std::string m_file;
  std::string m_what;
  std::unordered_map<std::string, std::pair<YAML::Node, YAML::Node>> m_entries;
  std::set<std::string> m_read;  // ordered: "did you mean" must not depend on hashing
};

}  // namespace parity::load
