#include "run/executor.hpp"

#include "run/case_vars.hpp"
#include "run/client_selector.hpp"
#include "run/step_runner.hpp"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace parity::run {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t elapsed_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

CaseResult case_header(const Case& spec) {
  CaseResult result;
  result.suite = spec.suite;
  result.id = spec.id;
  result.title = spec.title;
  result.file = spec.where.file;
  result.requirements = spec.requirements;
  result.tags = spec.tags;
  result.level = spec.level;
  return result;
}

const Client& resolve_client(const Profile& profile,
                             const std::string& selector,
                             const Client* own) {
  const ClientChoice choice = select_client(profile, selector, own);
  if (choice.client == nullptr) {
    throw std::runtime_error(choice.error);
  }
  return *choice.client;
}

void decide_outcome(CaseResult& result) {
  result.outcome = Outcome::passed;
  for (const StepResult& step : result.steps) {
    if (step.outcome == Outcome::errored) {
      result.outcome = Outcome::errored;
      result.error = "step '" + step.name + "': " + step.error;
      return;
    }
    if (step.outcome == Outcome::failed) {
      result.outcome = result.level == Level::should ? Outcome::warned : Outcome::failed;
    }
  }
}

void run_steps(const Case& spec,
               const Profile& profile,
               http::HttpClient& client,
               const RunOptions& options,
               CaseResult& result) {
  const Client& case_client = resolve_client(profile, spec.client, nullptr);
  eval::Vars vars = seed_vars(spec, profile, case_client);
  const http::Redactor redactor = profile_redactor(profile);
  CaseCredentials credentials;
  for (const Step& step : spec.steps) {
    const Client& step_client = step.request.client.empty()
                                    ? case_client
                                    : resolve_client(profile, step.request.client, &case_client);
    bind_client(vars, step_client);
    set_now(vars);
    const StepContext context{profile,
                              step_client,
                              client,
                              redactor,
                              options.max_wait,
                              vars,
                              options.make_client,
                              &credentials};
    result.steps.push_back(run_step(step, context));
    if (result.steps.back().outcome != Outcome::passed || result.steps.back().ends_case) {
      break;  // a failed step, or an `ends_case` alternative that makes the rest moot
    }
  }
  decide_outcome(result);
}

std::string iso8601_utc(std::chrono::system_clock::time_point when) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

RunResult run_header(const Profile& profile) {
  RunResult result;
  result.profile_id = profile.id;
  result.profile_name = profile.name;
  result.emulation = profile.emulation;
  result.issuer = profile.issuer;
  result.tool_version = PARITY_VERSION;
  result.started_at = iso8601_utc(std::chrono::system_clock::now());
  result.tls_verified = profile.tls.verify;
  result.embedded_server = !profile.embedded_server_config.empty();
  return result;
}

// The cases of a plan shared by the worker threads; each result lands at its plan index.
class CaseQueue {
 public:
  CaseQueue(const Plan& plan,
            const RunOptions& options,
            report::RunListener& listener,
            std::vector<CaseResult>& results)
      : m_plan(plan), m_options(options), m_listener(listener), m_results(results) {}

  // One worker: takes the next case until none is left.
  void work(const ClientFactory& make_client) {
    try {
      const std::unique_ptr<http::HttpClient> client = make_client_or_stand_in(make_client);
      for (std::size_t index = m_next++; index < m_plan.cases.size(); index = m_next++) {
        CaseResult result = run_case(m_plan.cases[index], m_plan.profile, *client, m_options);
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_listener.on_case_finished(result);
        m_results[index] = std::move(result);
      }
    } catch (...) {
      // A throwing listener must not terminate the process from a worker thread.
      const std::lock_guard<std::mutex> lock(m_mutex);
      m_failure = m_failure ? m_failure : std::current_exception();
      m_next = m_plan.cases.size();
    }
  }

  void rethrow_failure() const {
    if (m_failure) {
      std::rethrow_exception(m_failure);
    }
  }

 private:
  const Plan& m_plan;
  const RunOptions& m_options;
  report::RunListener& m_listener;
  std::vector<CaseResult>& m_results;
  std::mutex m_mutex;  // serializes the listener and guards m_failure
  std::exception_ptr m_failure;
  std::atomic<std::size_t> m_next{0};
};

}  // namespace

CaseResult run_case(const PlannedCase& planned,
                    const Profile& profile,
                    http::HttpClient& client,
                    const RunOptions& options) {
  const Clock::time_point start = Clock::now();
  CaseResult result = case_header(*planned.spec);
  if (!planned.skip_reason.empty()) {
    result.outcome = Outcome::skipped;
    result.skip_reason = planned.skip_reason;
    return result;
  }
  try {
    run_steps(*planned.spec, profile, client, options, result);
  } catch (const std::exception& error) {
    result.outcome = Outcome::errored;
    result.error = error.what();
  }
  result.elapsed_ms = elapsed_since(start);
  return result;
}

RunResult run_plan(const Plan& plan,
                   const RunOptions& options,
                   report::RunListener& listener,
                   const ClientFactory& make_client) {
  const Clock::time_point start = Clock::now();
  RunResult result = run_header(plan.profile);
  result.cases.resize(plan.cases.size());
  listener.on_run_started(
      plan.profile.id, plan.profile.issuer, plan.cases.size(), plan.profile.tls.verify);
  RunOptions worker_options = options;
  if (!worker_options.make_client) {
    worker_options.make_client = make_client;
  }
  CaseQueue queue{plan, worker_options, listener, result.cases};
  const std::size_t threads =
      std::min<std::size_t>(plan.cases.size(), static_cast<std::size_t>(std::max(1, options.jobs)));
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < threads; ++i) {
    workers.emplace_back([&] { queue.work(make_client); });
  }
  for (std::thread& thread : workers) {
    thread.join();
  }
  queue.rethrow_failure();
  result.elapsed_ms = elapsed_since(start);
  listener.on_run_finished(result);
  return result;
}

}  // namespace parity::run
