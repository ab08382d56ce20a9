#include "run/repeated_step.hpp"

#include "http/curl_client.hpp"
#include "plan/test_cases.hpp"
#include "run/test_http_client.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

AggregateAssertion aggregate_assertion(const std::string& selector, Predicate::Op op, int operand) {
  return AggregateAssertion{
      selector, {Predicate{op, operand, {"test.yaml", 2, 1}}}, {"test.yaml", 2, 1}};
}

class RepeatedStepTest : public ::testing::Test {
 protected:
  StepResult run(const Step& step, HttpClientFactory make_client = {}) {
    const StepContext context{m_profile,
                              client_named(m_profile, "web"),
                              m_http,
                              m_redactor,
                              std::chrono::milliseconds(1000),
                              m_vars,
                              std::move(make_client)};
    return run_step(step, context);
  }

  static Step repeated_push(int repeat) {
    Step step = make_step(StepKind::push, 201);
    step.repeat = repeat;
    return step;
  }

  Profile m_profile = test_profile();
  FakeHttpClient m_http;
  http::Redactor m_redactor;
  eval::Vars m_vars = test_vars(m_profile, client_named(m_profile, "web"));
};

TEST_F(RepeatedStepTest, SendsEveryRepetitionAndPassesWhenEachDoes) {
  m_http.route("POST", "https://as.example/par", [](const http::Request&) {
    return json_response(201, {{"request_uri", "urn:x"}, {"expires_in", 60}});
  });
  const StepResult result = run(repeated_push(5));
  EXPECT_EQ(m_http.requests().size(), 5U);
  EXPECT_EQ(result.outcome, Outcome::passed);
  ASSERT_FALSE(result.checks.empty());
  EXPECT_EQ(result.checks[0].description, "expect held in every repetition");
  EXPECT_EQ(result.checks[0].actual, "5 of 5");
  EXPECT_EQ(result.exchanges.size(), 1U);  // one example, not five
  EXPECT_EQ(result.observed.at("repetitions"), "5 sequential");
  EXPECT_EQ(result.observed.at("status"), "201");
}

TEST_F(RepeatedStepTest, ExpectAppliesToEveryRepetitionAndCapturesComeFromTheFirstPass) {
  int served = 0;
  m_http.route("POST", "https://as.example/par", [&](const http::Request&) {
    ++served;
    return served == 1 ? json_response(400, {{"error", "invalid_request"}})
                       : json_response(201, {{"request_uri", "urn:" + std::to_string(served)}});
  });
  Step step = repeated_push(3);
  step.captures = {{"request_uri", "json:/request_uri", {}}};
  const StepResult result = run(step);
  EXPECT_EQ(result.outcome, Outcome::failed);
  EXPECT_EQ(result.checks[0].actual, "2 of 3; first failure: repetition 1");
  const auto shown = std::find_if(result.checks.begin(), result.checks.end(), [](const Check& c) {
    return c.description.rfind("[repetition 1] ", 0) == 0;
  });
  ASSERT_NE(shown, result.checks.end());
  EXPECT_FALSE(shown->passed);
  EXPECT_EQ(m_vars.at("request_uri"), "urn:2");
  EXPECT_EQ(result.observed.at("error"), "invalid_request");
}

TEST_F(RepeatedStepTest, ReportKeepsAFewExamplesHoweverManyRepetitionsFail) {
  m_http.route("POST", "https://as.example/par", [](const http::Request&) {
    return json_response(500, {{"error", "server_error"}});
  });
  const StepResult result = run(repeated_push(50));
  EXPECT_EQ(result.outcome, Outcome::failed);
  EXPECT_EQ(result.exchanges.size(), k_example_repetitions);
  const auto examples =
      std::count_if(result.checks.begin(), result.checks.end(), [](const auto& c) {
        return c.description.rfind("[repetition ", 0) == 0;
      });
  EXPECT_EQ(examples, static_cast<long>(k_example_repetitions));
  EXPECT_EQ(result.checks.back().description.rfind("[repetition 3] ", 0), 0U);
}

