#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
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

}  // namespace parity::load
