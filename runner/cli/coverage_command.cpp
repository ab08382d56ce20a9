#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "coverage/coverage_json.hpp"
#include "coverage/coverage_report.hpp"
#include "coverage/coverage_text.hpp"
#include "load/catalogue_loader.hpp"
#include "load/suite_loader.hpp"
#include "report/files.hpp"

#include <iostream>
#include <stdexcept>

namespace parity::cli {

int coverage_command(const CoverageOptions& options) {
  const std::string catalogue_path =
      options.catalogue.empty() ? default_path(k_default_catalogue) : options.catalogue;
  const std::vector<Requirement> catalogue = load::load_catalogue(catalogue_path);
  const std::vector<Suite> suites = load::load_suites(
      options.suites.empty() ? std::vector{default_path("suites")} : options.suites);
  load::check_requirement_ids(suites, catalogue);
  const coverage::CoverageReport report = coverage::compute_coverage(catalogue, suites);
  coverage::write_coverage_text(report, std::cout);
  if (!options.json.empty()) {
    try {
      report::write_text_atomic(options.json, coverage::to_json(report).dump(2) + "\n");
    } catch (const std::runtime_error& error) {
      throw UsageError(std::string("--json: ") + error.what());
    }
    std::cout << "report: " << options.json << "\n";
  }
  return static_cast<int>(coverage::has_blocking_gaps(report) ? ExitCode::failed : ExitCode::ok);
}

}  // namespace parity::cli
