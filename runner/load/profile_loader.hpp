#pragma once

#include "core/profile.hpp"

#include <string>
#include <vector>

namespace parity::load {

/// Loads one profile file strictly (profiles/README.md). Relative paths are resolved against
/// the file's directory; client secrets are read from the environment now. Throws LoadError
/// "file:line:col: …" for anything the format does not allow. `extends:` and `sets`
/// (`--set path=value`) are applied first (load/profile_overlay.hpp).
Profile load_profile(const std::string& path, const std::vector<std::string>& sets = {});

/// Loads `path`: a profile file, or a directory whose *.yaml files are loaded in name order
/// (not recursively). Throws LoadError for a duplicate profile id, at the second one.
std::vector<Profile> load_profiles(const std::string& path,
                                   const std::vector<std::string>& sets = {});

}  // namespace parity::load
