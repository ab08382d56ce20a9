#include "compare/drift.hpp"

#include "compare/json_output.hpp"
#include "compare/test_runs.hpp"

#include <gtest/gtest.h>

namespace parity::compare {
namespace {

using test_support::one_case;
using test_support::provider;
using test_support::step;

CaseResult pushed(const std::string& id, Outcome outcome, const std::string& status = "201") {
  return one_case("par.core", id, outcome, {step(StepKind::push, {{"status", status}})});
}

TEST(Drift, NoChangeExitsZero) {
  const ProviderRun run = provider("p", {pushed("a", Outcome::passed)});
  const Drift drift = compute_drift(run, run);
  EXPECT_TRUE(drift.changes.empty());
  EXPECT_EQ(drift.unchanged, 1U);
  EXPECT_EQ(drift_exit_code(drift), 0);
}

TEST(Drift, PassedToFailedIsARegressionExitingFour) {
  const Drift drift = compute_drift(provider("p", {pushed("a", Outcome::passed)}),
                                    provider("p", {pushed("a", Outcome::failed, "400")}));
  ASSERT_EQ(drift.changes.size(), 1U);
  EXPECT_TRUE(drift.changes[0].regression);
  EXPECT_EQ(drift.changes[0].kind, ChangeKind::verdict);
  EXPECT_EQ(drift.changes[0].before_text, "push: 201");
  EXPECT_EQ(drift.changes[0].after_text, "push: 400");
  EXPECT_EQ(drift_exit_code(drift), 4);
}

TEST(Drift, WarnedToErroredIsARegression) {
  EXPECT_TRUE(is_regression(Outcome::warned, Outcome::errored));
  EXPECT_FALSE(is_regression(Outcome::skipped, Outcome::failed));
  EXPECT_FALSE(is_regression(Outcome::failed, Outcome::errored));
  EXPECT_FALSE(is_regression(Outcome::passed, Outcome::warned));
}

TEST(Drift, FixedCaseIsAChangeWithoutRegressionExitingFive) {
  const Drift drift = compute_drift(provider("p", {pushed("a", Outcome::failed)}),
                                    provider("p", {pushed("a", Outcome::passed)}));
  ASSERT_EQ(drift.changes.size(), 1U);
  EXPECT_FALSE(drift.changes[0].regression);
  EXPECT_EQ(drift_exit_code(drift), k_exit_drift_changed);
}

TEST(Drift, BehaviourChangeWithSameVerdictIsListed) {
  const Drift drift = compute_drift(provider("p", {pushed("a", Outcome::passed, "201")}),
                                    provider("p", {pushed("a", Outcome::passed, "200")}));
  ASSERT_EQ(drift.changes.size(), 1U);
  EXPECT_EQ(drift.changes[0].kind, ChangeKind::behaviour);
  EXPECT_EQ(drift_exit_code(drift), k_exit_drift_changed);
}

TEST(Drift, LifetimeChangeIsListed) {
  const auto with = [](const std::string& lifetime) {
    return one_case("par.core",
                    "a",
                    Outcome::passed,
                    {step(StepKind::push, {{"status", "201"}, {"expires_in", lifetime}})});
  };
  const Drift drift = compute_drift(provider("p", {with("30")}), provider("p", {with("90")}));
  ASSERT_EQ(drift.changes.size(), 1U);
  EXPECT_EQ(drift.changes[0].after_text, "push: 201, expires_in 90");
}

TEST(Drift, AddedAndRemovedCasesAreListedInOrder) {
  const Drift drift = compute_drift(
      provider("p", {pushed("b", Outcome::passed), pushed("old", Outcome::passed)}),
      provider("p", {pushed("b", Outcome::passed), pushed("a_new", Outcome::failed)}));
  ASSERT_EQ(drift.changes.size(), 2U);
  EXPECT_EQ(drift.changes[0].full_id, "par.core/a_new");
  EXPECT_EQ(drift.changes[0].kind, ChangeKind::added);
  EXPECT_FALSE(drift.changes[0].before.has_value());
  EXPECT_EQ(drift.changes[1].kind, ChangeKind::removed);
  EXPECT_EQ(drift.regressions(), 0U);
  EXPECT_EQ(drift_exit_code(drift), k_exit_drift_changed);
}

TEST(Drift, SameLabelsAreDisambiguated) {
  const Drift drift = compute_drift(provider("p", {}), provider("p", {}));
  EXPECT_EQ(drift.baseline_label, "p");
  EXPECT_EQ(drift.current_label, "p (2)");
}

TEST(Drift, JsonAndTextNameTheRegression) {
  const Drift drift = compute_drift(provider("p", {pushed("a", Outcome::passed)}),
                                    provider("p", {pushed("a", Outcome::errored)}));
  const nlohmann::json doc = drift_json(drift);
  EXPECT_EQ(doc["kind"], "drift");
  EXPECT_EQ(doc["regressions"], 1);
  EXPECT_EQ(doc["exit_code"], 4);
  EXPECT_EQ(doc["changes"][0]["before"], "passed");
  EXPECT_EQ(doc["changes"][0]["after"], "errored");
  EXPECT_NE(drift_text(drift).find("REGRESSION par.core/a (verdict): passed -> errored"),
            std::string::npos);
}

TEST(Drift, TextHasNoTerminalEscapesFromTheServer) {
  const Drift drift = compute_drift(
      provider("p", {pushed("a", Outcome::passed, "201")}),
      provider("p",
               {one_case("par.core",
                         "a",
                         Outcome::passed,
                         {step(StepKind::push, {{"status", "201"}, {"error", "x\x1b[31mred"}})})}));
  EXPECT_EQ(drift_text(drift).find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace parity::compare
