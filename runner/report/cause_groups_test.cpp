#include "report/cause_groups.hpp"

#include "report/test_results.hpp"

#include <gtest/gtest.h>

namespace parity::report {
namespace {

using test_support::sample_run;

/// A failed push whose refusal came with `status` and no JSON body, judged by `check`.
CaseResult refused(const std::string& id, const std::string& check, const std::string& expected) {
  CaseResult one;
  one.suite = "par.core";
  one.id = id;
  one.outcome = Outcome::failed;
  one.requirements = {"RFC9126-2.3-" + id.substr(0, 1)};
  StepResult step;
  step.kind = StepKind::push;
  step.outcome = Outcome::failed;
  step.observed = {{"status", "400"}};
  step.checks = {Check{"status in [400, 401]", true, "[400, 401]", "400", {}},
                 Check{check + " " + expected, false, expected, "absent", {}}};
  one.steps = {step};
  return one;
}

TEST(CauseGroupsTest, SameObservedBehaviourIsOneCauseWhateverWasExpected) {
  RunResult run;
  run.cases = {refused("a", "json:/error equals", "invalid_request"),
               refused("b", "json:/error equals", "invalid_client"),
               refused("c", "json:/error in", "[\"invalid_request\", \"invalid_scope\"]")};
  const std::vector<CauseGroup> groups = cause_groups(run);
  ASSERT_EQ(groups.size(), 1U);
  EXPECT_EQ(groups[0].cause, "push: json:/error was absent");
  EXPECT_EQ(groups[0].cases, (std::vector<std::string>{"par.core/a", "par.core/b", "par.core/c"}));
  EXPECT_EQ(groups[0].requirements,
            (std::vector<std::string>{"RFC9126-2.3-a", "RFC9126-2.3-b", "RFC9126-2.3-c"}));
  EXPECT_EQ(groups[0].totals.failed, 3);
}

TEST(CauseGroupsTest, AValueWantedAbsentIsOneCauseWhateverItsText) {
  RunResult run;
  run.cases = {refused("a", "json:/request_uri exists", "false"),
               refused("b", "json:/request_uri exists", "false")};
  run.cases[0].steps[0].checks[1].actual = "\"urn:ietf:params:oauth:request_uri:AAA\"";
  run.cases[1].steps[0].checks[1].actual = "\"urn:ietf:params:oauth:request_uri:BBB\"";
  const std::vector<CauseGroup> groups = cause_groups(run);
  ASSERT_EQ(groups.size(), 1U);
  EXPECT_EQ(groups[0].cause, "push: json:/request_uri was present");
  EXPECT_EQ(groups[0].cases.size(), 2U);
}

TEST(CauseGroupsTest, LargestGroupFirstThenWorstOutcome) {
  RunResult run = sample_run();
  run.cases.push_back(refused("a", "json:/error equals", "x"));
  run.cases.push_back(refused("b", "json:/error equals", "y"));
  const std::vector<CauseGroup> groups = cause_groups(run);
  ASSERT_EQ(groups.size(), 4U);
  EXPECT_EQ(groups[0].cases.size(), 2U);
  EXPECT_EQ(groups[1].outcome, Outcome::errored);  // ties: errored, failed, warned
  EXPECT_EQ(groups[2].outcome, Outcome::failed);
  EXPECT_EQ(groups[3].outcome, Outcome::warned);
}

TEST(CauseGroupsTest, AnyOfFailureIsNamedByWhatTheServerAnswered) {
  CaseResult one;
  one.suite = "par.request_uri";
  one.id = "expired";
  one.outcome = Outcome::failed;
  StepResult step;
  step.kind = StepKind::authorize;
  step.outcome = Outcome::failed;
  step.observed = {{"status", "302"}, {"redirect", "https://client.example/cb"}};
  step.checks = {Check{"[error redirect] location:error in [...]", false, "", "absent", {}},
                 Check{"[error page] status in [400]", false, "", "302", {}},
                 Check{"any_of: no alternative held", false, "one of: …", "none held", {}}};
  one.steps = {step};
  EXPECT_EQ(cause_of(one),
            "authorize: no accepted answer; got status 302, no error, redirect to "
            "https://client.example/cb");
}

TEST(CauseGroupsTest, ErrorsAreGroupedByMessageWithoutTheStepName) {
  CaseResult one;
  one.outcome = Outcome::errored;
  one.error = "step 'push': Couldn't connect to server";
  CaseResult other = one;
  other.error = "step 'token': Couldn't connect to server";
  EXPECT_EQ(cause_of(one), "Couldn't connect to server");
  EXPECT_EQ(cause_of(one), cause_of(other));
  CaseResult passed;
  EXPECT_EQ(cause_of(passed), "");
}

}  // namespace
}  // namespace parity::report
