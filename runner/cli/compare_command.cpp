// `parity compare` and `parity drift` (README, "Comparing providers").
#include "cli/commands.hpp"
#include "cli/report_outputs.hpp"
#include "compare/drift.hpp"
#include "compare/escape.hpp"
#include "compare/html_report.hpp"
#include "compare/json_output.hpp"
#include "compare/markdown_report.hpp"
#include "compare/matrix.hpp"
#include "compare/provider_run.hpp"
#include "core/errors.hpp"
#include "http/curl_client.hpp"
#include "load/catalogue_loader.hpp"
#include "load/profile_loader.hpp"
#include "load/suite_loader.hpp"
#include "plan/plan.hpp"
#include "report/files.hpp"
#include "report/run_listener.hpp"
#include "report/runs_progress.hpp"
#include "report/terminal.hpp"
#include "run/executor.hpp"
#include "target/target.hpp"

#include <exception>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

namespace parity::cli {
namespace {

using compare::ProviderRun;

/// One live run: its column, the report files it wrote, or the exception that stopped it.
struct LiveRun {
  ProviderRun column;
  std::vector<std::string> written;
  std::exception_ptr failure;
};

std::string totals_text(const RunResult& result) {
  const Totals t = totals(result);
  return std::to_string(t.total()) + " cases: " + std::to_string(t.passed) + " passed, " +
         std::to_string(t.warned) + " warned, " + std::to_string(t.failed) + " failed, " +
         std::to_string(t.errored) + " errored, " + std::to_string(t.skipped) + " skipped";
}

/// Runs `profile` like `parity run` (reports included) but quietly; never throws.
void run_live(const Profile& profile,
              const std::vector<Suite>& suites,
              const CompareOptionsCli& options,
              const std::string& out_dir,
              report::RunsProgress& progress,
              LiveRun& live) {
  try {
    live.column.label = profile.id;
    live.column.source = "run of " + profile.file;
    live.column.result.profile_id = profile.id;
    live.column.result.profile_name = profile.name;
    const std::unique_ptr<report::RunListener> listener = progress.listener_for(profile.id);
    target::Target prepared = target::prepare_target(profile, {});
    if (!prepared.error.empty()) {
      live.column.problem = prepared.error;
      listener->on_run_finished(live.column.result);
      return;
    }
    run::RunOptions run_options;
    run_options.jobs = options.jobs;
    run_options.max_wait = std::chrono::seconds(options.max_wait_seconds);
    run_options.artifacts_dir = out_dir;
    const RunResult result = target::run_suites(
        prepared, suites, run::Selection{options.filters, options.tags}, run_options, *listener);
    live.written = write_reports(
        result, resolve_report_outputs({}, out_dir, profile.id, /*several_profiles=*/true));
    live.column = compare::provider_run_from_result(result, live.column.source);
  } catch (...) {
    live.failure = std::current_exception();
  }
}

/// Runs every profile of `options` at once, one thread each; columns in profile order.
std::vector<ProviderRun> run_profiles(const CompareOptionsCli& options,
                                      const std::string& out_dir) {
  std::vector<Profile> profiles;
  std::set<std::string> ids;
  const std::map<std::string, std::string> variables = parse_variables(options.variables);
  for (const std::string& path : options.profiles) {
    profiles.push_back(load::load_profile(path, options.sets));
    profiles.back().variables = variables;
    if (!ids.insert(profiles.back().id).second) {
      throw UsageError("two profiles have the id '" + profiles.back().id +
                       "' (their reports would overwrite each other)");
    }
  }
  if (profiles.empty()) {
    return {};
  }
  std::vector<Suite> suites = load::load_suites(
      options.suites.empty() ? std::vector<std::string>{default_path("suites")} : options.suites);
  load::check_requirement_ids(suites, load::load_catalogue(default_path(k_default_catalogue)));
  std::vector<LiveRun> live(profiles.size());
  std::vector<std::thread> threads;
  for (const Profile& profile : profiles) {
    std::cout << "compare: running profile " << profile.id << "\n";
  }
  report::RunsProgress progress(
      std::cout,
      "compare",
      report::terminal_style(report::current_environment(STDOUT_FILENO), false));
  progress.plan_runs(profiles.size());
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    threads.emplace_back(
        [&, i] { run_live(profiles[i], suites, options, out_dir, progress, live[i]); });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  progress.stop();
  std::vector<ProviderRun> columns;
  for (LiveRun& one : live) {
    if (one.failure) {
      std::rethrow_exception(one.failure);
    }
    std::cout << "profile " << one.column.label << ": "
              << (one.column.problem.empty() ? totals_text(one.column.result)
                                             : compare::terminal_safe(one.column.problem))
              << "\n";
    for (const std::string& path : one.written) {
      std::cout << "report: " << path << "\n";
    }
    columns.push_back(std::move(one.column));
  }
  return columns;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  report::write_text_atomic(path, text);
  std::cout << "report: " << path.string() << "\n";
}

void write_comparison(const compare::Comparison& comparison, const std::filesystem::path& dir) {
  write_file(dir / "comparison.html", compare::render_html(comparison));
  write_file(dir / "comparison.md", compare::render_markdown(comparison));
  write_file(dir / "comparison.json",
             compare::comparison_json(comparison)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                 "\n");
}

void print_differences(const compare::Comparison& comparison) {
  std::cout << "comparison: " << comparison.rows.size() << " cases x "
            << comparison.providers.size() << " providers, " << comparison.differing()
            << " differ, " << comparison.ran_vs_skipped()
            << " ran on some providers and were skipped on others\n";
  for (const compare::Row& row : comparison.rows) {
    if (!compare::is_real(row.difference)) {
      continue;  // ran vs skipped: in the reports, not worth a line here
    }
    std::cout << "  DIFF " << compare::terminal_safe(row.full_id()) << " ("
              << compare::to_string(row.difference) << "):";
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      std::cout << " " << compare::terminal_safe(comparison.providers[i].label) << "="
                << compare::verdict_label(row.cells[i]);
    }
    std::cout << "\n";
  }
}

void check_counts(const CompareOptionsCli& options) {
  const std::size_t current = options.profiles.size() + options.results.size();
  if (!options.baseline.empty() && current != 1) {
    throw UsageError(
        "--baseline compares one run with it: give exactly one --profile or "
        "--results (got " +
        std::to_string(current) + ")");
  }
  if (options.baseline.empty() && current < 2) {
    throw UsageError(
        "compare needs at least two runs (--profile or --results, repeatable), "
        "or --baseline with one");
  }
}

}  // namespace

