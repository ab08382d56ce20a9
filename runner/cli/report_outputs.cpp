#include "cli/report_outputs.hpp"

#include "core/errors.hpp"
#include "report/files.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"

#include <filesystem>
#include <sstream>

namespace parity::cli {
namespace {

std::string default_file(const std::string& kind,
                         const std::string& out_dir,
                         const std::string& profile_id) {
  const std::string name = kind == "junit" ? profile_id + ".junit.xml" : profile_id + ".json";
  return (std::filesystem::path(out_dir) / name).string();
}

}  // namespace

std::vector<ReportOutput> resolve_report_outputs(const std::vector<std::string>& specs,
                                                 const std::string& out_dir,
                                                 const std::string& profile_id,
                                                 bool several_profiles) {
  std::vector<ReportOutput> outputs;
  const std::vector<std::string> effective =
      specs.empty() ? std::vector<std::string>{"junit", "json"} : specs;
  for (const std::string& spec : effective) {
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    if (kind != "junit" && kind != "json") {
      throw UsageError("unknown report '" + kind + "' in --report " + spec +
                       std::string(" (known: junit, json)"));
    }
    if (colon == std::string::npos) {
      outputs.push_back({kind, default_file(kind, out_dir, profile_id)});
      continue;
    }
    if (several_profiles) {
      throw UsageError("--report " + spec +
                       " names one file, but several profiles run; use --out instead");
    }
    outputs.push_back({kind, spec.substr(colon + 1)});
  }
  return outputs;
}

std::vector<std::string> write_reports(const RunResult& result,
                                       const std::vector<ReportOutput>& outputs) {
  std::vector<std::string> written;
  for (const ReportOutput& output : outputs) {
    std::ostringstream text;
    if (output.kind == "junit") {
      report::write_junit(result, text);
    } else {
      report::write_json(result, text);
    }
    report::write_text_atomic(output.path, text.str());
    written.push_back(output.path);
  }
  return written;
}

}  // namespace parity::cli
