#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "cli/numeric_option.hpp"
#include "core/build_info.hpp"
#include "core/display_text.hpp"
#include "core/errors.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace parity::cli {
namespace {

// Each subcommand's help lists the exit codes it can return, and only those.
constexpr const char* k_exit_usage = "1 usage error";
constexpr const char* k_exit_bad_input =
    "2 bad input (a suite, profile, key, config or output path cannot be used)";

std::string exit_codes(std::initializer_list<std::string_view> codes) {
  std::string out = "Exit codes:";
  for (const std::string_view code : codes) {
    out += "\n  " + std::string(code);
  }
  return out;
}

void add_profiles_option(CLI::App& command, std::vector<std::string>& profiles, const char* what) {
  command.add_option("-p,--profile", profiles, what);
}

// profiles/README.md, "Overlays".
void add_set_option(CLI::App& command, std::vector<std::string>& sets) {
  command.add_option("--set",
                     sets,
                     "PATH=VALUE: set one profile value after loading, e.g. "
                     "policies.min_state_length=8 or clients.web.secret_env=MY_SECRET (VALUE is "
                     "YAML; repeatable)");
}

void add_suites_option(CLI::App& command, std::vector<std::string>& suites) {
  command.add_option("-s,--suites", suites, "Suite file or directory (repeatable)")
      ->default_str("suites/");
}

void add_selection_options(CLI::App& command, RunOptionsCli& options) {
  add_profiles_option(command,
                      options.profiles,
                      "Profile YAML to run against (repeatable; default: profiles/reference.yaml, "
                      "the embedded reference server)");
  add_set_option(command, options.sets);
  add_suites_option(command, options.suites);
  command.add_option("-f,--filter",
                     options.filters,
                     "Only cases whose full id (suite/case) matches this glob (repeatable)");
  command.add_option("-t,--tag", options.tags, "Only cases with this tag (repeatable)");
  command.add_option("--variable",
                     options.variables,
                     "NAME=VALUE: define ${NAME} in every case, over a profile value or case "
                     "var of that name (repeatable)");
}

void add_jobs_options(CLI::App& command, int& jobs, int& max_wait_seconds) {
  command.add_option("-j,--jobs", jobs, "Cases run concurrently")
      ->check(integer_between(1, 64))
      ->capture_default_str();
  command
      .add_option("--max-wait",
                  max_wait_seconds,
                  "Longest wait step allowed, seconds (longer waits make the case errored)")
      ->check(integer_between(0, 86400))
      ->capture_default_str();
}

void add_run_options(CLI::App& command, RunOptionsCli& options) {
  add_selection_options(command, options);
  command.add_option("--fault",
                     options.faults,
                     "Start the embedded reference server with this deliberate fault "
                     "(repeatable; see `parity faults`)");
  add_jobs_options(command, options.jobs, options.max_wait_seconds);
  command.add_option("-o,--out", options.out_dir, "Report directory")->default_str("reports/");
  command
      .add_option("-r,--report",
                  options.reports,
                  "Report to write: junit, json or html, each optionally with :PATH "
                  "(repeatable)")
      ->default_str("junit and json");
  command.add_flag("--allow-empty",
                   options.allow_empty,
                   "Exit 0, not 6, when no case ran (all skipped, or nothing selected)");
  command.add_option("--max-skipped",
                     options.max_skipped,
                     "Exit 6 when more cases than N, or more than P% of them, were skipped");
  command.add_flag("-v,--verbose", options.verbose, "Print the exchanges of non-passing cases");
  command.add_flag("--no-color",
                   options.no_color,
                   "No ANSI colours (also: NO_COLOR set and non-empty, TERM=dumb, not a terminal)");
}

void add_run_command(CLI::App& app, RunOptionsCli& options, int& exit_code) {
  CLI::App* command =
      app.add_subcommand("run", "Run the suites against a provider and write reports");
  add_run_options(*command, options);
  command->add_flag("--reveal-credentials",
                    options.reveal_credentials,
                    "Keep access, refresh and ID tokens, codes, code_verifier, DPoP proofs and "
                    "cookies in the output and reports (local debugging; they then say so). "
                    "Client secrets and passwords stay masked");
  constexpr const char* errored =
      "3 a case errored (network or server malfunction; also a setup failure such as "
      "unreachable discovery)";
  constexpr const char* no_case_ran =
      "6 no case ran (all skipped, or nothing selected; see --allow-empty), or more skipped "
      "than --max-skipped";
  command->footer(exit_codes({"0 every case that ran passed or warned",
                              k_exit_usage,
                              k_exit_bad_input,
                              errored,
                              "4 a conformance failure, and no error",
                              no_case_ran}));
  command->callback([&options, &exit_code] { exit_code = run_command(options); });
}

void add_list_command(CLI::App& app, RunOptionsCli& options, int& exit_code) {
  CLI::App* command = app.add_subcommand("list", "Show what would run, with skip reasons");
  add_selection_options(*command, options);
  command->footer(exit_codes({"0 the plan was shown", k_exit_usage, k_exit_bad_input}));
  command->callback([&options, &exit_code] { exit_code = list_command(options); });
}

void add_validate_command(CLI::App& app, ValidateOptions& options, int& exit_code) {
  CLI::App* command =
      app.add_subcommand("validate", "Load suites and profiles strictly and report every error");
  command->add_option("-p,--profile", options.profiles, "Profile file or directory (repeatable)")
      ->default_str("profiles/");
  // The name used before the options were made the same in every command.
  command->add_option("--profiles", options.profiles)->group("");
  add_set_option(*command, options.sets);
  add_suites_option(*command, options.suites);
  command->footer(exit_codes({"0 everything loads", k_exit_usage, k_exit_bad_input}));
  command->callback([&options, &exit_code] { exit_code = validate_command(options); });
}

void add_coverage_command(CLI::App& app, CoverageOptions& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "coverage", "Show which cases check each requirement of the catalogue, and the gaps");
  add_suites_option(*command, options.suites);
  command->add_option("--catalogue", options.catalogue, "Requirement catalogue file or directory")
      ->default_str("suites/catalogue/");
  command->add_option("--json", options.json, "Also write the coverage report as JSON to PATH");
  command->add_option("--selftest",
                      options.selftest,
                      "Proofs from this JSON of `parity selftest --json` (default: the proofs "
                      "declared in the fault proof table, not verified)");
  command->add_option("--proofs", options.proofs, "Fault proof table read without --selftest")
      ->default_str("fixtures/reference/fault_proofs.yaml");
  command->footer(
      exit_codes({"0 no blocking gap",
                  k_exit_usage,
                  k_exit_bad_input,
                  "4 an observable RFC 9126 MUST or SHOULD requirement has no case, or an RFC 9126 "
                  "AS-side MUST is not proven"}));
  command->callback([&options, &exit_code] { exit_code = coverage_command(options); });
}

