#include "cli/report_outputs.hpp"

#include "core/errors.hpp"
#include "html/run_page.hpp"
#include "report/files.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"

#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace parity::cli {
namespace {

std::string default_file(const std::string& kind,
                         const std::string& out_dir,
                         const std::string& profile_id) {
  const std::string name = kind == "junit"  ? profile_id + ".junit.xml"
                           : kind == "html" ? profile_id + ".html"
                                            : profile_id + ".json";
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
    if (kind != "junit" && kind != "json" && kind != "html") {
      std::string message = "unknown report '" + kind + "' in --report ";
      message += spec;
      message += " (known: junit, json, html)";
      throw UsageError(message);
    }
    if (colon == std::string::npos) {
      outputs.push_back({kind, default_file(kind, out_dir, profile_id)});
      continue;
    }
    if (several_profiles) {
      throw UsageError("--report " + spec +
                       " names one file, but several profiles run; use --out instead");
    }
    if (colon + 1 == spec.size()) {
      throw UsageError("--report " + spec + " names no file (give KIND or KIND:PATH)");
    }
    outputs.push_back({kind, spec.substr(colon + 1)});
  }
  return outputs;
}

void check_report_outputs(const std::vector<ReportOutput>& outputs) {
  for (const ReportOutput& output : outputs) {
    const std::string reason = report::unwritable_reason(output.path);
    if (!reason.empty()) {
      throw LoadError(SourceLocation{output.path, 0, 0},
                      "cannot write the " + output.kind + " report here: " + reason);
    }
  }
}

std::vector<std::string> write_reports(const RunResult& result,
                                       const std::vector<ReportOutput>& outputs,
                                       const std::vector<Requirement>& catalogue) {
  std::vector<std::string> written;
  for (const ReportOutput& output : outputs) {
    std::ostringstream text;
    if (output.kind == "junit") {
      report::write_junit(result, text);
    } else if (output.kind == "html") {
      text << html::render_run_page(result, catalogue);
    } else {
      report::write_json(result, text);
    }
    try {
      report::write_text_atomic(output.path, text.str());
    } catch (const std::runtime_error& error) {
      throw LoadError(SourceLocation{}, error.what());  // "PATH: cannot write: <reason>"
    }
    written.push_back(output.path);
  }
  return written;
}

}  // namespace parity::cli
