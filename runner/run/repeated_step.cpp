#include "run/repeated_step.hpp"

#include "eval/aggregate.hpp"

#include <algorithm>
#include <barrier>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace parity::run {
namespace {

using Clock = std::chrono::steady_clock;

struct Repetition {
  int index = 0;  // 1-based, as reported
  StepResult result;
};

// Collects the repetitions' outcomes, keeping only what the report shows. Thread-safe.
class RepetitionLog {
 public:
  explicit RepetitionLog(const Step& step) : m_collector(step.aggregate) {}

  void add(int index, StepResult result, eval::Vars vars) {
    const std::lock_guard<std::mutex> lock(m_mutex);
    ++m_ran;
    m_collector.add(result.exchanges.empty() ? http::Exchange{} : result.exchanges.back());
    const Outcome outcome = result.outcome;
    if (outcome == Outcome::passed) {
      ++m_passed;
      if (!m_first_pass || index < m_first_pass->index) {
        m_first_pass = Repetition{index, std::move(result)};
        m_first_pass_vars = std::move(vars);
      }
      return;
    }
    if (outcome == Outcome::errored) {
      ++m_errored;
      if (!m_first_error || index < m_first_error->first) {
        m_first_error = std::make_pair(index, result.error);
      }
    }
    keep_example(Repetition{index, std::move(result)});
  }

  StepResult summary(const Step& step, eval::Vars& vars) const;

 private:
  // Keeps the lowest-numbered failures, at most k_example_repetitions of them.
  void keep_example(Repetition repetition) {
    const auto position = std::find_if(m_examples.begin(), m_examples.end(), [&](const auto& r) {
      return r.index > repetition.index;
    });
    m_examples.insert(position, std::move(repetition));
    if (m_examples.size() > k_example_repetitions) {
      m_examples.pop_back();
    }
  }

  void add_examples(StepResult& result) const;

  std::mutex m_mutex;
  eval::AggregateCollector m_collector;
  int m_ran = 0;
  int m_passed = 0;
  int m_errored = 0;
  std::optional<std::pair<int, std::string>> m_first_error;
  std::optional<Repetition> m_first_pass;
  eval::Vars m_first_pass_vars;
  std::vector<Repetition> m_examples;
};

std::string repetition_label(int index) {
  return "repetition " + std::to_string(index);
}

void RepetitionLog::add_examples(StepResult& result) const {
  for (const Repetition& example : m_examples) {
    for (const Check& check : example.result.checks) {
      if (!check.passed) {
        Check shown = check;
        shown.description = "[" + repetition_label(example.index) + "] " + check.description;
        result.checks.push_back(std::move(shown));
      }
    }
    result.exchanges.insert(
        result.exchanges.end(), example.result.exchanges.begin(), example.result.exchanges.end());
  }
  if (m_examples.empty() && m_first_pass) {
    result.exchanges = m_first_pass->result.exchanges;
  }
}

StepResult RepetitionLog::summary(const Step& step, eval::Vars& vars) const {
  const int count = step.repeat;
  StepResult result;
  result.name = step.name.empty() ? std::string(to_string(step.kind)) : step.name;
  result.kind = step.kind;
  const Repetition* first = m_first_pass ? &*m_first_pass : nullptr;
  if (!m_examples.empty() && (first == nullptr || m_examples.front().index < first->index)) {
    first = &m_examples.front();
  }
  if (first != nullptr) {
    result.observed = first->result.observed;
  }
  result.observed["repetitions"] =
      std::to_string(count) + (step.concurrently ? " concurrent" : " sequential");
  std::string actual = std::to_string(m_passed) + " of " + std::to_string(count);
  if (!m_examples.empty()) {
    actual += "; first failure: " + repetition_label(m_examples.front().index);
  }
  result.checks.push_back({"expect held in every repetition",
                           m_passed == count,
                           std::to_string(count) + " of " + std::to_string(count),
                           actual,
                           step.where});
  add_examples(result);
  std::vector<Check> aggregate = m_collector.evaluate(step.aggregate);
  result.checks.insert(result.checks.end(), aggregate.begin(), aggregate.end());
  if (m_first_pass) {
    vars = m_first_pass_vars;
  }
  if (m_first_error) {
    result.outcome = Outcome::errored;
    result.error = std::to_string(m_errored) + " of " + std::to_string(count) +
                   " repetitions errored; " + repetition_label(m_first_error->first) + ": " +
                   m_first_error->second;
    if (m_ran < count) {
      result.error +=
          " (stopped there: " + std::to_string(count - m_ran) + " repetitions did not run)";
    }
    return result;
  }
  const bool all_passed = std::all_of(
      result.checks.begin(), result.checks.end(), [](const Check& check) { return check.passed; });
  result.outcome = all_passed ? Outcome::passed : Outcome::failed;
  return result;
}

Step single_repetition(const Step& step) {
  Step single = step;
  single.repeat = 1;
  single.concurrently = false;
  single.aggregate.clear();
  return single;
}

StepContext repetition_context(const StepContext& context,
                               http::HttpClient& http,
                               eval::Vars& vars) {
  StepContext repetition{context.profile,
                         context.client,
                         http,
                         context.redactor,
                         context.max_wait,
                         vars,
                         {},
                         context.case_credentials,
                         context.deadline};
  repetition.browser = context.browser;
  repetition.case_id = context.case_id;
  return repetition;
}

// Stops at the first repetition that errors (a transport error, the case deadline): the
// server is not answering, and 39 more timeouts would tell nothing new.
void run_sequentially(const Step& single,
                      const StepContext& context,
                      SingleStepRunner run_once,
                      RepetitionLog& log,
                      int count) {
  for (int index = 1; index <= count; ++index) {
    eval::Vars vars = context.vars;
    StepResult result = run_once(single, repetition_context(context, context.http, vars));
    const bool errored = result.outcome == Outcome::errored;
    log.add(index, std::move(result), std::move(vars));
    if (errored) {
      return;
    }
  }
}

// Holds back a thread's first request until every thread has built its own, so that they
// all start together. A thread that sends nothing leaves the barrier with arrive_and_drop.
class GatedClient final : public http::HttpClient {
 public:
  GatedClient(std::barrier<>& barrier, std::unique_ptr<http::HttpClient> inner)
      : m_barrier(barrier), m_inner(std::move(inner)) {}