void add_selftest_command(CLI::App& app, SelftestOptionsCli& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "selftest",
      "Prove the suite catches non-conformance: run it against the clean reference server and "
      "once per deliberate fault, and print the score");
  add_suites_option(*command, options.suites);
  command->add_option("--fault", options.faults, "Only this fault (repeatable)")
      ->default_str("every fault");
  command->add_option("-f,--filter", options.filters, "Only cases matching this glob (repeatable)");
  add_set_option(*command, options.sets);
  command->add_option("--proofs", options.proofs, "Fault-proof table")
      ->default_str("fixtures/reference/fault_proofs.yaml");
  command->add_option("--json", options.json, "Also write the result as JSON to PATH");
  command->add_option("--parallel", options.parallel, "Runs (clean and faulty) in flight at once")
      ->check(integer_between(1, 32))
      ->capture_default_str();
  command->add_option("-j,--jobs", options.jobs, "Cases in flight per run")
      ->check(integer_between(1, 64))
      ->capture_default_str();
  command->footer(exit_codes({"0 the clean server passes and every fault is caught",
                              k_exit_usage,
                              k_exit_bad_input,
                              "4 a fault was missed, or the clean server did not pass"}));
  command->callback([&options, &exit_code] { exit_code = selftest_command(options); });
}

void add_serve_command(CLI::App& app, ServeOptions& options, int& exit_code) {
  CLI::App* command = app.add_subcommand("serve", "Run the reference authorization server");
  command->add_option("-c,--config", options.config, "Server configuration")
      ->default_str("fixtures/reference/default.yaml");
  command->add_option("--port", options.port, "Port on 127.0.0.1 (0: any free port)")
      ->check(integer_between(0, 65535))
      ->capture_default_str();
  command->add_option("--fault", options.faults, "Deliberate fault to switch on (repeatable)");
  command->footer(exit_codes({"0 stopped by SIGINT or SIGTERM", k_exit_usage, k_exit_bad_input}));
  command->callback([&options, &exit_code] { exit_code = serve_command(options); });
}

