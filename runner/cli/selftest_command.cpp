#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "load/catalogue_loader.hpp"
#include "load/suite_loader.hpp"
#include "report/files.hpp"
#include "report/runs_progress.hpp"
#include "report/terminal.hpp"
#include "selftest/selftest.hpp"
#include "selftest/selftest_output.hpp"
#include "target/target.hpp"

#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace parity::cli {

int selftest_command(const SelftestOptionsCli& options) {
  target::check_faults(options.faults);
  selftest::SelftestOptions selftest;
  selftest.profiles_dir = default_path("profiles");
  selftest.proofs = selftest::load_fault_proofs(
      options.proofs.empty() ? default_path(k_default_fault_proofs) : options.proofs);
  selftest.catalogue = load::load_catalogue(default_path(k_default_catalogue));
  selftest.only_faults = options.faults;
  selftest.filters = options.filters;
  selftest.profile_sets = options.sets;
  selftest.parallel = options.parallel;
  selftest.jobs = options.jobs;
  const std::vector<Suite> suites = load::load_suites(
      options.suites.empty() ? std::vector{default_path("suites")} : options.suites);
  load::check_requirement_ids(suites, selftest.catalogue);
  if (!options.json.empty()) {  // before the runs, so that no result is lost at the end
    if (const std::string reason = report::unwritable_reason(options.json); !reason.empty()) {
      throw LoadError(SourceLocation{options.json, 0, 0}, "cannot write --json here: " + reason);
    }
  }
  std::cout << "selftest: the whole suite against the clean reference server, then once per "
               "fault ("
            << selftest.parallel << " at a time)\n"
            << std::flush;
  report::RunsProgress progress(
      std::cout,
      "selftest",
      report::terminal_style(report::current_environment(STDOUT_FILENO), false));
  selftest.on_runs_planned = [&progress](std::size_t runs) {
    progress.plan_runs(runs);
  };
  selftest.listener_for = [&progress](const std::string& run) {
    return progress.listener_for(run);
  };
  const selftest::SelftestReport report = selftest::run_selftest(selftest, suites);
  progress.stop();
  selftest::write_selftest_text(report, std::cout);
  if (!options.json.empty()) {
    try {
      report::write_text_atomic(options.json, selftest::selftest_json(report).dump(2) + "\n");
    } catch (const std::runtime_error& error) {
      throw UsageError(std::string("--json: ") + error.what());
    }
    std::cout << "report: " << options.json << "\n";
  }
  return static_cast<int>(report.ok() ? ExitCode::ok : ExitCode::failed);
}

}  // namespace parity::cli
