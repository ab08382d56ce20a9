#include "load/yaml_source_marks.hpp"

#include <cstdlib>
#include <deque>
#include <mutex>

namespace parity::load {
namespace {

// Files whose nodes were marked by mark_source_file, in marking order; a node's tag ends with
// k_file_mark and its file's index here. Only grows, so that an index stays valid.
std::mutex g_marked_files_mutex;
std::deque<std::string> g_marked_files;

constexpr char k_file_mark = '\x1f';

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

// The tag as the YAML file wrote it (yaml-cpp's "?" or "!" for untagged scalars).
std::string_view written_tag(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  return std::string_view(tag).substr(0, tag.find(k_file_mark));
}

}  // namespace parity::load
