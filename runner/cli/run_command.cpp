#include "cli/commands.hpp"
#include "cli/report_outputs.hpp"
#include "core/display_text.hpp"
#include "core/errors.hpp"
#include "load/catalogue_loader.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "plan/plan.hpp"
#include "report/console_reporter.hpp"
#include "report/terminal.hpp"
#include "run/executor.hpp"
#include "target/target.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <unistd.h>

namespace parity::cli {
namespace {

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

/// The suites, checked against the requirement catalogue, and the catalogue.
struct LoadedSuites {
  std::vector<Suite> suites;
  std::vector<Requirement> catalogue;
};

LoadedSuites load_checked_suites(const RunOptionsCli& options) {
  LoadedSuites loaded;
  loaded.suites = load::load_suites(suite_paths(options));
  loaded.catalogue = load::load_catalogue(default_path(k_default_catalogue));
  load::check_requirement_ids(loaded.suites, loaded.catalogue);
  return loaded;
}

std::vector<Profile> load_profiles(const RunOptionsCli& options) {
  const std::map<std::string, std::string> variables = parse_variables(options.variables);
  std::vector<Profile> profiles;
  for (const std::string& path : profile_paths(options)) {
    profiles.push_back(load::load_profile(path, options.sets));
    profiles.back().variables = variables;
  }
  return profiles;
}

run::Selection selection_of(const RunOptionsCli& options) {
  return run::Selection{options.filters, options.tags};
}

/// `--allow-empty` and `--max-skipped N|P%`; throws UsageError for a malformed limit.
SkipPolicy skip_policy_of(const RunOptionsCli& options) {
  SkipPolicy policy;
  policy.allow_empty = options.allow_empty;
  const std::string& text = options.max_skipped;
  if (text.empty()) {
    return policy;
  }
  const bool percent = text.back() == '%';
  const std::string number = percent ? text.substr(0, text.size() - 1) : text;
  const bool digits = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.';
  });
  const double value = digits ? std::strtod(number.c_str(), nullptr) : -1;
  if (!digits || (percent && value > 100) || (!percent && number.find('.') != std::string::npos)) {
    throw UsageError("--max-skipped '" + text +
                     "' is neither a number of cases (N) nor a share of them (P%, 0 to 100)");
  }
  if (percent) {
    policy.max_skipped_percent = value;
  } else {
    policy.max_skipped_cases = static_cast<int>(value);
  }
  return policy;
}

/// One profile's run, from the prepared target to the written reports.
struct ProfileRun {
  const Profile& profile;
  const LoadedSuites& loaded;
  const RunOptionsCli& options;
  const std::vector<ReportOutput>& outputs;
  std::string out_dir;  ///< where files a run leaves next to its reports go (screenshots)
};

/// Prepares the target and plans the cases; on failure, returns why and whether it is bad
/// input (exit 2) rather than an unreachable provider (exit 3).
struct Setup {
  target::Target target;
  std::optional<run::Plan> plan;
  std::string error;
  bool bad_input = false;
};

Setup set_up(const ProfileRun& job) {
  Setup setup;
  try {
    setup.target = target::prepare_target(job.profile, job.options.faults);
    setup.error = setup.target.error;
    if (setup.error.empty()) {
      setup.plan =
          run::make_plan(setup.target.profile, job.loaded.suites, selection_of(job.options));
    }
  } catch (const LoadError& error) {
    setup.error = error.what();
    setup.bad_input = true;
  }
  return setup;
}

