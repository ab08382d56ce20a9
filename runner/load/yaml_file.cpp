#include "load/yaml_file.hpp"

#include "core/errors.hpp"
#include "core/input_file.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <unordered_map>

namespace parity::load {
namespace {

// Counts the documents of a stream and where the second one starts, and bounds what aliases
// add to the first, building nothing. yaml-cpp 0.7 shares an aliased node in the node graph,
// but every reader that walks the graph (to_json, the loaders) meets it once per alias: a
// "billion laughs" document of a few hundred bytes would expand to billions of nodes there,
// and an alias inside the node it names would make the walk endless.
class DocumentCheck : public YAML::EventHandler {
 public:
  explicit DocumentCheck(std::string path) : m_path(std::move(path)) {}

  int documents = 0;
  YAML::Mark second_document;
  bool second_is_empty = false;  ///< the second document is a lone null (a stray token)

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++documents;
    m_first_event = true;
    if (documents == 2) {
      second_document = mark;
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    first_event(mark, true);
    add_leaf(anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    first_event(mark, false);
    add_alias(mark, anchor);
  }
  void OnScalar(const YAML::Mark& mark,
                const std::string& /*tag*/,
                YAML::anchor_t anchor,
                const std::string& /*value*/) override {
    first_event(mark, false);
    add_leaf(anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark,
                       const std::string& /*tag*/,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    first_event(mark, false);
    m_open.push_back({anchor, 1});
  }
  void OnSequenceEnd() override { close_collection(); }
  void OnMapStart(const YAML::Mark& mark,
                  const std::string& /*tag*/,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    first_event(mark, false);
    m_open.push_back({anchor, 1});
  }
  void OnMapEnd() override { close_collection(); }

 private:
  // A collection being read: its anchor (0: none) and its nodes so far, aliases expanded.
  struct Open {
    YAML::anchor_t anchor = 0;
    std::uint64_t nodes = 0;
  };
  // Sizes saturate here, far above the cap and far below overflow.
  static constexpr std::uint64_t k_saturated = std::uint64_t{1} << 60;

  void first_event(const YAML::Mark& mark, bool null) {
    if (m_first_event && documents == 2) {
      second_document = mark;
      second_is_empty = null;
    }
    m_first_event = false;
  }

  void add_nodes(std::uint64_t nodes) {
    if (!m_open.empty()) {
      m_open.back().nodes = std::min(k_saturated, m_open.back().nodes + nodes);
    }
  }

  void add_leaf(YAML::anchor_t anchor) {
    if (anchor != 0) {
      m_sizes[anchor] = 1;
    }
    add_nodes(1);
  }

  void close_collection() {
    const Open closed = m_open.back();
    m_open.pop_back();
    if (closed.anchor != 0) {
      m_sizes[closed.anchor] = closed.nodes;
    }
    add_nodes(closed.nodes);
  }

  void add_alias(const YAML::Mark& mark, YAML::anchor_t anchor) {
    const bool inside = std::any_of(
        m_open.begin(), m_open.end(), [&](const Open& open) { return open.anchor == anchor; });
    if (inside) {
      throw LoadError({m_path, mark.line + 1, mark.column + 1},
                      "this alias refers to a node that contains it (the node would be endless)");
    }
    const auto size = m_sizes.find(anchor);
    const std::uint64_t nodes = size == m_sizes.end() ? 1 : size->second;
    m_alias_nodes = std::min(k_saturated, m_alias_nodes + nodes);
    if (m_alias_nodes > k_max_alias_nodes) {
      throw LoadError({m_path, mark.line + 1, mark.column + 1},
                      "aliases expand this document by more than " +
                          std::to_string(k_max_alias_nodes) +
                          " nodes (an alias bomb?); write the repeated content out or share less");
    }
    add_nodes(nodes);
  }

  std::string m_path;
  bool m_first_event = false;
  std::vector<Open> m_open;
  std::unordered_map<YAML::anchor_t, std::uint64_t> m_sizes;
  std::uint64_t m_alias_nodes = 0;  ///< nodes that aliases add, counted once per alias
};

std::string read_file(const std::string& path) {
  try {
    return read_input_file(path, k_max_yaml_file_bytes);
  } catch (const InputFileError& error) {
    throw LoadError({path, 0, 0}, error.what());
  }
}

}  // namespace

YAML::Node parse_yaml_file(const std::string& path) {
  const std::string text = read_file(path);
  try {
    // Counted with the streaming parser first: yaml-cpp 0.7's LoadAll never returns when a
    // ',' (a flow indicator) stands where a block node should (it yields the same empty
    // document forever, growing memory; found by runner/scripts/fuzz.sh, profile_loader).
    std::istringstream stream(text);
    YAML::Parser parser(stream);
    DocumentCheck probe(path);
    while (probe.documents < 2 && parser.HandleNextDocument(probe)) {
    }
    if (probe.documents == 0) {
      throw LoadError({path, 1, 1}, "empty document");
    }
    if (probe.documents > 1) {
      const YAML::Mark mark = probe.second_document;
      throw LoadError({path, mark.line + 1, mark.column + 1},
                      probe.second_is_empty
                          ? "unexpected character here (e.g. a ',' outside [ ] or { })"
                          : "only one YAML document is allowed");
    }
    YAML::Node root = YAML::Load(text);
    if (root.IsNull()) {
      throw LoadError({path, 1, 1}, "empty document");
    }
    return root;
  } catch (const YAML::ParserException& e) {
    throw LoadError({path, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
}

std::vector<std::string> yaml_files(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    return {path};  // parse_yaml_file reports a missing or unreadable file
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().extension() == ".yaml" && entry.is_regular_file(ec)) {
      files.push_back(entry.path().string());
    }
  }
  if (ec) {
    throw LoadError({path, 0, 0}, "cannot read: " + ec.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace parity::load
