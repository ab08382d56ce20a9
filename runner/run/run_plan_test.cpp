#include "core/build_info.hpp"
#include "core/pattern.hpp"
#include "http/url.hpp"
#include "plan/test_cases.hpp"
#include "run/executor.hpp"
#include "run/test_http_client.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

using Clock = std::chrono::steady_clock;

// Records listener calls as a sequence of events.
class RecordingListener final : public report::RunListener {
 public:
  void on_run_started(const std::string& profile_id,
                      const std::string& issuer,
                      std::size_t case_count,
                      bool tls_verified) override {
    events.push_back("started " + profile_id + " " + issuer + " " + std::to_string(case_count) +
                     (tls_verified ? " verified" : " unverified"));
  }
  void on_case_finished(const CaseResult& result) override {
    // Detects overlapping calls: the runner must serialize them.
    EXPECT_FALSE(m_inside.exchange(true));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    {
      const std::lock_guard lock(m_mutex);
      events.push_back("case " + result.full_id());
      ++m_cases_reported;
    }
    m_case_reported.notify_all();
    m_inside = false;
  }
  // Waits until the listener has been told of a case (true), or the timeout ends (false).
  bool wait_for_a_reported_case(std::chrono::seconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_case_reported.wait_for(lock, timeout, [this] { return m_cases_reported > 0; });
  }
  void on_run_finished(const RunResult& result) override {
    events.push_back("finished " + std::to_string(result.cases.size()));
  }

  std::vector<std::string> events;

 private:
  std::atomic<bool> m_inside{false};
  std::mutex m_mutex;
  std::condition_variable m_case_reported;
  int m_cases_reported = 0;
};

// Push steps answered after a delay that differs per case (via the "delay" param); a push with
// a "hold" param is answered once `hold` returns instead.
std::unique_ptr<http::HttpClient> holding_client(const std::function<void()>& hold) {
  auto client = std::make_unique<FakeHttpClient>();
  client->route("POST", "https://as.example/par", [hold](const http::Request& request) {
    const auto params = http::form_decode(request.body);
    if (hold && http::find_param(params, "hold")) {
      hold();
    } else {
      const auto delay = http::find_param(params, "delay");
      std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(delay.value_or("0"))));
    }
    return json_response(201, {{"request_uri", "urn:x"}});
  });
  return client;
}

std::unique_ptr<http::HttpClient> delaying_client() {
  return holding_client({});
}

Plan plan_of(std::vector<Case> cases) {
  return make_plan(test_profile(), {Suite{"s", "Suite", "s.yaml", std::move(cases)}}, {});
}

TEST(RunPlanTest, KeepsPlanOrderAndCallsTheListenerOncePerCase) {
  std::vector<Case> cases;
  for (int i = 0; i < 8; ++i) {
    Step push = make_step(StepKind::push, 201);
    push.request.params = {
        i == 0 ? TextPairs::value_type{"hold", text("until another case is reported")}
               : TextPairs::value_type{"delay", text(std::to_string((8 - i) * 15))}};
    cases.push_back(make_case("s", "c" + std::to_string(i), {push}));
  }
  Case skipped = make_case("s", "skipped", {make_step(StepKind::push)});
  skipped.required_capabilities = {"jar"};
  cases.push_back(skipped);
  const Plan plan = plan_of(cases);
  RecordingListener listener;
  RunOptions options;
  options.jobs = 4;

  // Case c0's push is answered only once the listener has heard of another case, so c0 cannot be
  // reported first whatever the machine's load: reports follow completion, results plan order.
  std::atomic<int> clients_made{0};
  std::atomic<bool> c0_waited_in_vain{false};
  const RunResult result = run_plan(plan, options, listener, [&] {
    ++clients_made;
    return holding_client(
        [&] { c0_waited_in_vain = !listener.wait_for_a_reported_case(std::chrono::seconds(30)); });
  });
  EXPECT_FALSE(c0_waited_in_vain);

  EXPECT_EQ(clients_made, 4);  // one per worker thread
  ASSERT_EQ(result.cases.size(), 9U);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(result.cases[i].id, "c" + std::to_string(i));
    EXPECT_EQ(result.cases[i].outcome, Outcome::passed) << result.cases[i].error;
  }
  EXPECT_EQ(result.cases[8].outcome, Outcome::skipped);
  ASSERT_EQ(listener.events.size(), 11U);
  EXPECT_EQ(listener.events.front(), "started test https://as.example 9 verified");
  EXPECT_EQ(listener.events.back(), "finished 9");
  std::vector<std::string> finished(listener.events.begin() + 1, listener.events.end() - 1);
  std::sort(finished.begin(), finished.end());
  EXPECT_EQ(std::unique(finished.begin(), finished.end()), finished.end());
  EXPECT_NE(listener.events[1], "case s/c0");
}

