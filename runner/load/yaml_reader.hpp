#pragma once

#include "core/errors.hpp"
#include "core/suggest.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace parity::load {

/// The most nodes that aliases may add to one YAML document, each alias counted with the
/// size of the node it names (README, "Limits").
inline constexpr std::uint64_t k_max_alias_nodes = 100000;

/// Parses a YAML file. Throws LoadError "file:line:col: …" on a syntax error, on an alias
/// inside the node it names and when aliases add more than k_max_alias_nodes nodes, and
/// LoadError "file: <reason>" when the file is not a regular file of at most
/// k_max_yaml_file_bytes (core/input_file.hpp) or cannot be read.
YAML::Node parse_yaml_file(const std::string& path);

/// The YAML files `path` names: itself when it is a file, or the *.yaml files directly inside
/// it (sorted by name) when it is a directory. Throws LoadError when it does not exist.
std::vector<std::string> yaml_files(const std::string& path);

/// Records that every node under `root` comes from `file`: location_of then names that file
/// whatever file its reader was given (profile overlays merge nodes of several files). The
/// mark is kept in each node's tag, after the written one.
void mark_source_file(const YAML::Node& root, const std::string& file);

/// 1-based location of `node` in `file`, or in the file mark_source_file recorded for it.
SourceLocation location_of(const YAML::Node& node, const std::string& file);

/// Converts a YAML value to JSON: plain scalars become integers, floats, booleans
/// (true/false) or null (~, null) when they look like one; quoted scalars stay strings.
nlohmann::json to_json(const YAML::Node& node);

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
