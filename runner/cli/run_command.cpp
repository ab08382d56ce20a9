#include "cli/commands.hpp"
#include "cli/report_outputs.hpp"
#include "core/errors.hpp"
#include "http/curl_client.hpp"
#include "load/catalogue_loader.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "report/console_reporter.hpp"
#include "run/executor.hpp"
#include "run/plan.hpp"
#include "target/target.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace parity::cli {
namespace {

bool use_color(const RunOptionsCli& options) {
  return !options.no_color && std::getenv("NO_COLOR") == nullptr && isatty(STDOUT_FILENO) == 1;
}

std::vector<std::string> profile_paths(const RunOptionsCli& options) {
  if (!options.profiles.empty()) {
    return options.profiles;
  }
  return {default_path("profiles/reference.yaml")};
}

std::vector<std::string> suite_paths(const RunOptionsCli& options) {
  if (!options.suites.empty()) {
    return options.suites;
  }
  return {default_path("suites")};
}

/// Loads the suites and checks that every requirement they cite is in the catalogue.
std::vector<Suite> load_checked_suites(const RunOptionsCli& options) {
  std::vector<Suite> suites = load::load_suites(suite_paths(options));
  load::check_requirement_ids(suites, load::load_catalogue(default_path(k_default_catalogue)));
  return suites;
}

run::Selection selection_of(const RunOptionsCli& options) {
  return run::Selection{options.filters, options.tags};
}

/// Runs one profile; returns its exit code.
int run_profile(const Profile& loaded,
                const std::vector<Suite>& suites,
                const RunOptionsCli& options,
                bool several_profiles) {
  const std::string out_dir = options.out_dir.empty() ? default_path("reports") : options.out_dir;
  const auto outputs =
      resolve_report_outputs(options.reports, out_dir, loaded.id, several_profiles);
  target::Target prepared = target::prepare_target(loaded, options.faults);
  if (!prepared.error.empty()) {
    std::cerr << "parity: profile " << loaded.id << ": " << prepared.error << "\n";
    return static_cast<int>(ExitCode::errored);
  }
  report::ConsoleReporter console(std::cout, use_color(options), options.verbose);
  run::RunOptions run_options;
  run_options.jobs = options.jobs;
  run_options.max_wait = std::chrono::seconds(options.max_wait_seconds);
  const RunResult result =
      target::run_suites(prepared, suites, selection_of(options), run_options, console);
  for (const std::string& path : write_reports(result, outputs)) {
    std::cout << "report: " << path << "\n";
  }
  return static_cast<int>(exit_code_for(result));
}

}  // namespace

int run_command(const RunOptionsCli& options) {
  std::vector<Profile> profiles;
  for (const std::string& path : profile_paths(options)) {
    profiles.push_back(load::load_profile(path));
  }
  const std::vector<Suite> suites = load_checked_suites(options);
  bool errored = false;
  bool failed = false;
  for (const Profile& profile : profiles) {
    const int code = run_profile(profile, suites, options, profiles.size() > 1);
    errored = errored || code == static_cast<int>(ExitCode::errored);
    failed = failed || code == static_cast<int>(ExitCode::failed);
  }
  // Errors outrank failures, as for a single run (see ExitCode).
  if (errored) {
    return static_cast<int>(ExitCode::errored);
  }
  return static_cast<int>(failed ? ExitCode::failed : ExitCode::ok);
}

int list_command(const RunOptionsCli& options) {
  const std::vector<Suite> suites = load_checked_suites(options);
  for (const std::string& path : profile_paths(options)) {
    const Profile profile = load::load_profile(path);
    const run::Plan plan = run::make_plan(profile, suites, selection_of(options));
    std::size_t runnable = 0;
    std::cout << "profile " << profile.id << " (" << path << ")\n";
    for (const run::PlannedCase& planned : plan.cases) {
      if (planned.skip_reason.empty()) {
        ++runnable;
        std::cout << "  RUN   " << planned.spec->full_id() << "  " << planned.spec->title << "\n";
      } else {
        std::cout << "  SKIP  " << planned.spec->full_id() << ": " << planned.skip_reason << "\n";
      }
    }
    std::cout << "  " << plan.cases.size() << " cases: " << runnable << " would run, "
              << plan.cases.size() - runnable << " skipped\n";
  }
  return 0;
}

}  // namespace parity::cli
