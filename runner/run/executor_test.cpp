#include "run/executor.hpp"

#include "http/url.hpp"
#include "plan/test_cases.hpp"
#include "run/test_http_client.hpp"

#include <gtest/gtest.h>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

constexpr const char* k_request_uri = "urn:ietf:params:oauth:request_uri:abc123";

class RunCaseTest : public ::testing::Test {
 protected:
  CaseResult run(const Case& spec, std::chrono::milliseconds max_wait = std::chrono::seconds(300)) {
    m_suites = {Suite{spec.suite, "Suite", spec.where.file, {spec}}};
    const Plan plan = make_plan(m_profile, m_suites, {});
    RunOptions options;
    options.max_wait = max_wait;
    return run_case(plan.cases.at(0), plan.profile, m_http, options);
  }

  void route_push(int status, const nlohmann::json& body) {
    m_http.route("POST", "https://as.example/par", [=](const http::Request&) {
      return json_response(status, body);
    });
  }

  Profile m_profile = test_profile();
  std::vector<Suite> m_suites;
  FakeHttpClient m_http;
};

Step push_capturing(std::vector<std::pair<std::string, std::string>> captures) {
  Step push = make_step(StepKind::push, 201);
  for (auto& [name, selector] : captures) {
    push.captures.push_back({name, selector, {"test.yaml", 2, 1}});
  }
  return push;
}

TEST_F(RunCaseTest, CaptureFeedsTheAuthorizeQuery) {
  route_push(201, {{"request_uri", k_request_uri}, {"expires_in", 60}});
  m_http.route("GET", "https://as.example/authorize", [](const http::Request&) {
    return redirect_response("https://client.example/cb?code=c1&state=s");
  });
  Step authorize = make_step(StepKind::authorize, 302);
  const CaseResult result = run(
      make_case("s", "flow", {push_capturing({{"request_uri", "json:/request_uri"}}), authorize}));

  ASSERT_EQ(result.outcome, Outcome::passed) << result.error;
  ASSERT_EQ(result.steps.size(), 2U);
  const std::vector<http::Request> requests = m_http.requests();
  ASSERT_EQ(requests.size(), 2U);
  const http::Params query =
      http::form_decode(requests[1].url.substr(requests[1].url.find('?') + 1));
  EXPECT_EQ(http::find_param(query, "request_uri"), k_request_uri);
  EXPECT_EQ(http::find_param(query, "client_id"), "web-client");
  EXPECT_EQ(result.steps[0].observed.at("status"), "201");
  EXPECT_EQ(result.steps[0].exchanges.size(), 1U);
  EXPECT_EQ(result.suite, "s");
  EXPECT_EQ(result.file, "suites/s.yaml");
}

TEST_F(RunCaseTest, StateAndPkceAreFixedForTheCase) {
  route_push(201, {{"request_uri", k_request_uri}});
  const CaseResult result =
      run(make_case("s", "two", {make_step(StepKind::push, 201), make_step(StepKind::push, 201)}));
  ASSERT_EQ(result.outcome, Outcome::passed) << result.error;
  const std::vector<http::Request> requests = m_http.requests();
  ASSERT_EQ(requests.size(), 2U);
  const http::Params first = http::form_decode(requests[0].body);
  const http::Params second = http::form_decode(requests[1].body);
  EXPECT_EQ(http::find_param(first, "state")->size(), 16U);
  EXPECT_EQ(http::find_param(first, "state"), http::find_param(second, "state"));
  EXPECT_EQ(http::find_param(first, "code_challenge"), http::find_param(second, "code_challenge"));
}

TEST_F(RunCaseTest, WaitBeyondMaxWaitErrors) {
  route_push(201, {{"request_uri", k_request_uri}, {"expires_in", 60}});
  Step wait = make_step(StepKind::wait);
  wait.wait = text("${expires_in}s + 1s");
  const CaseResult result =
      run(make_case("s", "wait", {push_capturing({{"expires_in", "json:/expires_in"}}), wait}),
          std::chrono::seconds(30));
  EXPECT_EQ(result.outcome, Outcome::errored);
  ASSERT_EQ(result.steps.size(), 2U);
  EXPECT_EQ(result.steps[1].outcome, Outcome::errored);
  EXPECT_EQ(result.steps[1].error, "wait of 61 s exceeds --max-wait (30 s)");
  EXPECT_LT(result.elapsed_ms, 1000);
}

TEST_F(RunCaseTest, ShortWaitSleeps) {
  Step wait = make_step(StepKind::wait);
  wait.wait = text("150ms");
  const CaseResult result = run(make_case("s", "wait", {wait}));
  EXPECT_EQ(result.outcome, Outcome::passed) << result.error;
  EXPECT_GE(result.steps.at(0).elapsed_ms, 140);
}

