#include "compare/provider_run.hpp"

#include "core/errors.hpp"
#include "core/input_file.hpp"
#include "report/json_report.hpp"

#include <set>

namespace parity::compare {
namespace {

std::string emulation_of(const nlohmann::json& doc) {
  const auto profile = doc.find("profile");
  if (profile != doc.end() && profile->is_object()) {
    const auto found = profile->find("emulation");
    if (found != profile->end() && found->is_string()) {
      return found->get<std::string>();
    }
  }
  const auto top = doc.find("emulation");
  if (top != doc.end() && top->is_string()) {
    return top->get<std::string>();
  }
  return "";
}

}  // namespace

ProviderRun provider_run_from_json(const nlohmann::json& doc, const std::string& source) {
  ProviderRun run;
  run.result = report::from_json(doc, source);
  run.label = run.result.profile_id;
  run.source = source;
  run.emulation = emulation_of(doc);
  return run;
}

ProviderRun read_provider_run(const std::string& path) {
  const SourceLocation where{path, 0, 0};
  std::string text;
  try {
    text = read_input_file(path, k_max_report_file_bytes);
  } catch (const InputFileError& error) {
    throw LoadError(where, error.what());
  }
  // A report nests a handful of levels; a document nested deeper is not one, and reading it
  // (copies and comparisons recurse) could overflow the stack.
  constexpr int k_max_report_depth = 64;
  const auto bounded = [&](int depth, nlohmann::json::parse_event_t /*event*/, nlohmann::json&) {
    if (depth > k_max_report_depth) {
      throw LoadError(where,
                      "not a parity report: nested deeper than " +
                          std::to_string(k_max_report_depth) + " levels");
    }
    return true;
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text, bounded);
  } catch (const nlohmann::json::parse_error& error) {
    throw LoadError(where, report::not_json_message(error.byte));
  }
  return provider_run_from_json(doc, path);
}

ProviderRun provider_run_from_result(const RunResult& result, const std::string& source) {
  return provider_run_from_json(report::to_json(result), source);
}

void unique_labels(std::vector<ProviderRun>& runs) {
  std::set<std::string> used;
  for (ProviderRun& run : runs) {
    const std::string base = run.label.empty() ? "run" : run.label;
    std::string candidate = base;
    for (int n = 2; used.count(candidate) > 0; ++n) {
      candidate = base + " (" + std::to_string(n) + ")";
    }
    used.insert(candidate);
    run.label = candidate;
  }
}

}  // namespace parity::compare
