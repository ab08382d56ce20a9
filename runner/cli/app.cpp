#include "cli/app.hpp"

#include "cli/commands.hpp"
#include "core/errors.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace parity::cli {
namespace {

void add_selection_options(CLI::App& command, RunOptionsCli& options) {
  command.add_option("-p,--profile",
                     options.profiles,
                     "Profile YAML to run against (repeatable; default: profiles/reference.yaml, "
                     "the embedded reference server)");
  command.add_option(
      "-s,--suites", options.suites, "Suite file or directory (repeatable; default: suites/)");
  command.add_option("-f,--filter",
                     options.filters,
                     "Only cases whose full id (suite/case) matches this glob (repeatable)");
  command.add_option("-t,--tag", options.tags, "Only cases with this tag (repeatable)");
}

void add_run_command(CLI::App& app, RunOptionsCli& options, int& exit_code) {
  CLI::App* command =
      app.add_subcommand("run", "Run the suites against a provider and write reports");
  add_selection_options(*command, options);
  command->add_option("--fault",
                      options.faults,
                      "Start the embedded reference server with this deliberate fault "
                      "(repeatable; see `parity faults`)");
  command->add_option("-j,--jobs", options.jobs, "Cases run concurrently")
      ->check(CLI::Range(1, 64));
  command
      ->add_option("--max-wait",
                   options.max_wait_seconds,
                   "Longest wait step allowed, seconds (longer waits make the case errored)")
      ->check(CLI::Range(0, 86400));
  command->add_option("-o,--out", options.out_dir, "Report directory (default: reports/)");
  command->add_option("-r,--report",
                      options.reports,
                      "Report to write: junit, json, junit:PATH or json:PATH (repeatable; "
                      "default: junit and json)");
  command->add_flag("-v,--verbose", options.verbose, "Print the exchanges of non-passing cases");
  command->add_flag("--no-color", options.no_color, "No ANSI colours on the console");
  command->callback([&options, &exit_code] { exit_code = run_command(options); });
}

void add_list_command(CLI::App& app, RunOptionsCli& options, int& exit_code) {
  CLI::App* command = app.add_subcommand("list", "Show what would run, with skip reasons");
  add_selection_options(*command, options);
  command->callback([&options, &exit_code] { exit_code = list_command(options); });
}

void add_validate_command(CLI::App& app, ValidateOptions& options, int& exit_code) {
  CLI::App* command =
      app.add_subcommand("validate", "Load suites and profiles strictly and report every error");
  command->add_option(
      "--profiles", options.profiles, "Profile file or directory (repeatable; default: profiles/)");
  command->add_option(
      "--suites", options.suites, "Suite file or directory (repeatable; default: suites/)");
  command->callback([&options, &exit_code] { exit_code = validate_command(options); });
}

void add_coverage_command(CLI::App& app, CoverageOptions& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "coverage", "Show which cases check each requirement of the catalogue, and the gaps");
  command->add_option(
      "-s,--suites", options.suites, "Suite file or directory (repeatable; default: suites/)");
  command->add_option("--catalogue",
                      options.catalogue,
                      "Requirement catalogue file or directory (default: suites/catalogue/)");
  command->add_option("--json", options.json, "Also write the coverage report as JSON to PATH");
  command->callback([&options, &exit_code] { exit_code = coverage_command(options); });
}

void add_selftest_command(CLI::App& app, SelftestOptionsCli& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "selftest",
      "Prove the suite catches non-conformance: run it against the clean reference server and "
      "once per deliberate fault, and print the score");
  command->add_option(
      "-s,--suites", options.suites, "Suite file or directory (repeatable; default: suites/)");
  command->add_option("--fault", options.faults, "Only this fault (repeatable; default: all)");
  command->add_option("-f,--filter", options.filters, "Only cases matching this glob (repeatable)");
  command->add_option("--proofs",
                      options.proofs,
                      "Fault-proof table (default: fixtures/reference/fault_proofs.yaml)");
  command->add_option("--json", options.json, "Also write the result as JSON to PATH");
  command->add_option("--parallel", options.parallel, "Fault runs in flight at once")
      ->check(CLI::Range(1, 32));
  command->add_option("-j,--jobs", options.jobs, "Cases in flight per run")
      ->check(CLI::Range(1, 64));
  command->callback([&options, &exit_code] { exit_code = selftest_command(options); });
}

