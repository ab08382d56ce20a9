#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace parity::load {

/// How many files an `extends:` chain may hold, the profile itself included.
inline constexpr int k_max_extends_depth = 8;

/// Reads the profile document at `path` with its overlays applied (profiles/README.md,
/// "Overlays"):
/// - `extends: base.yaml` (relative to the file that says it) loads that profile first; this
///   file's keys are then merged into it: maps merge key by key, recursively; scalars and lists
///   replace; a null value (`key: ~`) removes the key. Chains are followed up to
///   k_max_extends_depth files; a cycle is a LoadError at the `extends` that closes it.
/// - each `--set path=value` (`sets`, applied in order, after every file) sets one value:
///   `path` is dot-separated keys (`policies.min_state_length`), `value` is YAML
///   (`8`, `[pkce_s256, jar]`). Every key but the last must name an existing map, except a
///   missing top-level map (e.g. `policies`), which is created; a wrong one is a LoadError
///   with a did-you-mean. The last key is checked by the profile reader like any other.
/// Every node remembers its own file (mark_source_file), so errors point at the file that
/// holds the bad value and relative paths resolve against it. Without overlays the document
/// is returned as parsed.
YAML::Node read_profile_document(const std::string& path, const std::vector<std::string>& sets);

/// The label errors give a `--set` value as its file: "--set <spec>".
std::string set_source_label(const std::string& spec);

}  // namespace parity::load
