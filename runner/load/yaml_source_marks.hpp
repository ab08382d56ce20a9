#pragma once

#include "core/errors.hpp"

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace parity::load {

/// Records that every node under `root` comes from `file`: location_of then names that file
/// whatever file its reader was given (profile overlays merge nodes of several files). The
/// mark is kept in each node's tag, after the written one.
void mark_source_file(const YAML::Node& root, const std::string& file);

/// 1-based location of `node` in `file`, or in the file mark_source_file recorded for it.
SourceLocation location_of(const YAML::Node& node, const std::string& file);

/// The tag of `node` as its file wrote it, without the mark of mark_source_file (yaml-cpp 0.7
/// tags untagged plain scalars "?" and quoted or block scalars "!").
std::string_view written_tag(const YAML::Node& node);

}  // namespace parity::load
