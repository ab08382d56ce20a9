#include "load/profile_overlay.hpp"

#include "core/errors.hpp"
#include "load/checks.hpp"
#include "load/yaml_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <utility>

namespace parity::load {
namespace {

// Merges `overlay` into `base`: a key whose values are maps on both sides merges recursively;
// a null value (`~`) removes the key; any other value replaces the base's in place (the base
// node takes the overlay's data, its mark and file included, so errors point at the overlay).
// Keys are looked up in a hash index of the base map, so that merging stays linear in the
// size of both (yaml-cpp looks map keys up one by one); a removal costs the size of its map.
void merge_into(YAML::Node base, const YAML::Node& overlay) {
  std::unordered_map<std::string, YAML::Node> index;
  for (auto it = base.begin(); it != base.end(); ++it) {
    index.emplace(it->first.Scalar(), it->second);
  }
  for (auto it = overlay.begin(); it != overlay.end(); ++it) {
    const std::string key = it->first.Scalar();
    const auto existing = index.find(key);
    if (it->second.IsNull()) {
      if (existing != index.end()) {
        base.remove(key);
        index.erase(existing);
      }
      continue;
    }
    if (existing == index.end()) {
      base.force_insert(it->first, it->second);
      continue;
    }
    if (existing->second.IsMap() && it->second.IsMap()) {
      merge_into(existing->second, it->second);
      continue;
    }
    existing->second = it->second;  // yaml-cpp: the base node now shares the overlay's data
  }
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path resolved = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : resolved.string();
}

// The profile at `path` with the chain it extends merged in; `chain` holds the files being
// read (the innermost last) to find cycles.
YAML::Node read_with_bases(const std::string& path, std::vector<std::string>& chain, bool& marked) {
  YAML::Node document = parse_yaml_file(path);
  // yaml-cpp throws BadSubscript when a scalar is subscripted: look for the key in maps only.
  const YAML::Node extends = document.IsMap() ? std::as_const(document)["extends"] : YAML::Node();
  if (!document.IsMap() || !extends) {
    if (marked) {
      mark_source_file(document, path);
    }
    return document;
  }
  marked = true;
  mark_source_file(document, path);
  if (!extends.IsScalar()) {
    throw LoadError(location_of(extends, path), "'extends' must be the path of a profile file");
  }
  const Located base_path{resolve_path(path, extends.Scalar()), location_of(extends, path)};
  const std::string base_canonical = canonical(base_path.value);
  if (std::find(chain.begin(), chain.end(), base_canonical) != chain.end()) {
    throw LoadError(
        base_path.where,
        "'extends' makes a cycle: " + base_path.value + " extends " + "this file again");
  }
  if (static_cast<int>(chain.size()) >= k_max_extends_depth) {
    throw LoadError(
        base_path.where,
        "'extends' chains more than " + std::to_string(k_max_extends_depth) + " profile files");
  }
  require_file(base_path.value, base_path.where, k_max_yaml_file_bytes);
  chain.push_back(base_canonical);
  YAML::Node base = read_with_bases(base_path.value, chain, marked);
  chain.pop_back();
  if (!base.IsMap()) {
    throw LoadError(location_of(base, base_path.value), "profile must be a mapping");
  }
  document.remove("extends");
  merge_into(base, document);
  return base;
}

std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (auto it = map.begin(); it != map.end(); ++it) {
    keys.push_back(it->first.Scalar());
  }
  return keys;
}

void apply_set(YAML::Node root, const std::string& spec) {
  const std::string label = set_source_label(spec);
  const std::size_t equals = spec.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw LoadError({label, 0, 0}, "--set needs path=value (e.g. policies.min_state_length=8)");
  }
  std::vector<std::string> keys;
  for (std::size_t start = 0; start <= equals;) {
    const std::size_t dot = std::min(spec.find('.', start), equals);
    keys.push_back(spec.substr(start, dot - start));
    if (keys.back().empty()) {
      throw LoadError({label, 0, 0},
                      "--set path '" + spec.substr(0, equals) + "' has an empty key");
    }
    start = dot + 1;
  }
  YAML::Node node;
  try {
    node = YAML::Load(spec.substr(equals + 1));
  } catch (const YAML::ParserException& e) {
    throw LoadError({label, 1, e.mark.column + 1}, e.msg);
  }
  const YAML::Node key_node(keys.back());
  mark_source_file(node, label);
  mark_source_file(key_node, label);
  YAML::Node parent = root;
  for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
    const std::string& key = keys[i];
    const YAML::Node found = std::as_const(parent)[key];
    YAML::Node child = found ? found : YAML::Node();
    if (!found && i == 0) {
      child.reset(YAML::Node(YAML::NodeType::Map));
      const YAML::Node created_key(key);
      mark_source_file(child, label);
      mark_source_file(created_key, label);
      parent.force_insert(created_key, child);
    }
    if (!child || !child.IsMap()) {
      std::string message = "--set: '" + key + "' is not a map of the profile";
      const std::string close = found ? "" : suggest(key, keys_of(parent));
      if (!close.empty()) {
        message += " (did you mean '" + close + "'?)";
      }
      throw LoadError({label, 0, 0}, message);
    }
    parent.reset(child);  // rebinds the handle (operator= would overwrite the node)
  }
  parent.remove(keys.back());
  parent.force_insert(key_node, node);
}

}  // namespace

std::string set_source_label(const std::string& spec) {
  return "--set " + shown_value(spec);
}

YAML::Node read_profile_document(const std::string& path, const std::vector<std::string>& sets) {
  std::vector<std::string> chain{canonical(path)};
  bool marked = false;
  YAML::Node document = read_with_bases(path, chain, marked);
  if (!sets.empty() && !document.IsMap()) {
    throw LoadError(location_of(document, path), "profile must be a mapping");
  }
  for (const std::string& spec : sets) {
    apply_set(document, spec);
  }
  return document;
}

}  // namespace parity::load
