#include "run/case_scheduler.hpp"

#include "plan/test_cases.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

using namespace std::chrono_literals;

Step step_for(StepKind kind, const std::string& client = "") {
  Step step = make_step(kind);
  step.request.client = client;
  return step;
}

TEST(ClientClaimTest, OneRequestSharesItsClient) {
  const ClientClaim claim =
      client_claim(make_case("s", "one", {step_for(StepKind::push)}), test_profile());
  EXPECT_EQ(claim.client_ids, std::vector<std::string>{"web-client"});
  EXPECT_FALSE(claim.exclusive);
  EXPECT_FALSE(claim.waits);
}

TEST(ClientClaimTest, StateKeptBetweenRequestsNeedsTheClientsExclusively) {
  const Profile profile = test_profile();
  Case flow = make_case("s", "flow", {step_for(StepKind::push), step_for(StepKind::authorize)});
  EXPECT_TRUE(client_claim(flow, profile).exclusive);

  Step repeated = step_for(StepKind::push);
  repeated.repeat = 2;
  EXPECT_TRUE(client_claim(make_case("s", "repeat", {repeated}), profile).exclusive);

  Case expiry = make_case(
      "s",
      "expiry",
      {step_for(StepKind::push), step_for(StepKind::wait), step_for(StepKind::authorize)});
  EXPECT_TRUE(client_claim(expiry, profile).exclusive);
  EXPECT_TRUE(client_claim(expiry, profile).waits);
  EXPECT_TRUE(client_claim(expiry, profile).idle_until_wait);

  Step abandoned = step_for(StepKind::authorize);
  abandoned.request.login = false;
  Case reload = make_case("s",
                          "reload",
                          {step_for(StepKind::push),
                           abandoned,
                           step_for(StepKind::wait),
                           step_for(StepKind::authorize)});
  EXPECT_TRUE(client_claim(reload, profile).idle_until_wait);

  Case code_expiry = make_case("s",
                               "code",
                               {step_for(StepKind::push),
                                step_for(StepKind::authorize),
                                step_for(StepKind::wait),
                                step_for(StepKind::token)});
  EXPECT_TRUE(client_claim(code_expiry, profile).waits);
  EXPECT_FALSE(client_claim(code_expiry, profile).idle_until_wait);

  Case waiting = make_case("s", "wait", {step_for(StepKind::wait)});
  EXPECT_FALSE(client_claim(waiting, profile).exclusive);  // no state of its own to keep
  EXPECT_TRUE(client_claim(waiting, profile).waits);

  Case discovered =
      make_case("s", "meta", {step_for(StepKind::discover), step_for(StepKind::push)});
  EXPECT_FALSE(client_claim(discovered, profile).exclusive);
}

TEST(ClientClaimTest, EveryClientTheStepsNameIsClaimed) {
  Case spec = make_case("s", "two", {step_for(StepKind::push), step_for(StepKind::push, "post")});
  spec.client = "jwt";
  const ClientClaim claim = client_claim(spec, test_profile());
  EXPECT_EQ(claim.client_ids, (std::vector<std::string>{"jwt-client", "post-client"}));
}

ClientClaim claim_of(const std::string& client,
                     bool exclusive,
                     bool waits = false,
                     bool idle_until_wait = false) {
  return {{client}, exclusive, waits, idle_until_wait};
}

TEST(CaseSchedulerTest, WaitingCasesStartFirstThenPlanOrder) {
  CaseScheduler scheduler({claim_of("a", false), claim_of("b", true, true), claim_of("c", false)});
  EXPECT_EQ(scheduler.next(), 1U);
  EXPECT_EQ(scheduler.next(), 0U);
  EXPECT_EQ(scheduler.next(), 2U);
  EXPECT_EQ(scheduler.next(), std::nullopt);
}

TEST(CaseSchedulerTest, SharedCasesOfAClientRunTogether) {
  CaseScheduler scheduler({claim_of("a", false), claim_of("a", false)});
  EXPECT_EQ(scheduler.next(), 0U);
  EXPECT_EQ(scheduler.next(), 1U);
}

