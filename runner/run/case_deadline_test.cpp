#include "run/case_deadline.hpp"

#include "http/curl_client.hpp"
#include "plan/test_cases.hpp"
#include "run/executor.hpp"
#include "run/test_http_client.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <thread>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

using std::chrono::milliseconds;

TEST(CaseDeadlineTest, CountsDownAndMovesWithWaits) {
  CaseDeadline deadline(milliseconds(1000));
  EXPECT_GT(deadline.remaining().count(), 900);
  EXPECT_FALSE(deadline.expired());
  deadline.extend(milliseconds(5000));
  EXPECT_GT(deadline.remaining().count(), 5900);
  EXPECT_EQ(deadline.reason(), "case deadline of 1 s reached (profile key case_deadline_ms)");
  const CaseDeadline past(milliseconds(0));
  EXPECT_TRUE(past.expired());
}

TEST(DeadlineClientTest, ARequestAfterTheDeadlineIsNotSent) {
  FakeHttpClient inner;
  const CaseDeadline past(milliseconds(0));
  DeadlineClient client(inner, past);
  http::Request request;
  request.url = "https://as.example/par";
  const http::Exchange exchange = client.send(request);
  EXPECT_TRUE(inner.requests().empty());
  EXPECT_EQ(exchange.transport_error, past.reason());
}

TEST(DeadlineClientTest, EachRequestGetsWhatIsLeftAsItsTimeout) {
  FakeHttpClient inner;
  inner.queue(json_response(201, {}));
  const CaseDeadline deadline(milliseconds(3000));
  DeadlineClient client(inner, deadline);
  http::Request request;
  request.url = "https://as.example/par";
  static_cast<void>(client.send(request));
  ASSERT_EQ(inner.requests().size(), 1U);
  ASSERT_TRUE(inner.requests()[0].timeout_ms.has_value());
  EXPECT_LE(*inner.requests()[0].timeout_ms, 3000);
  EXPECT_GT(*inner.requests()[0].timeout_ms, 2000);
}

// End to end with curl: a server that never answers within a 10 s request timeout, a case
// deadline of 300 ms. The case ends errored at the deadline, naming it.
TEST(DeadlineClientTest, ACaseThatHitsItsDeadlineIsErroredWithThatReason) {
  httplib::Server server;
  server.Post("/par", [](const httplib::Request&, httplib::Response& response) {
    std::this_thread::sleep_for(milliseconds(1500));
    response.set_content("{}", "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });
  Profile profile = test_profile();
  profile.endpoints.par = "http://127.0.0.1:" + std::to_string(port) + "/par";
  profile.case_deadline_ms = 300;
  const Case spec = make_case("bounds", "slow", {make_step(StepKind::push, 201)});
  http::ClientOptions options;
  options.timeout_ms = 10000;
  http::CurlClient client(options);
  const auto start = std::chrono::steady_clock::now();
  const CaseResult result = run_case(PlannedCase{&spec, ""}, profile, client, RunOptions{});
  const auto took = std::chrono::steady_clock::now() - start;
  server.stop();
  serving.join();
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_NE(result.error.find("case deadline of 0.3 s reached (profile key case_deadline_ms)"),
            std::string::npos)
      << result.error;
  EXPECT_LT(took, milliseconds(1200));
}

}  // namespace
}  // namespace parity::run