void add_serve_command(CLI::App& app, ServeOptions& options, int& exit_code) {
  CLI::App* command = app.add_subcommand("serve", "Run the reference authorization server");
  command->add_option("-c,--config",
                      options.config,
                      "Server configuration (default: fixtures/reference/default.yaml)");
  command->add_option("--port", options.port, "Port on 127.0.0.1 (default: any free port)")
      ->check(CLI::Range(0, 65535));
  command->add_option("--fault", options.faults, "Deliberate fault to switch on (repeatable)");
  command->callback([&options, &exit_code] { exit_code = serve_command(options); });
}

void add_compare_command(CLI::App& app, CompareOptionsCli& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "compare",
      "Compare providers: run several profiles concurrently and/or combine earlier JSON "
      "results; write comparison.html, comparison.md and comparison.json");
  command->add_option("-p,--profile", options.profiles, "Profile to run now (repeatable)");
  command->add_option("--results", options.results, "JSON report of an earlier run (repeatable)");
  command->add_option("--baseline",
                      options.baseline,
                      "JSON report of an earlier run of the same provider: also report the "
                      "drift and exit 0 unchanged, 4 regression, 5 changed");
  command->add_option(
      "-s,--suites", options.suites, "Suite file or directory (repeatable; default: suites/)");
  command->add_option("-f,--filter", options.filters, "Only cases matching this glob (repeatable)");
  command->add_option("-t,--tag", options.tags, "Only cases with this tag (repeatable)");
  command->add_option("-o,--out", options.out_dir, "Output directory (default: reports/)");
  command->add_option("-j,--jobs", options.jobs, "Cases run concurrently per profile")
      ->check(CLI::Range(1, 64));
  command->add_option("--max-wait", options.max_wait_seconds, "Longest wait step allowed, seconds")
      ->check(CLI::Range(0, 86400));
  command->callback([&options, &exit_code] { exit_code = compare_command(options); });
}

void add_drift_command(CLI::App& app, DriftOptions& options, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "drift",
      "Show what changed between two runs of one provider (exit 0 unchanged, 4 a case "
      "regressed, 5 changed without regression)");
  command->add_option("baseline", options.baseline, "JSON report of the earlier run")->required();
  command->add_option("current", options.current, "JSON report of the later run")->required();
  command->add_option("--json", options.json, "Also write the drift as JSON to PATH");
  command->add_option("--markdown", options.markdown, "Also write the drift as Markdown to PATH");
  command->callback([&options, &exit_code] { exit_code = drift_command(options); });
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"parity: conformance suite for OAuth 2.0 Pushed Authorization Requests (RFC 9126)",
               "parity"};
  app.set_version_flag("--version", std::string("parity ") + PARITY_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 all passed (warnings and skips allowed), 1 usage error, 2 bad input "
      "(suite, profile, key or config), 3 a case errored (network or server malfunction), "
      "4 a conformance failure (drift: a regression), 5 drift: changes without regression.");

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
      ->callback([&exit_code] { exit_code = faults_command(); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);  // --help or --version
    }
    app.exit(error);
    std::cerr << "Run 'parity --help' for usage.\n";
    return static_cast<int>(ExitCode::usage);
  } catch (const LoadError& error) {
    std::cerr << "parity: " << error.what() << "\n";
    return static_cast<int>(ExitCode::bad_input);
  } catch (const UsageError& error) {
    std::cerr << "parity: " << error.what() << "\nRun 'parity --help' for usage.\n";
    return static_cast<int>(ExitCode::usage);
  }
  return exit_code;
}

}  // namespace parity::cli