TEST_F(RunCaseTest, TransportErrorErrorsAndKeepsTheExchange) {
  m_http.queue_transport_error("Connection refused");
  const CaseResult result =
      run(make_case("s", "down", {make_step(StepKind::push, 201), make_step(StepKind::push)}));
  EXPECT_EQ(result.outcome, Outcome::errored);
  ASSERT_EQ(result.steps.size(), 1U);
  EXPECT_EQ(result.steps[0].error, "Connection refused");
  ASSERT_EQ(result.steps[0].exchanges.size(), 1U);
  EXPECT_EQ(result.steps[0].exchanges[0].request.url, "https://as.example/par");
  EXPECT_EQ(result.error, "step 'push': Connection refused");
}

TEST_F(RunCaseTest, FailedCheckFailsAndStopsTheCase) {
  route_push(400, {{"error", "invalid_request"}});
  const CaseResult result =
      run(make_case("s", "fail", {make_step(StepKind::push, 201), make_step(StepKind::push)}));
  EXPECT_EQ(result.outcome, Outcome::failed);
  ASSERT_EQ(result.steps.size(), 1U);
  ASSERT_FALSE(result.steps[0].checks.empty());
  EXPECT_FALSE(result.steps[0].checks[0].passed);
  EXPECT_EQ(result.steps[0].observed.at("error"), "invalid_request");
  EXPECT_EQ(m_http.requests().size(), 1U);
}

TEST_F(RunCaseTest, ShouldLevelFailureWarns) {
  route_push(400, {{"error", "invalid_request"}});
  Case spec = make_case("s", "should", {make_step(StepKind::push, 201)});
  spec.level = Level::should;
  EXPECT_EQ(run(spec).outcome, Outcome::warned);
}

TEST_F(RunCaseTest, Fapi2LevelFailsUnderFapi2AndWarnsElsewhere) {
  route_push(400, {{"error", "invalid_request"}});
  Case spec = make_case("s", "fapi", {make_step(StepKind::push, 201)});
  spec.level = Level::should;
  spec.must_under_fapi2 = true;
  m_profile.capabilities.erase("fapi2");
  const CaseResult elsewhere = run(spec);
  EXPECT_EQ(elsewhere.outcome, Outcome::warned);
  EXPECT_EQ(elsewhere.level, Level::should);
  EXPECT_NE(elsewhere.level_reason.find("does not declare 'fapi2'"), std::string::npos);
  m_profile.capabilities.insert("fapi2");
  const CaseResult declared = run(spec);
  EXPECT_EQ(declared.outcome, Outcome::failed);
  EXPECT_EQ(declared.level, Level::must);
  EXPECT_NE(declared.level_reason.find("declares 'fapi2'"), std::string::npos);
}

TEST_F(RunCaseTest, MissingCaptureFailsTheStep) {
  route_push(201, {{"expires_in", 60}});
  const CaseResult result =
      run(make_case("s", "nocap", {push_capturing({{"request_uri", "json:/request_uri"}})}));
  EXPECT_EQ(result.outcome, Outcome::failed);
}

TEST_F(RunCaseTest, NoApplicableExpectationErrors) {
  route_push(201, {});
  Step push = make_step(StepKind::push);
  ExpectBlock block = expect_equals({{"status", 201}});
  block.when.push_back({"capability:pkce_plain", {{Predicate::Op::equals, true, {}}}, {}});
  push.expect = {block};
  const CaseResult result = run(make_case("s", "none", {push}));
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_EQ(result.steps.at(0).error, "no expectation applies to profile");
}

TEST_F(RunCaseTest, AlternativeIsObserved) {
  route_push(400, {{"error", "invalid_request"}});
  Step push = make_step(StepKind::push);
  ExpectBlock block;
  ExpectBlock created = expect_equals({{"status", 201}});
  created.label = "created";
  ExpectBlock rejected = expect_equals({{"status", 400}});
  rejected.label = "rejected";
  block.any_of = {created, rejected};
  push.expect = {block};
  const CaseResult result = run(make_case("s", "alt", {push}));
  EXPECT_EQ(result.outcome, Outcome::passed);
  EXPECT_EQ(result.steps.at(0).observed.at("alternative"), "rejected");
}

TEST_F(RunCaseTest, EndsCaseAlternativeStopsThePassedCaseWhileOthersGoOn) {
  // RFC 9126 §2.1: a push rejected at once ends the case; one accepted must be refused later.
  const auto push_then_push = [this](bool ends_case) {
    Step push = make_step(StepKind::push);
    ExpectBlock block;
    ExpectBlock accepted = expect_equals({{"status", 201}});
    accepted.label = "accepted";
    ExpectBlock rejected = expect_equals({{"status", 400}});
    rejected.label = "rejected at push";
    rejected.ends_case = ends_case;
    block.any_of = {accepted, rejected};
    push.expect = {block};
    return run(make_case("s", "ends", {push, make_step(StepKind::push, 201)}));
  };
  route_push(400, {{"error", "invalid_request"}});
  const CaseResult ended = push_then_push(true);
  EXPECT_EQ(ended.outcome, Outcome::passed);
  ASSERT_EQ(ended.steps.size(), 1U);
  EXPECT_TRUE(ended.steps[0].ends_case);
  EXPECT_EQ(m_http.requests().size(), 1U);

  const CaseResult went_on = push_then_push(false);  // the second push expects 201: fails
  EXPECT_EQ(went_on.outcome, Outcome::failed);
  EXPECT_EQ(went_on.steps.size(), 2U);
}