void add_compare_command(CLI::App& app, CompareOptionsCli& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "compare",
      "Compare providers: run several profiles concurrently and/or combine earlier JSON "
      "results; write comparison.html, comparison.md and comparison.json");
  add_profiles_option(*command, options.profiles, "Profile to run now (repeatable)");
  add_set_option(*command, options.sets);
  command->add_option("--results", options.results, "JSON report of an earlier run (repeatable)");
  command->add_option("--baseline",
                      options.baseline,
                      "JSON report of an earlier run of the same provider: also report the "
                      "drift and exit 0 unchanged, 4 regression, 5 changed");
  add_suites_option(*command, options.suites);
  command->add_option("-f,--filter", options.filters, "Only cases matching this glob (repeatable)");
  command->add_option("-t,--tag", options.tags, "Only cases with this tag (repeatable)");
  command->add_option("--variable",
                      options.variables,
                      "NAME=VALUE: define ${NAME} in every case of the live runs (repeatable)");
  command->add_option("-o,--out", options.out_dir, "Output directory")->default_str("reports/");
  add_jobs_options(*command, options.jobs, options.max_wait_seconds);
  command->footer(exit_codes({"0 the comparison was written",
                              k_exit_usage,
                              k_exit_bad_input,
                              "3 a provider could not be run at all",
                              "4 with --baseline: a case regressed",
                              "5 with --baseline: cases changed, none regressed"}));
  command->callback([&options, &exit_code] { exit_code = compare_command(options); });
}

void add_drift_command(CLI::App& app, DriftOptions& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "drift", "Show what changed between two runs of one provider (their JSON reports)");
  command->add_option("baseline", options.baseline, "JSON report of the earlier run")->required();
  command->add_option("current", options.current, "JSON report of the later run")->required();
  command->add_option("--json", options.json, "Also write the drift as JSON to PATH");
  command->add_option("--markdown", options.markdown, "Also write the drift as Markdown to PATH");
  command->footer(exit_codes({"0 nothing changed",
                              k_exit_usage,
                              "2 a file is not a parity JSON report, or cannot be read or written",
                              "4 a case regressed (passed or warned before, fails or errors now)",
                              "5 cases changed, none regressed"}));
  command->callback([&options, &exit_code] { exit_code = drift_command(options); });
}

/// The subcommand the command line named, for the hint after a usage error ("" for none).
std::string chosen_command(const CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands()) {
    return command->get_name();
  }
  return "";
}

std::string usage_hint(const std::string& command) {
  return "Run 'parity " + (command.empty() ? std::string() : command + " ") + "--help' for usage.";
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{
      "parity: conformance suite for OAuth 2.0 Pushed Authorization Requests (RFC 9126).\n"
      "Without a command, `parity` runs the whole suite against the embedded reference "
      "server (as `parity run`) and writes reports/reference.junit.xml and .json.",
      "parity"};
  app.set_version_flag("--version",
                       std::string("parity ") + std::string(parity::build_info::version()));
  app.require_subcommand(0, 1);
  app.footer(
      "Exit codes (each command's --help lists those it returns): 0 success, 1 usage error, "
      "2 bad input, 3 a case errored, 4 a conformance failure (drift: a regression), 5 drift: "
      "changes without regression, 6 no case ran.");
  // One line for the error and one hint naming the command's help; no CLI11 boilerplate.
  app.failure_message([](const CLI::App* failing, const CLI::Error& error) {
    return "parity: " + display_text(error.what()) + "\n" +
           usage_hint(failing == nullptr ? std::string() : chosen_command(*failing)) + "\n";
  });

  int exit_code = 0;
  RunOptionsCli run_options;
  RunOptionsCli list_options;
  ValidateOptions validate_options;
  ServeOptions serve_options;
  CoverageOptions coverage_options;
  SelftestOptionsCli selftest_options;
  add_run_command(app, run_options, exit_code);
  add_list_command(app, list_options, exit_code);
  add_validate_command(app, validate_options, exit_code);
  add_coverage_command(app, coverage_options, exit_code);
  add_serve_command(app, serve_options, exit_code);
  add_selftest_command(app, selftest_options, exit_code);
  CompareOptionsCli compare_options;
  DriftOptions drift_options;
  add_compare_command(app, compare_options, exit_code);
  add_drift_command(app, drift_options, exit_code);
  app.add_subcommand("faults", "List the reference server's deliberate faults")
      ->footer(exit_codes({"0 the list was shown"}))
      ->callback([&exit_code] { exit_code = faults_command(); });

  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      exit_code = run_command(RunOptionsCli{});  // bare `parity`: the embedded default
    }
  } catch (const CLI::ParseError& error) {
    // --help and --version exit 0; a usage error prints one line and one hint, and exits 1.
    return app.exit(error) == 0 ? 0 : static_cast<int>(ExitCode::usage);
  } catch (const LoadError& error) {
    // File names and YAML keys in the message are the user's: shown, never acted on.
    std::cerr << "parity: " << display_text(error.what()) << "\n";
    return static_cast<int>(ExitCode::bad_input);
  } catch (const UsageError& error) {
    std::cerr << "parity: " << display_text(error.what()) << "\n"
              << usage_hint(chosen_command(app)) << "\n";
    return static_cast<int>(ExitCode::usage);
  }
  return exit_code;
}

}  // namespace parity::cli
