#include "compare/behaviour.hpp"

#include "compare/test_runs.hpp"

#include <gtest/gtest.h>

namespace parity::compare {
namespace {

using test_support::one_case;
using test_support::step;

TEST(Behaviour, FactsComeInFixedOrderWithDerivedResponseKind) {
  const CaseResult result = one_case(
      "par.core",
      "x",
      Outcome::passed,
      {step(StepKind::push, {{"status", "201"}, {"expires_in", "60"}, {"content_type", "a/b"}}),
       step(StepKind::authorize, {{"status", "302"}, {"redirect", "https://client/cb"}})});
  const auto steps = behaviour_of(result);
  ASSERT_EQ(steps.size(), 2U);
  EXPECT_EQ(steps[0].facts[0].name, "status");
  EXPECT_EQ(steps[0].facts[1].name, "expires_in");
  EXPECT_FALSE(steps[0].facts[2].compared);  // content_type is shown only
  EXPECT_EQ(fact_value(steps[1], "response"), "redirect");
  EXPECT_EQ(fact_value(steps[1], "redirect_to"), "https://client/cb");
  EXPECT_EQ(behaviour_text(steps), "push: 201, expires_in 60; authorize: 302, redirect");
}

TEST(Behaviour, AuthorizeWithoutRedirectIsAPage) {
  const auto steps = behaviour_of(
      one_case("s", "x", Outcome::passed, {step(StepKind::authorize, {{"status", "400"}})}));
  EXPECT_EQ(fact_value(steps[0], "response"), "page");
}

TEST(Behaviour, KeyIgnoresShownOnlyFacts) {
  const auto a = behaviour_of(one_case(
      "s",
      "x",
      Outcome::passed,
      {step(
          StepKind::push,
          {{"status", "400"}, {"error", "invalid_request"}, {"error_description", "one text"}})}));
  const auto b = behaviour_of(one_case("s",
                                       "x",
                                       Outcome::passed,
                                       {step(StepKind::push,
                                             {{"status", "400"},
                                              {"error", "invalid_request"},
                                              {"error_description", "another text"}})}));
  const auto c = behaviour_of(
      one_case("s",
               "x",
               Outcome::passed,
               {step(StepKind::push, {{"status", "400"}, {"error", "invalid_client"}})}));
  EXPECT_EQ(behaviour_key(a, true), behaviour_key(b, true));
  EXPECT_NE(behaviour_key(a, true), behaviour_key(c, true));
}

TEST(Behaviour, UnknownObservedKeysAreCompared) {
  const auto a = behaviour_of(
      one_case("s", "x", Outcome::passed, {step(StepKind::push, {{"status", "201"}, {"z", "1"}})}));
  const auto b = behaviour_of(
      one_case("s", "x", Outcome::passed, {step(StepKind::push, {{"status", "201"}, {"z", "2"}})}));
  EXPECT_NE(behaviour_key(a, false), behaviour_key(b, false));
}

TEST(Behaviour, LifetimeIsInTheKeyOnlyWhenAsked) {
  const auto a =
      behaviour_of(one_case("s",
                            "x",
                            Outcome::passed,
                            {step(StepKind::push, {{"status", "201"}, {"expires_in", "60"}})}));
  const auto b =
      behaviour_of(one_case("s",
                            "x",
                            Outcome::passed,
                            {step(StepKind::push, {{"status", "201"}, {"expires_in", "90"}})}));
  EXPECT_EQ(behaviour_key(a, false), behaviour_key(b, false));
  EXPECT_NE(behaviour_key(a, true), behaviour_key(b, true));
  EXPECT_EQ(behaviour_text(b), "push: 201, expires_in 90");
}

TEST(Behaviour, ConcurrentRepetitionsCompareOnlyTheirCount) {
  const auto racing = [](const std::string& alternative, const std::string& count) {
    return behaviour_of(one_case("s",
                                 "x",
                                 Outcome::passed,
                                 {step(StepKind::authorize,
                                       {{"status", "302"},
                                        {"alternative", alternative},
                                        {"repetitions", count + " concurrent"}})}));
  };
  EXPECT_EQ(behaviour_key(racing("code", "6"), true), behaviour_key(racing("refused", "6"), true));
  EXPECT_NE(behaviour_key(racing("code", "6"), true), behaviour_key(racing("code", "5"), true));
  EXPECT_EQ(behaviour_text(racing("code", "6")),
            "authorize: 302, page, alternative code, repetitions 6 concurrent");
}

TEST(Behaviour, StepsWithoutObservationsAreLeftOut) {
  const auto steps =
      behaviour_of(one_case("s",
                            "x",
                            Outcome::passed,
                            {step(StepKind::wait, {}), step(StepKind::push, {{"status", "201"}})}));
  ASSERT_EQ(steps.size(), 1U);
  EXPECT_EQ(steps[0].kind, "push");
}

}  // namespace
}  // namespace parity::compare
