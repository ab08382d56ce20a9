#pragma once

#include "core/result.hpp"

#include <string>
#include <vector>

namespace parity::cli {

/// One report file to write: a writer name ("junit" or "json") and its path.
struct ReportOutput {
  std::string kind;
  std::string path;
};

/// Resolves `--report` specs for one profile: "junit" → <out_dir>/<profile_id>.junit.xml,
/// "json" → <out_dir>/<profile_id>.json, "KIND:PATH" → PATH. No specs: junit and json.
/// Throws UsageError for an unknown kind, or an explicit PATH when several profiles run.
std::vector<ReportOutput> resolve_report_outputs(const std::vector<std::string>& specs,
                                                 const std::string& out_dir,
                                                 const std::string& profile_id,
                                                 bool several_profiles);

/// Writes each report atomically; returns the paths written.
std::vector<std::string> write_reports(const RunResult& result,
                                       const std::vector<ReportOutput>& outputs);

}  // namespace parity::cli
