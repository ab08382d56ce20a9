#include "coverage/proof_evidence.hpp"

#include "core/errors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace parity::coverage {
namespace {

using nlohmann::json;

/// A selftest report of a few hundred faults is well under a megabyte.
constexpr std::uintmax_t k_max_selftest_bytes = std::uintmax_t{64} * 1024 * 1024;

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw LoadError(SourceLocation{path, 0, 0}, message);
}

json parse_file(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    fail(path, "not a readable file (expected the JSON of `parity selftest --json`)");
  }
  if (std::filesystem::file_size(path, error) > k_max_selftest_bytes || error) {
    fail(path, "larger than 64 MiB: not a selftest report");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  json doc = json::parse(text.str(), nullptr, false);
  if (doc.is_discarded()) {
    fail(path, "not valid JSON (expected the output of `parity selftest --json`)");
  }
  return doc;
}

std::vector<std::string> strings_at(const std::string& path,
                                    const json& node,
                                    const char* key,
                                    const std::string& where) {
  std::vector<std::string> values;
  const auto found = node.find(key);
  if (found == node.end()) {
    return values;
  }
  if (!found->is_array()) {
    fail(path, where + "." + key + " must be an array of strings");
  }
  for (const json& item : *found) {
    if (!item.is_string()) {
      fail(path, where + "." + key + " must be an array of strings");
    }
    values.push_back(item.get<std::string>());
  }
  return values;
}

/// A clean run that did not pass makes every catch meaningless.
bool clean_runs_pass(const std::string& path, const json& doc) {
  const auto clean = doc.find("clean");
  if (clean == doc.end() || !clean->is_array()) {
    fail(path, "no \"clean\" array: not the JSON of `parity selftest --json`");
  }
  return std::ranges::all_of(*clean, [](const json& run) {
    return run.is_object() && run.value("error", std::string()).empty() &&
           run.value("not_passing", json::array()).empty();
  });
}

FaultEvidence read_fault(const std::string& path, const json& node, std::size_t index) {
  const std::string where = "faults[" + std::to_string(index) + "]";
  if (!node.is_object() || !node.contains("name") || !node["name"].is_string()) {
    fail(path, where + " must be an object with a string \"name\"");
  }
  FaultEvidence fault;
  fault.fault = node["name"].get<std::string>();
  fault.breaks = strings_at(path, node, "breaks", where);
  if (fault.breaks.empty() && node.contains("requirement") && node["requirement"].is_string()) {
    fault.breaks.push_back(node["requirement"].get<std::string>());
  }
  fault.failed = strings_at(path, node, "failed", where);
  fault.warned = strings_at(path, node, "warned", where);
  fault.should_level = node.value("level", std::string("MUST")) != "MUST";
  return fault;
}

}  // namespace

ProofEvidence read_selftest_evidence(const std::string& path) {
  const json doc = parse_file(path);
  if (!doc.is_object() || !doc.contains("faults") || !doc["faults"].is_array()) {
    fail(path, "no \"faults\" array: not the JSON of `parity selftest --json`");
  }
  ProofEvidence evidence;
  evidence.verified = true;
  evidence.source = path;
  const bool clean = clean_runs_pass(path, doc);
  std::size_t index = 0;
  for (const json& node : doc["faults"]) {
    FaultEvidence fault = read_fault(path, node, index++);
    if (!clean) {
      fault.failed.clear();
      fault.warned.clear();
    }
    evidence.faults.push_back(std::move(fault));
  }
  return evidence;
}

}  // namespace parity::coverage
