#include "run/executor.hpp"

#include "core/build_info.hpp"
#include "plan/case_level.hpp"
#include "plan/client_selector.hpp"
#include "run/case_deadline.hpp"
#include "run/case_scheduler.hpp"
#include "run/case_vars.hpp"
#include "run/step_runner.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace parity::run {
namespace {

using Clock = std::chrono::steady_clock;

std::int64_t elapsed_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

CaseResult case_header(const Case& spec, const Profile& profile) {
  const EffectiveLevel level = effective_level(spec, profile);
  CaseResult result;
  result.suite = spec.suite;
  result.id = spec.id;
  result.title = spec.title;
  result.file = spec.where.file;
  result.requirements = spec.requirements;
  result.tags = spec.tags;
  result.level = level.level;
  result.level_reason = level.reason;
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
      result.login_screenshot = step.login_screenshot;
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
  http::Redactor redactor = profile_redactor(profile);
  redactor.reveal_credentials(options.reveal_credentials);
  CaseCredentials credentials;
  CaseDeadline deadline{std::chrono::milliseconds(profile.case_deadline_ms)};
  DeadlineClient bounded_client(client, deadline);
  HttpClientFactory make_bounded_client;
  if (options.make_client) {
    make_bounded_client = [&options, &deadline]() -> std::unique_ptr<http::HttpClient> {
      return std::make_unique<DeadlineClient>(make_client_or_stand_in(options.make_client),
                                              deadline);
    };
  }
  // profiles/README.md, "Browser login": a case's logins get their browsers without waiting.
  std::unique_ptr<login::BrowserService::Ticket> browser_ticket;
  if (options.browser != nullptr &&
      std::any_of(spec.steps.begin(), spec.steps.end(), [](const Step& step) {
        return step.request.login.value_or(false);
      })) {
    browser_ticket = options.browser->reserve();
  }
  for (const Step& step : spec.steps) {
    const Client& step_client = step.request.client.empty()
                                    ? case_client
                                    : resolve_client(profile, step.request.client, &case_client);
    bind_client(vars, step_client);
    set_now(vars);
    StepContext context{profile,
                        step_client,
                        bounded_client,
                        redactor,
                        options.max_wait,
                        vars,
                        make_bounded_client,
                        &credentials,
                        &deadline};
    context.browser = options.browser;
    context.case_id = spec.full_id();
    if (options.on_wait) {
      context.on_wait = [&options, &spec](const std::string& label,
                                          std::chrono::milliseconds duration) {
        options.on_wait(spec.full_id(), label, duration);
      };
    }
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

RunResult run_header(const Profile& profile, const RunOptions& options) {
  RunResult result;
  result.profile_id = profile.id;
  result.profile_name = profile.name;
  result.emulation = profile.emulation;
  result.issuer = profile.issuer;
  result.tool_version = std::string(parity::build_info::version());
  result.started_at = iso8601_utc(std::chrono::system_clock::now());
  std::array<char, 256> host{};
  if (::gethostname(host.data(), host.size() - 1) == 0) {
    result.hostname = host.data();
  }
  result.tls_verified = profile.tls.verify;
  result.transport = profile.transport;
  result.embedded_server = !profile.embedded_server_config.empty();
  result.credentials_revealed = options.reveal_credentials;
  return result;
}

/// What each case of `plan` needs of the profile's clients (skipped cases: nothing).
std::vector<ClientClaim> client_claims(const Plan& plan) {
  std::vector<ClientClaim> claims;
  claims.reserve(plan.cases.size());
  for (const PlannedCase& planned : plan.cases) {
    claims.push_back(planned.skip_reason.empty() ? client_claim(*planned.spec, plan.profile)
                                                 : ClientClaim{});
  }
  return claims;
}

// The cases of a plan shared by the worker threads; each result lands at its plan index.
// CaseScheduler decides which case a worker takes next, so that a case that keeps server state
// of a client between requests never overlaps another case of that client: the same server
// gives the same verdicts whatever the timing.
class CaseQueue {
 public:
  CaseQueue(const Plan& plan,
            const RunOptions& options,
            report::RunListener& listener,
            std::vector<CaseResult>& results)
      : m_plan(plan),
        m_options(options),
        m_listener(listener),
        m_results(results),
        m_scheduler(client_claims(plan)) {}

  // One worker: takes the next case until none is left.
  void work(const ClientFactory& make_client) {
    try {
      const std::unique_ptr<http::HttpClient> client = make_client_or_stand_in(make_client);
      while (const std::optional<std::size_t> index = m_scheduler.next()) {
        const PlannedCase& planned = m_plan.cases[*index];
        if (planned.skip_reason.empty()) {
          notify([&] { m_listener.on_case_started(planned.spec->full_id()); });
        }
        CaseResult result = run_case(planned, m_plan.profile, *client, m_options);
        m_scheduler.finished(*index);
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_listener.on_case_finished(result);
        m_results[*index] = std::move(result);
      }
    } catch (...) {
      // A throwing listener must not terminate the process from a worker thread.
      const std::lock_guard<std::mutex> lock(m_mutex);
      m_failure = m_failure ? m_failure : std::current_exception();
      m_scheduler.stop();
    }
  }

  /// Calls `event` (a listener call) while no other thread calls the listener.
  template <typename Event>
  void notify(Event event) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    event();
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
  CaseScheduler m_scheduler;
};

}  // namespace

CaseResult run_case(const PlannedCase& planned,
                    const Profile& profile,
                    http::HttpClient& client,
                    const RunOptions& options) {
  const Clock::time_point start = Clock::now();
  CaseResult result = case_header(*planned.spec, profile);
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
  RunResult result = run_header(plan.profile, options);
  result.cases.resize(plan.cases.size());
  listener.on_run_started(
      plan.profile.id, plan.profile.issuer, plan.cases.size(), plan.profile.tls.verify);
  if (plan.profile.transport == Transport::plain_http) {
    listener.on_plain_http_rig();
  }
  listener.on_plan_skips(skip_causes(plan));
  RunOptions worker_options = options;
  if (!worker_options.make_client) {
    worker_options.make_client = make_client;
  }
  CaseQueue queue{plan, worker_options, listener, result.cases};
  worker_options.on_wait = [&queue, &listener](const std::string& full_id,
                                               const std::string& label,
                                               std::chrono::milliseconds duration) {
    queue.notify([&] { listener.on_wait(full_id, label, duration); });
  };
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

RunResult setup_failed_run(const Profile& profile,
                           const std::vector<Suite>& suites,
                           const Selection& selection,
                           const std::string& reason) {
  RunResult result = run_header(profile, RunOptions{});
  result.setup_error = reason;
  for (const Suite& suite : suites) {
    for (const Case& spec : suite.cases) {
      if (is_selected(spec, selection)) {
        CaseResult one = case_header(spec, profile);
        one.outcome = Outcome::errored;
        one.error = "setup failed: " + reason;
        result.cases.push_back(std::move(one));
      }
    }
  }
  return result;
}

}  // namespace parity::run
