#include "cli/report_outputs.hpp"

#include "core/errors.hpp"
#include "core/strings.hpp"
#include "html/run_page.hpp"
#include "report/files.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"

#include <array>
#include <cassert>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string_view>

namespace parity::cli {
namespace {

/// Writes one report of `result` to `out`; the HTML page also quotes the requirements of
/// `catalogue` that the cases cite.
using ReportWriter = void (*)(const RunResult& result,
                              const std::vector<Requirement>& catalogue,
                              std::ostream& out);

/// One kind of report file: its name in `--report KIND[:PATH]`, the suffix of its default file
/// name after the profile id, and its writer.
struct ReportKind {
  std::string_view name;
  std::string_view default_suffix;
  ReportWriter write;
};

void write_junit(const RunResult& result, const std::vector<Requirement>&, std::ostream& out) {
  report::write_junit(result, out);
}

void write_json(const RunResult& result, const std::vector<Requirement>&, std::ostream& out) {
  report::write_json(result, out);
}

void write_html(const RunResult& result,
                const std::vector<Requirement>& catalogue,
                std::ostream& out) {
  out << html::render_run_page(result, catalogue);
}

constexpr std::array<ReportKind, 3> k_report_kinds{{
    {"junit", ".junit.xml", &write_junit},
    {"json", ".json", &write_json},
    {"html", ".html", &write_html},
}};

/// The report kind called `name`, or nullptr when there is none.
const ReportKind* find_report_kind(std::string_view name) {
  for (const ReportKind& kind : k_report_kinds) {
    if (kind.name == name) {
      return &kind;
    }
  }
  return nullptr;
}

/// "junit, json, html": the known kinds, for the usage error of an unknown one.
std::string known_report_kinds() {
  std::vector<std::string> names;
  for (const ReportKind& kind : k_report_kinds) {
    names.emplace_back(kind.name);
  }
  return join(names, ", ");
}

std::string default_file(const ReportKind& kind,
                         const std::string& out_dir,
                         const std::string& profile_id) {
  return (std::filesystem::path(out_dir) / (profile_id + std::string(kind.default_suffix)))
      .string();
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
    const ReportKind* known = find_report_kind(kind);
    if (known == nullptr) {
      std::string message = "unknown report '" + kind + "' in --report ";
      message += spec;
      message += " (known: " + known_report_kinds() + ")";
      throw UsageError(message);
    }
    if (colon == std::string::npos) {
      outputs.push_back({kind, default_file(*known, out_dir, profile_id)});
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
    // resolve_report_outputs made every output, so its kind is a known one.
    const ReportKind* kind = find_report_kind(output.kind);
    assert(kind != nullptr);
    std::ostringstream text;
    kind->write(result, catalogue, text);
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