ExitCode run_profile(const ProfileRun& job, const SkipPolicy& policy) {
  const report::TerminalStyle style =
      report::terminal_style(report::current_environment(STDOUT_FILENO), job.options.no_color);
  report::ConsoleReporter console(
      std::cout, report::ConsoleOptions{style.color, job.options.verbose, style.live, style.width});
  Setup setup = set_up(job);
  RunResult result;
  if (setup.error.empty()) {
    run::RunOptions run_options;
    run_options.jobs = job.options.jobs;
    run_options.max_wait = std::chrono::seconds(job.options.max_wait_seconds);
    run_options.reveal_credentials = job.options.reveal_credentials;
    run_options.artifacts_dir = job.out_dir;
    result = target::run_planned(setup.target, *setup.plan, run_options, console);
  } else {
    // A report on every exit: the selected cases, each errored with the reason.
    std::cerr << "parity: profile " << display_line(job.profile.id) << ": "
              << display_text(setup.error) << "\n";
    result = run::setup_failed_run(
        job.profile, job.loaded.suites, selection_of(job.options), setup.error);
    console.on_setup_failed(result);
  }
  for (const std::string& path : write_reports(result, job.outputs, job.loaded.catalogue)) {
    std::cout << "report: " << display_line(path) << "\n";
  }
  if (!setup.error.empty()) {
    return setup.bad_input ? ExitCode::bad_input : ExitCode::errored;
  }
  const ExitCode code = exit_code_for(result, policy);
  if (code == ExitCode::no_case_ran) {
    std::cout << "parity: profile " << job.profile.id << ": "
              << skip_verdict(totals(result), policy)
              << " (exit 6; --allow-empty accepts a run where no case ran)\n";
  }
  return code;
}

/// The exit code of several profiles: the worst, in the order bad input, errored, failed, no
/// case ran, ok.
ExitCode worst(ExitCode a, ExitCode b) {
  const auto rank = [](ExitCode code) {
    switch (code) {
      case ExitCode::bad_input:
        return 4;
      case ExitCode::errored:
        return 3;
      case ExitCode::failed:
        return 2;
      case ExitCode::no_case_ran:
        return 1;
      default:
        return 0;
    }
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace

int run_command(const RunOptionsCli& options) {
  const SkipPolicy policy = skip_policy_of(options);
  const std::vector<Profile> profiles = load_profiles(options);
  const LoadedSuites loaded = load_checked_suites(options);
  const std::string out_dir =
      options.out_dir.empty() ? std::string(k_default_out_dir) : options.out_dir;
  // Every report path is checked before the first case runs, so no result is lost at the end.
  std::vector<std::vector<ReportOutput>> outputs;
  for (const Profile& profile : profiles) {
    outputs.push_back(
        resolve_report_outputs(options.reports, out_dir, profile.id, profiles.size() > 1));
    check_report_outputs(outputs.back());
  }
  ExitCode code = ExitCode::ok;
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    code = worst(
        code, run_profile(ProfileRun{profiles[i], loaded, options, outputs[i], out_dir}, policy));
  }
  return static_cast<int>(code);
}

int list_command(const RunOptionsCli& options) {
  const LoadedSuites loaded = load_checked_suites(options);
  for (const Profile& profile : load_profiles(options)) {
    const run::Plan plan = run::make_plan(profile, loaded.suites, selection_of(options));
    std::size_t runnable = 0;
    std::cout << "profile " << profile.id << " (" << display_line(profile.file) << ")\n";
    for (const run::PlannedCase& planned : plan.cases) {
      if (planned.skip_reason.empty()) {
        ++runnable;
        std::cout << "  RUN   " << planned.spec->full_id() << "  "
                  << display_line(planned.spec->title) << "\n";
      } else {
        std::cout << "  SKIP  " << planned.spec->full_id() << ": "
                  << display_line(planned.skip_reason) << "\n";
      }
    }
    std::cout << "  " << plan.cases.size() << " cases: " << runnable << " would run, "
              << plan.cases.size() - runnable << " skipped\n";
    for (const report::SkipCause& cause : run::skip_causes(plan)) {
      std::cout << "  " << cause.cases
                << (cause.cases == 1 ? " case skipped: " : " cases skipped: ") << cause.reason
                << "\n";
    }
  }
  return 0;
}

}  // namespace parity::cli
