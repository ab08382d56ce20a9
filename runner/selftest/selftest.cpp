#include "selftest/selftest.hpp"

#include "http/curl_client.hpp"
#include "load/profile_loader.hpp"
#include "plan/plan.hpp"
#include "report/run_listener.hpp"
#include "run/executor.hpp"
#include "selftest/fault_level.hpp"
#include "target/target.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <thread>

namespace parity::selftest {
namespace {

/// One whole-suite run against the embedded server of `profile`; `error` on failure to start.
struct SuiteRun {
  RunResult result;
  std::string error;
};

SuiteRun run_suite(const Profile& profile,
                   const std::vector<Suite>& suites,
                   const SelftestOptions& options,
                   const std::vector<std::string>& faults) {
  SuiteRun run;
  const std::string name = faults.empty() ? "clean " + profile.id : "fault " + faults.front();
  std::unique_ptr<report::RunListener> progress =
      options.listener_for ? options.listener_for(name) : nullptr;
  report::SilentListener silent;
  report::RunListener& listener = progress ? *progress : silent;
  try {
    target::Target prepared = target::prepare_target(profile, faults);
    if (!prepared.error.empty()) {
      run.error = prepared.error;
      listener.on_run_finished(run.result);
      return run;
    }
    run::RunOptions run_options;
    run_options.jobs = options.jobs;
    run.result = target::run_suites(
        prepared, suites, run::Selection{options.filters, {}}, run_options, listener);
  } catch (const std::exception& error) {
    run.error = error.what();
    listener.on_run_finished(run.result);
  }
  return run;
}

CleanRun judge_clean(const std::string& profile_id, const SuiteRun& run) {
  CleanRun clean;
  clean.profile = profile_id;
  clean.error = run.error;
  clean.totals = totals(run.result);
  for (const CaseResult& one : run.result.cases) {
    if (one.outcome != Outcome::passed && one.outcome != Outcome::skipped) {
      clean.not_passing.push_back(one.full_id() + ": " + std::string(to_string(one.outcome)));
    }
  }
  return clean;
}

/// Cases of `faulty` that passed in `clean` and did not pass with the fault.
void judge_fault(const RunResult& clean, const RunResult& faulty, FaultVerdict& verdict) {
  std::set<std::string> passed_clean;
  for (const CaseResult& one : clean.cases) {
    if (one.outcome == Outcome::passed) {
      passed_clean.insert(one.full_id());
    }
  }
  for (const CaseResult& one : faulty.cases) {
    if (!passed_clean.contains(one.full_id())) {
      continue;
    }
    if (one.outcome == Outcome::failed) {
      verdict.failed.push_back(one.full_id());
    } else if (one.outcome == Outcome::warned) {
      verdict.warned.push_back(one.full_id());
    } else if (one.outcome == Outcome::errored) {
      verdict.errored.push_back(one.full_id());
    }
  }
}

/// Fault → the profile its proof row names ("reference" when it has none).
std::map<std::string, std::string> profile_by_fault(const std::vector<FaultProof>& proofs) {
  std::map<std::string, std::string> profiles;
  for (const FaultProof& proof : proofs) {
    profiles.emplace(proof.fault, proof.profile);
  }
  return profiles;
}

std::vector<FaultVerdict> planned_faults(const SelftestOptions& options) {
  const auto profiles = profile_by_fault(options.proofs);
  std::vector<FaultVerdict> verdicts;
  for (const server::FaultInfo& fault : server::fault_catalogue()) {
    if (!options.only_faults.empty() &&
        std::ranges::find(options.only_faults, fault.name) == options.only_faults.end()) {
      continue;
    }
    FaultVerdict verdict;
    verdict.fault = fault;
    const auto it = profiles.find(fault.name);
    verdict.profile = it == profiles.end() ? "reference" : it->second;
    verdict.should_level = is_should_level_fault(options.catalogue, fault);
    verdicts.push_back(std::move(verdict));
  }
  return verdicts;
}

/// Runs `work(i)` for i in [0, count) on up to `parallel` threads.
template <typename Work>
void for_each_parallel(std::size_t count, int parallel, Work work) {
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  const auto workers =
      std::min<std::size_t>(std::max(parallel, 1), std::max<std::size_t>(count, 1));
  for (std::size_t t = 0; t < workers; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) {
        work(i);
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

std::vector<std::string> cases_never_catching(const std::map<std::string, SuiteRun>& clean_runs,
                                              const std::vector<FaultVerdict>& faults) {
  std::set<std::string> catching;
  for (const FaultVerdict& verdict : faults) {
    catching.insert(verdict.failed.begin(), verdict.failed.end());
    catching.insert(verdict.warned.begin(), verdict.warned.end());
  }
  std::set<std::string> never;
  for (const auto& [profile, run] : clean_runs) {
    for (const CaseResult& one : run.result.cases) {
      if (one.outcome == Outcome::passed && !catching.contains(one.full_id())) {
        never.insert(one.full_id());
      }
    }
  }
  return {never.begin(), never.end()};
}

}  // namespace

std::size_t SelftestReport::caught() const {
  return static_cast<std::size_t>(std::ranges::count_if(faults, &FaultVerdict::caught));
}

bool SelftestReport::ok() const {
  return std::ranges::all_of(clean, &CleanRun::ok) && caught() == faults.size();
}

SelftestReport run_selftest(const SelftestOptions& options, const std::vector<Suite>& suites) {
  const auto started = std::chrono::steady_clock::now();
  SelftestReport report;
  report.faults = planned_faults(options);
  std::map<std::string, Profile> profiles;
  std::map<std::string, SuiteRun> clean_runs;
  profiles.emplace(
      "reference",
      load::load_profile(options.profiles_dir + "/reference.yaml", options.profile_sets));
  for (const FaultVerdict& verdict : report.faults) {
    if (!profiles.contains(verdict.profile)) {
      profiles.emplace(verdict.profile,
                       load::load_profile(options.profiles_dir + "/" + verdict.profile + ".yaml",
                                          options.profile_sets));
    }
  }
  for (const auto& [id, profile] : profiles) {
    clean_runs.emplace(id, SuiteRun{});
  }
  // The clean runs and the fault runs in one pool, clean runs first: each fault run is judged
  // against its profile's clean run once all are done, so no run waits for another.
  std::vector<std::string> ids;
  for (const auto& [id, profile] : profiles) {
    ids.push_back(id);
  }
  if (options.on_runs_planned) {
    options.on_runs_planned(ids.size() + report.faults.size());
  }
  std::vector<SuiteRun> faulty(report.faults.size());
  for_each_parallel(ids.size() + report.faults.size(), options.parallel, [&](std::size_t i) {
    if (i < ids.size()) {
      clean_runs.at(ids[i]) = run_suite(profiles.at(ids[i]), suites, options, {});
      return;
    }
    const FaultVerdict& verdict = report.faults[i - ids.size()];
    faulty[i - ids.size()] =
        run_suite(profiles.at(verdict.profile), suites, options, {verdict.fault.name});
  });
  for (const std::string& id : ids) {
    report.clean.push_back(judge_clean(id, clean_runs.at(id)));
  }
  for (std::size_t i = 0; i < report.faults.size(); ++i) {
    FaultVerdict& verdict = report.faults[i];
    verdict.error = faulty[i].error;
    judge_fault(clean_runs.at(verdict.profile).result, faulty[i].result, verdict);
  }
  report.never_catching = cases_never_catching(clean_runs, report.faults);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace parity::selftest
