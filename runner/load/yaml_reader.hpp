#pragma once

#include "core/errors.hpp"
#include "core/suggest.hpp"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace parity::load {

/// Parses a YAML file. Throws LoadError "file:line:col: …" on a syntax error, and
/// LoadError "file: cannot read: <reason>" when the file cannot be read.
YAML::Node parse_yaml_file(const std::string& path);

/// The YAML files `path` names: itself when it is a file, or the *.yaml files directly inside
/// it (sorted by name) when it is a directory. Throws LoadError when it does not exist.
std::vector<std::string> yaml_files(const std::string& path);

/// 1-based location of `node` in `file`.
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
  YAML::Node m_node;
  std::string m_file;
  std::string m_what;
  std::set<std::string> m_read;
};

}  // namespace parity::load