TEST(CaseSchedulerTest, AnExclusiveCaseWaitsForTheOthersOfItsClientAndBlocksThem) {
  CaseScheduler scheduler(
      {claim_of("a", false), claim_of("a", true), claim_of("b", true), claim_of("a", false)});
  EXPECT_EQ(scheduler.next(), 0U);
  EXPECT_EQ(scheduler.next(), 2U);  // 1 needs client a alone; b is free
  EXPECT_EQ(scheduler.next(), 3U);  // shared, like the running 0
  std::future<std::optional<std::size_t>> exclusive =
      std::async(std::launch::async, [&] { return scheduler.next(); });
  EXPECT_EQ(exclusive.wait_for(50ms), std::future_status::timeout);
  scheduler.finished(0);
  EXPECT_EQ(exclusive.wait_for(50ms), std::future_status::timeout);
  scheduler.finished(3);
  EXPECT_EQ(exclusive.get(), 1U);
  EXPECT_EQ(scheduler.next(), std::nullopt);
}

TEST(CaseSchedulerTest, SharedCaseWaitsForTheExclusiveOne) {
  CaseScheduler scheduler({claim_of("a", true), claim_of("a", false)});
  EXPECT_EQ(scheduler.next(), 0U);
  std::future<std::optional<std::size_t>> shared =
      std::async(std::launch::async, [&] { return scheduler.next(); });
  EXPECT_EQ(shared.wait_for(50ms), std::future_status::timeout);
  scheduler.finished(0);
  EXPECT_EQ(shared.get(), 1U);
}

TEST(CaseSchedulerTest, IdleWaitingCasesShareTheirClientSoThatTheirWaitsOverlap) {
  CaseScheduler scheduler({claim_of("a", true),
                           claim_of("a", true, true, true),
                           claim_of("a", true, true, true),
                           claim_of("a", false)});
  EXPECT_EQ(scheduler.next(), 1U);
  EXPECT_EQ(scheduler.next(), 2U);  // waits beside 1
  std::future<std::optional<std::size_t>> exclusive =
      std::async(std::launch::async, [&] { return scheduler.next(); });
  EXPECT_EQ(exclusive.wait_for(50ms), std::future_status::timeout);
  scheduler.finished(1);
  EXPECT_EQ(exclusive.wait_for(50ms), std::future_status::timeout);  // 2 still waits
  scheduler.finished(2);
  EXPECT_EQ(exclusive.get(), 0U);
}

TEST(CaseSchedulerTest, AWaitingCaseThatCompletesAnAuthorizationFirstSharesNothing) {
  CaseScheduler busy({claim_of("a", true, true, false), claim_of("a", true, true, true)});
  EXPECT_EQ(busy.next(), 0U);
  std::future<std::optional<std::size_t>> idle =
      std::async(std::launch::async, [&] { return busy.next(); });
  EXPECT_EQ(idle.wait_for(50ms), std::future_status::timeout);
  busy.finished(0);
  EXPECT_EQ(idle.get(), 1U);
}

TEST(CaseSchedulerTest, AWaitingCaseDoesNotJoinANonWaitingExclusiveOne) {
  CaseScheduler scheduler({claim_of("a", true), claim_of("a", true, true, true)});
  EXPECT_EQ(scheduler.next(), 1U);
  scheduler.finished(1);
  EXPECT_EQ(scheduler.next(), 0U);
  CaseScheduler reversed({claim_of("a", true, true, true), claim_of("a", true)});
  EXPECT_EQ(reversed.next(), 0U);
  std::future<std::optional<std::size_t>> other =
      std::async(std::launch::async, [&] { return reversed.next(); });
  EXPECT_EQ(other.wait_for(50ms), std::future_status::timeout);
  reversed.finished(0);
  EXPECT_EQ(other.get(), 1U);
}

TEST(CaseSchedulerTest, StopReleasesWaitingWorkers) {
  CaseScheduler scheduler({claim_of("a", true), claim_of("a", true)});
  EXPECT_EQ(scheduler.next(), 0U);
  std::future<std::optional<std::size_t>> blocked =
      std::async(std::launch::async, [&] { return scheduler.next(); });
  scheduler.stop();
  EXPECT_EQ(blocked.get(), std::nullopt);
}

}  // namespace
}  // namespace parity::run