/// Every file compare may write, checked before anything runs.
void check_outputs(const CompareOptionsCli& options, const std::string& out_dir) {
  std::vector<std::string> names{"comparison.html", "comparison.md", "comparison.json"};
  if (!options.baseline.empty()) {
    names.insert(names.end(), {"drift.json", "drift.md"});
  }
  for (const std::string& name : names) {
    const std::string path = (std::filesystem::path(out_dir) / name).string();
    if (const std::string reason = report::unwritable_reason(path); !reason.empty()) {
      throw LoadError(SourceLocation{path, 0, 0}, "cannot write the comparison here: " + reason);
    }
  }
}

int compare_command(const CompareOptionsCli& options) {
  check_counts(options);
  const std::string out_dir =
      options.out_dir.empty() ? std::string(k_default_out_dir) : options.out_dir;
  check_outputs(options, out_dir);
  std::vector<ProviderRun> runs;
  if (!options.baseline.empty()) {
    runs.push_back(compare::read_provider_run(options.baseline));
  }
  for (const std::string& path : options.results) {
    runs.push_back(compare::read_provider_run(path));
  }
  std::vector<ProviderRun> live = run_profiles(options, out_dir);
  // Columns: the baseline, then the live runs, then the earlier results (README).
  runs.insert(runs.begin() + (options.baseline.empty() ? 0 : 1),
              std::make_move_iterator(live.begin()),
              std::make_move_iterator(live.end()));
  compare::unique_labels(runs);
  // Drift counts a changed request_uri lifetime; across providers it is reported per column.
  const compare::Comparison comparison =
      compare::build_comparison(runs, compare::CompareOptions{!options.baseline.empty()});
  write_comparison(comparison, out_dir);
  print_differences(comparison);
  bool problem = false;
  for (const ProviderRun& run : runs) {
    problem = problem || !run.problem.empty();
  }
  if (!options.baseline.empty()) {
    const compare::Drift drift = compare::drift_of(comparison);
    write_file(
        std::filesystem::path(out_dir) / "drift.json",
        compare::drift_json(drift).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
            "\n");
    write_file(std::filesystem::path(out_dir) / "drift.md", compare::render_drift_markdown(drift));
    std::cout << compare::drift_text(drift);
    return problem ? static_cast<int>(ExitCode::errored) : compare::drift_exit_code(drift);
  }
  return problem ? static_cast<int>(ExitCode::errored) : 0;
}

int drift_command(const DriftOptions& options) {
  for (const std::string& path : {options.json, options.markdown}) {
    if (const std::string reason = path.empty() ? "" : report::unwritable_reason(path);
        !reason.empty()) {
      throw LoadError(SourceLocation{path, 0, 0}, "cannot write the drift here: " + reason);
    }
  }
  const compare::Drift drift = compare::compute_drift(compare::read_provider_run(options.baseline),
                                                      compare::read_provider_run(options.current));
  std::cout << compare::drift_text(drift);
  if (!options.json.empty()) {
    write_file(
        options.json,
        compare::drift_json(drift).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
            "\n");
  }
  if (!options.markdown.empty()) {
    write_file(options.markdown, compare::render_drift_markdown(drift));
  }
  return compare::drift_exit_code(drift);
}

}  // namespace parity::cli