TEST_F(RunCaseTest, SkippedCaseReturnsItsReasonWithoutSending) {
  Case spec = make_case("s", "skip", {make_step(StepKind::push, 201)});
  spec.required_capabilities = {"jar"};
  const CaseResult result = run(spec);
  EXPECT_EQ(result.outcome, Outcome::skipped);
  EXPECT_EQ(result.skip_reason, "profile lacks capability 'jar'");
  EXPECT_TRUE(m_http.requests().empty());
}

TEST_F(RunCaseTest, StepClientIsBoundForThatStep) {
  route_push(201, {});
  Step other = make_step(StepKind::push, 201);
  other.request.client = "post";
  const CaseResult result = run(make_case("s", "clients", {make_step(StepKind::push, 201), other}));
  ASSERT_EQ(result.outcome, Outcome::passed) << result.error;
  const std::vector<http::Request> requests = m_http.requests();
  EXPECT_EQ(http::find_param(http::form_decode(requests[0].body), "client_id"), "web-client");
  EXPECT_EQ(http::find_param(http::form_decode(requests[1].body), "client_id"), "post-client");
}

TEST_F(RunCaseTest, UnexpectedProblemErrorsInsteadOfThrowing) {
  Step push = make_step(StepKind::push);
  push.request.params = {{"state", text("${undefined_at_run_time}")}};
  const Case spec = make_case("s", "bad", {push});
  // Bypasses the planner, which would have rejected the template.
  const CaseResult result = run_case(PlannedCase{&spec, ""}, m_profile, m_http, RunOptions{});
  EXPECT_EQ(result.outcome, Outcome::errored);
  EXPECT_NE(result.error.find("undefined_at_run_time"), std::string::npos) << result.error;
  EXPECT_TRUE(m_http.requests().empty());
}

std::string everything_stored(const CaseResult& result) {
  std::string all;
  for (const StepResult& step : result.steps) {
    for (const http::Exchange& exchange : step.exchanges) {
      all += exchange.request.url + "\n" + exchange.request.body + "\n" + exchange.response.body;
      for (const auto& [name, value] : exchange.request.headers) {
        all += "\n" + name + ": " + value;
      }
      for (const auto& [name, value] : exchange.response.headers) {
        all += "\n" + name + ": " + value;
      }
    }
    for (const Check& check : step.checks) {
      all += "\n" + check.expected + "\n" + check.actual;
    }
  }
  return all;
}

TEST_F(RunCaseTest, SecretsNeverReachTheStoredExchanges) {
  // The fake server echoes everything it got, as a careless server might.
  // Secrets first: a check quotes only the start of a long body.
  const auto echo = [](const http::Request& request) {
    http::Response response;
    response.status = 400;
    response.body =
        http::find_param(http::form_decode(request.body), "client_secret").value_or("") + " " +
        http::find_header(request.headers, "Authorization").value_or("") + " web secret:1 " +
        request.body;
    response.headers.emplace_back("X-Echo", request.body);
    return response;
  };
  m_http.route("POST", "https://as.example/par", echo);
  Step post = make_step(StepKind::push);
  post.request.client = "post";
  post.expect.push_back(expect_equals({{"body", "nothing"}}));
  const CaseResult result =
      run(make_case("s", "echo", {make_step(StepKind::push), post, make_step(StepKind::push)}));
  ASSERT_EQ(result.steps.size(), 2U);  // the second step fails its check, which quotes the body
  const std::string stored = everything_stored(result);
  EXPECT_EQ(stored.find("web secret:1"), std::string::npos) << stored;
  EXPECT_EQ(stored.find("web+secret%3A1"), std::string::npos) << stored;
  EXPECT_EQ(stored.find("d2ViLWNsaWVudDp3ZWIrc2VjcmV0JTNBMQ"), std::string::npos) << stored;
  EXPECT_EQ(stored.find("post-secret-value"), std::string::npos) << stored;
  // …while the requests really carried them.
  const std::vector<http::Request> sent = m_http.requests();
  EXPECT_EQ(http::find_header(sent[0].headers, "Authorization"),
            "Basic d2ViLWNsaWVudDp3ZWIrc2VjcmV0JTNBMQ==");
  EXPECT_NE(sent[1].body.find("post-secret-value"), std::string::npos);
}

TEST_F(RunCaseTest, AssertionsNeverReachTheStoredExchanges) {
  m_http.route("POST", "https://as.example/par", [](const http::Request& request) {
    http::Response response;
    response.status = 201;
    response.body = "echo: " + request.body;
    return response;
  });
  Case spec = make_case("s", "jwt", {make_step(StepKind::push, 201)});
  spec.client = "jwt";
  const CaseResult result = run(spec);
  ASSERT_EQ(result.outcome, Outcome::passed) << result.error;
  const std::string assertion =
      *http::find_param(http::form_decode(m_http.requests().at(0).body), "client_assertion");
  EXPECT_EQ(everything_stored(result).find(assertion), std::string::npos);
}

}  // namespace
}  // namespace parity::run