TEST(RunPlanTest, DescribesTheRun) {
  Profile profile = test_profile();
  profile.tls.verify = false;
  profile.embedded_server_config = "/tmp/reference.yaml";
  const Plan plan = make_plan(profile, {}, {});
  RecordingListener listener;
  const RunResult result = run_plan(plan, RunOptions{}, listener, delaying_client);
  EXPECT_EQ(result.profile_id, "test");
  EXPECT_EQ(result.profile_name, "Test provider");
  EXPECT_EQ(result.issuer, "https://as.example");
  EXPECT_EQ(result.tool_version, parity::build_info::version());
  EXPECT_TRUE(Pattern(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)").full_match(result.started_at))
      << result.started_at;
  EXPECT_FALSE(result.tls_verified);
  EXPECT_TRUE(result.embedded_server);
  EXPECT_EQ(
      listener.events,
      (std::vector<std::string>{"started test https://as.example 0 unverified", "finished 0"}));
}

TEST(RunPlanTest, WaitsOverlapAcrossCases) {
  std::vector<Case> cases;
  for (int i = 0; i < 3; ++i) {
    Step wait = make_step(StepKind::wait);
    wait.wait = text("1s");
    cases.push_back(make_case("s", "w" + std::to_string(i), {wait}));
  }
  const Plan plan = plan_of(cases);
  RecordingListener listener;
  const Clock::time_point start = Clock::now();
  const RunResult result = run_plan(plan, RunOptions{}, listener, delaying_client);
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
  for (const CaseResult& case_result : result.cases) {
    EXPECT_EQ(case_result.outcome, Outcome::passed);
  }
  EXPECT_GE(elapsed, 1000);
  EXPECT_LT(elapsed, 2000);  // unless all three overlap, two 1 s waits follow each other
}

// README, "Parallel runs": cases that keep a client's server state between requests have the
// client to themselves, so with 4 workers three two-push cases of one client still take turns.
TEST(RunPlanTest, CasesKeepingClientStateTakeTurnsOnTheirClient) {
  std::vector<Case> cases;
  for (int i = 0; i < 3; ++i) {
    Step push = make_step(StepKind::push, 201);
    push.request.params = {{"delay", text("100")}};
    cases.push_back(make_case("s", "two_pushes_" + std::to_string(i), {push, push}));
  }
  RecordingListener listener;
  RunOptions options;
  options.jobs = 4;
  const RunResult result = run_plan(plan_of(cases), options, listener, delaying_client);
  for (const CaseResult& case_result : result.cases) {
    EXPECT_EQ(case_result.outcome, Outcome::passed) << case_result.error;
  }
  EXPECT_GE(result.elapsed_ms, 600);  // 3 cases x 2 pushes x 100 ms, one case at a time
}

TEST(RunPlanTest, OneJobRunsCasesOneAfterAnother) {
  std::vector<Case> cases;
  for (int i = 0; i < 3; ++i) {
    Step wait = make_step(StepKind::wait);
    wait.wait = text("100ms");
    cases.push_back(make_case("s", "w" + std::to_string(i), {wait}));
  }
  RecordingListener listener;
  RunOptions options;
  options.jobs = 1;
  const RunResult result = run_plan(plan_of(cases), options, listener, delaying_client);
  EXPECT_GE(result.elapsed_ms, 300);
  EXPECT_EQ(listener.events[1], "case s/w0");
  EXPECT_EQ(listener.events[3], "case s/w2");
}

TEST(RunPlanTest, FactoryFailureErrorsTheCases) {
  const Plan plan = plan_of({make_case("s", "a", {make_step(StepKind::push, 201)})});
  RecordingListener listener;
  const RunResult result =
      run_plan(plan, RunOptions{}, listener, []() -> std::unique_ptr<http::HttpClient> {
        throw std::runtime_error("bad CA file");
      });
  ASSERT_EQ(result.cases.size(), 1U);
  EXPECT_EQ(result.cases[0].outcome, Outcome::errored);
  EXPECT_NE(result.cases[0].error.find("bad CA file"), std::string::npos) << result.cases[0].error;
}

}  // namespace
}  // namespace parity::run
