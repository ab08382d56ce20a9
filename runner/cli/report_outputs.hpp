#pragma once

#include "core/requirement.hpp"
#include "core/result.hpp"

#include <string>
#include <vector>

namespace parity::cli {

/// One report file to write: a writer name ("junit", "json" or "html") and its path.
struct ReportOutput {
  std::string kind;
  std::string path;
};

/// Resolves `--report` specs for one profile: "junit" → <out_dir>/<profile_id>.junit.xml,
/// "json" → <out_dir>/<profile_id>.json, "html" → <out_dir>/<profile_id>.html, "KIND:PATH" →
/// PATH. No specs: junit and json. Throws UsageError for an unknown kind, or an explicit PATH
/// when several profiles run.
std::vector<ReportOutput> resolve_report_outputs(const std::vector<std::string>& specs,
                                                 const std::string& out_dir,
                                                 const std::string& profile_id,
                                                 bool several_profiles);

/// Checks, before anything runs, that every report of `outputs` can be written (creating the
/// missing directories); throws LoadError (exit 2) naming the path and the reason otherwise.
void check_report_outputs(const std::vector<ReportOutput>& outputs);

/// Writes each report atomically; returns the paths written. The HTML page quotes the text of
/// the requirements the cases cite from `catalogue`. Throws LoadError (exit 2) when a file
/// cannot be written after all.
std::vector<std::string> write_reports(const RunResult& result,
                                       const std::vector<ReportOutput>& outputs,
                                       const std::vector<Requirement>& catalogue = {});

}  // namespace parity::cli