TEST_F(RepeatedStepTest, AggregateIsJudgedOverAllRepetitions) {
  int served = 0;
  m_http.route("POST", "https://as.example/par", [&](const http::Request&) {
    ++served;
    return json_response(201, {{"request_uri", "urn:same"}, {"n", served}});
  });
  Step step = repeated_push(4);
  step.aggregate = {aggregate_assertion("count", Predicate::Op::equals, 4),
                    aggregate_assertion("distinct:json:/request_uri", Predicate::Op::equals, 4),
                    aggregate_assertion("distinct:json:/n", Predicate::Op::equals, 4)};
  const StepResult result = run(step);
  EXPECT_EQ(result.outcome, Outcome::failed);
  ASSERT_EQ(result.checks.size(), 4U);
  EXPECT_TRUE(result.checks[1].passed);
  EXPECT_FALSE(result.checks[2].passed);
  EXPECT_EQ(result.checks[2].description, "aggregate distinct:json:/request_uri equals 4");
  EXPECT_EQ(result.checks[2].actual, "1 distinct among 4 values");
  EXPECT_TRUE(result.checks[3].passed);
}

TEST_F(RepeatedStepTest, AnErroredRepetitionErrorsTheStep) {
  m_http.queue(json_response(201, {}));
  m_http.queue_transport_error("connection refused");
  m_http.queue(json_response(201, {}));
  const StepResult result = run(repeated_push(3));
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_EQ(result.error,
            "1 of 3 repetitions errored; repetition 2: connection refused (stopped there: 1 "
            "repetitions did not run)");
}

// `repeat: 40` against a server that does not answer took 40 request timeouts; the first
// transport error now ends the step.
TEST_F(RepeatedStepTest, SequentialRepetitionsStopAtTheFirstTransportError) {
  for (int i = 0; i < 40; ++i) {
    m_http.queue_transport_error("Timeout was reached");
  }
  const StepResult result = run(repeated_push(40));
  EXPECT_EQ(m_http.requests().size(), 1U);
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_EQ(result.error,
            "1 of 40 repetitions errored; repetition 1: Timeout was reached (stopped there: 39 "
            "repetitions did not run)");
}

TEST_F(RepeatedStepTest, ConcurrentStepWithoutAClientFactoryErrors) {
  Step step = repeated_push(2);
  step.concurrently = true;
  const StepResult result = run(step);
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_TRUE(m_http.requests().empty());
}

// A loopback server whose handler holds each request for a while and records how many
// were in flight at once.
class OverlapServer {
 public:
  OverlapServer() {
    m_server.new_task_queue = [] {
      return new httplib::ThreadPool(32);
    };
    m_server.Post("/par", [this](const httplib::Request&, httplib::Response& response) {
      const int now = ++m_active;
      int seen = m_max.load();
      while (now > seen && !m_max.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      --m_active;
      response.status = 201;
      response.set_content(R"({"request_uri":"urn:x","expires_in":60})", "application/json");
    });
    m_port = m_server.bind_to_any_port("127.0.0.1");
    m_thread = std::thread([this] { m_server.listen_after_bind(); });
    while (!m_server.is_running()) {
      std::this_thread::yield();
    }
  }
  OverlapServer(const OverlapServer&) = delete;
  OverlapServer& operator=(const OverlapServer&) = delete;
  OverlapServer(OverlapServer&&) = delete;
  OverlapServer& operator=(OverlapServer&&) = delete;
  ~OverlapServer() {
    m_server.stop();
    m_thread.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/par"; }
  int max_overlap() const { return m_max.load(); }

 private:
  httplib::Server m_server;
  std::thread m_thread;
  int m_port = 0;
  std::atomic<int> m_active{0};
  std::atomic<int> m_max{0};
};

HttpClientFactory curl_factory() {
  return [] {
    return std::make_unique<http::CurlClient>(http::ClientOptions{});
  };
}

TEST(ConcurrentRepetitions, AllRequestsAreInFlightTogether) {
  OverlapServer server;
  Profile profile = test_profile();
  profile.endpoints.par = server.url();
  eval::Vars vars = test_vars(profile, client_named(profile, "web"));
  vars.set("endpoints.par", server.url());
  http::CurlClient unused{http::ClientOptions{}};
  const http::Redactor redactor;
  // Threads get their clients 150 ms apart: without the barrier the first request would be
  // answered (after 500 ms) before the last one is sent (after 600 ms). Five requests: the
  // httplib listen backlog is 5, and dropped SYNs would be retried only a second later.
  std::atomic<int> made{0};
  const HttpClientFactory staggered = [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150) * made++);
    return curl_factory()();
  };
  const StepContext context{profile,
                            client_named(profile, "web"),
                            unused,
                            redactor,
                            std::chrono::milliseconds(1000),
                            vars,
                            staggered};
  Step step = make_step(StepKind::push, 201);
  step.repeat = 5;
  step.concurrently = true;
  step.aggregate = {aggregate_assertion("present:json:/request_uri", Predicate::Op::equals, 5)};
  const StepResult result = run_step(step, context);
  EXPECT_EQ(result.outcome, Outcome::passed) << result.error;
  EXPECT_EQ(server.max_overlap(), 5);
  EXPECT_EQ(result.observed.at("repetitions"), "5 concurrent");
}

