#pragma once

#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace parity::compare {

/// One column of a comparison: the results of one run against one provider, and how to
/// label it. Built from a JSON run report (schema_version 1) or from a run just finished.
struct ProviderRun {
  std::string label;      ///< column heading; unique within a comparison (see unique_labels)
  std::string source;     ///< where the results came from: a report path, or "run of PATH"
  std::string emulation;  ///< non-empty: the provider is an emulation, and how it was built
  std::string problem;    ///< non-empty: the run could not take place (e.g. discovery failed)
  RunResult result;
};

/// Builds a column from a parsed JSON run report. The emulation label is read from
/// `profile.emulation` (or a top-level `emulation`) when the report carries one. Throws
/// parity::LoadError naming `source` for a document report::from_json() rejects.
ProviderRun provider_run_from_json(const nlohmann::json& doc, const std::string& source);

/// Reads and parses the JSON run report at `path` (see provider_run_from_json). Throws
/// parity::LoadError when the file cannot be read or is not a parity report.
ProviderRun read_provider_run(const std::string& path);

/// Builds a column from a finished run, through its JSON form, so that it carries exactly
/// what a report written by `parity run` would (including any emulation label).
ProviderRun provider_run_from_result(const RunResult& result, const std::string& source);

/// Makes the labels of `runs` unique, in order: a repeated label gets " (2)", " (3)", …
void unique_labels(std::vector<ProviderRun>& runs);

}  // namespace parity::compare