  http::Exchange send(const http::Request& request) override {
    release();
    return m_inner->send(request);
  }

  void leave() {
    if (!m_arrived) {
      m_arrived = true;
      m_barrier.arrive_and_drop();
    }
  }

 private:
  void release() {
    if (!m_arrived) {
      m_arrived = true;
      m_barrier.arrive_and_wait();
    }
  }

  std::barrier<>& m_barrier;
  std::unique_ptr<http::HttpClient> m_inner;
  bool m_arrived = false;
};

void run_one_thread(const Step& single,
                    const StepContext& context,
                    SingleStepRunner run_once,
                    RepetitionLog& log,
                    std::barrier<>& barrier,
                    int index) {
  GatedClient client(barrier, make_client_or_stand_in(context.make_client));
  eval::Vars vars = context.vars;
  StepResult result;
  try {
    result = run_once(single, repetition_context(context, client, vars));
  } catch (const std::exception& error) {
    result.outcome = Outcome::errored;
    result.error = error.what();
  }
  client.leave();
  log.add(index, std::move(result), std::move(vars));
}

void run_concurrently(const Step& single,
                      const StepContext& context,
                      SingleStepRunner run_once,
                      RepetitionLog& log,
                      int count) {
  std::barrier<> barrier(count);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(count));
  for (int index = 1; index <= count; ++index) {
    try {
      threads.emplace_back(
          [&, index] { run_one_thread(single, context, run_once, log, barrier, index); });
    } catch (const std::system_error& error) {
      barrier.arrive_and_drop();  // this repetition never runs
      StepResult result;
      result.outcome = Outcome::errored;
      result.error = std::string("cannot start a thread: ") + error.what();
      log.add(index, std::move(result), eval::Vars{});
    }
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
}

}  // namespace

bool is_repeated(const Step& step) {
  return step.repeat > 1 || step.concurrently;
}

StepResult run_repeated_step(const Step& step,
                             const StepContext& context,
                             SingleStepRunner run_once) {
  const Clock::time_point start = Clock::now();
  const Step single = single_repetition(step);
  RepetitionLog log(step);
  StepResult result;
  if (step.concurrently && !context.make_client) {
    result.name = step.name.empty() ? std::string(to_string(step.kind)) : step.name;
    result.kind = step.kind;
    result.outcome = Outcome::errored;
    result.error = "concurrent repetitions need an HTTP client factory";
  } else {
    if (step.concurrently) {
      run_concurrently(single, context, run_once, log, step.repeat);
    } else {
      run_sequentially(single, context, run_once, log, step.repeat);
    }
    result = log.summary(step, context.vars);
  }
  result.elapsed_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  return result;
}

}  // namespace parity::run