TEST(ConcurrentRepetitions, SequentialRepetitionsNeverOverlap) {
  OverlapServer server;
  Profile profile = test_profile();
  eval::Vars vars = test_vars(profile, client_named(profile, "web"));
  vars.set("endpoints.par", server.url());
  http::CurlClient client{http::ClientOptions{}};
  const http::Redactor redactor;
  const StepContext context{profile,
                            client_named(profile, "web"),
                            client,
                            redactor,
                            std::chrono::milliseconds(1000),
                            vars,
                            {}};
  Step step = make_step(StepKind::push, 201);
  step.repeat = 3;
  EXPECT_EQ(run_step(step, context).outcome, Outcome::passed);
  EXPECT_EQ(server.max_overlap(), 1);
}

TEST(ConcurrentRepetitions, AClientThatCannotBeMadeErrorsOnlyItsRepetition) {
  OverlapServer server;
  Profile profile = test_profile();
  eval::Vars vars = test_vars(profile, client_named(profile, "web"));
  vars.set("endpoints.par", server.url());
  http::CurlClient unused{http::ClientOptions{}};
  const http::Redactor redactor;
  std::atomic<int> made{0};
  const HttpClientFactory failing_once = [&]() -> std::unique_ptr<http::HttpClient> {
    if (made++ == 0) {
      throw std::runtime_error("no handle");
    }
    return std::make_unique<http::CurlClient>(http::ClientOptions{});
  };
  const StepContext context{profile,
                            client_named(profile, "web"),
                            unused,
                            redactor,
                            std::chrono::milliseconds(1000),
                            vars,
                            failing_once};
  Step step = make_step(StepKind::push, 201);
  step.repeat = 4;
  step.concurrently = true;
  const StepResult result = run_step(step, context);
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_NE(result.error.find("1 of 4 repetitions errored"), std::string::npos) << result.error;
  EXPECT_EQ(server.max_overlap(), 3);
}

TEST(ConcurrentRepetitions, RequestsThatCannotBeBuiltLeaveTheBarrier) {
  Profile profile = test_profile();
  eval::Vars vars = test_vars(profile, client_named(profile, "web"));
  FakeHttpClient unused;
  const http::Redactor redactor;
  const StepContext context{profile,
                            client_named(profile, "web"),
                            unused,
                            redactor,
                            std::chrono::milliseconds(1000),
                            vars,
                            [] {
                              return std::make_unique<FakeHttpClient>();
                            }};
  Step step = make_step(StepKind::push, 201);
  step.repeat = 4;
  step.concurrently = true;
  step.request.request_object = RequestObjectSpec{};
  step.request.request_object->alg = "RS256";         // the web client has no private key
  const StepResult result = run_step(step, context);  // must not deadlock
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_NE(result.error.find("4 of 4 repetitions errored"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("cannot build the request"), std::string::npos) << result.error;
}

}  // namespace
}  // namespace parity::run
