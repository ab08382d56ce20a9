#include "compare/matrix.hpp"

#include "compare/test_runs.hpp"
#include "report/json_report.hpp"

#include <gtest/gtest.h>

namespace parity::compare {
namespace {

using test_support::one_case;
using test_support::provider;
using test_support::step;

CaseResult pushed(const std::string& id, Outcome outcome, const std::string& expires_in) {
  return one_case("par.core",
                  id,
                  outcome,
                  {step(StepKind::push, {{"status", "201"}, {"expires_in", expires_in}})});
}

TEST(Matrix, RowsAreTheUnionSortedBySuiteThenId) {
  const Comparison c = build_comparison(
      {provider("a",
                {pushed("zeta", Outcome::passed, "60"), one_case("b.s", "x", Outcome::passed)}),
       provider("b",
                {pushed("alpha", Outcome::passed, "60"), pushed("zeta", Outcome::passed, "60")})});
  ASSERT_EQ(c.rows.size(), 3U);
  EXPECT_EQ(c.rows[0].full_id(), "b.s/x");
  EXPECT_EQ(c.rows[1].full_id(), "par.core/alpha");
  EXPECT_EQ(c.rows[2].full_id(), "par.core/zeta");
  EXPECT_FALSE(c.rows[1].cells[0].present);
  EXPECT_TRUE(c.rows[1].cells[1].present);
  EXPECT_EQ(c.suites(), (std::vector<std::string>{"b.s", "par.core"}));
}

TEST(Matrix, OrderOfCasesInTheInputDoesNotMatter) {
  const auto one = build_comparison(
      {provider("a", {pushed("x", Outcome::passed, "60"), pushed("y", Outcome::failed, "60")})});
  const auto two = build_comparison(
      {provider("a", {pushed("y", Outcome::failed, "60"), pushed("x", Outcome::passed, "60")})});
  ASSERT_EQ(one.rows.size(), two.rows.size());
  for (std::size_t i = 0; i < one.rows.size(); ++i) {
    EXPECT_EQ(one.rows[i].full_id(), two.rows[i].full_id());
  }
}

TEST(Matrix, DifferentVerdictsAreAVerdictDifference) {
  const Comparison c = build_comparison({provider("a", {pushed("x", Outcome::passed, "60")}),
                                         provider("b", {pushed("x", Outcome::failed, "60")})});
  EXPECT_EQ(c.rows[0].difference, Difference::verdict);
  EXPECT_EQ(c.differing(), 1U);
}

TEST(Matrix, DifferentLifetimeIsReportedPerProviderNotPerRow) {
  const std::vector<ProviderRun> runs{
      provider("a", {pushed("x", Outcome::passed, "60"), pushed("y", Outcome::passed, "10")}),
      provider("b", {pushed("x", Outcome::passed, "90")})};
  const Comparison across = build_comparison(runs);
  EXPECT_EQ(across.rows[0].difference, Difference::none);
  EXPECT_EQ(across.providers[0].lifetimes, (std::vector<std::string>{"10", "60"}));
  EXPECT_EQ(across.providers[1].lifetimes, (std::vector<std::string>{"90"}));
  const Comparison drift = build_comparison(runs, CompareOptions{true});
  EXPECT_EQ(drift.rows[0].difference, Difference::behaviour);
}

TEST(Matrix, SameVerdictDifferentStatusIsABehaviourDifference) {
  const auto with = [](const std::string& status) {
    return one_case("par.core", "x", Outcome::passed, {step(StepKind::push, {{"status", status}})});
  };
  const Comparison c =
      build_comparison({provider("a", {with("200")}), provider("b", {with("201")})});
  EXPECT_EQ(c.rows[0].difference, Difference::behaviour);
}

TEST(Matrix, IdenticalBehaviourDoesNotDiffer) {
  const Comparison c = build_comparison({provider("a", {pushed("x", Outcome::passed, "60")}),
                                         provider("b", {pushed("x", Outcome::passed, "60")})});
  EXPECT_EQ(c.rows[0].difference, Difference::none);
  EXPECT_EQ(c.differing(), 0U);
}

TEST(Matrix, AbsentCaseIsAVerdictDifference) {
  const Comparison c =
      build_comparison({provider("a", {pushed("x", Outcome::passed, "60")}), provider("b", {})});
  EXPECT_EQ(c.rows[0].difference, Difference::verdict);
  EXPECT_EQ(verdict_label(c.rows[0].cells[1]), "ABSENT");
}

TEST(Matrix, SkippedCellsDoNotCompareBehaviour) {
  CaseResult skipped = one_case("par.core", "x", Outcome::skipped);
  skipped.skip_reason = "profile lacks capability jar";
  const Comparison c = build_comparison({provider("a", {skipped}), provider("b", {skipped})});
  EXPECT_EQ(c.rows[0].difference, Difference::none);
  EXPECT_EQ(c.rows[0].cells[0].note, "profile lacks capability jar");
}

TEST(Matrix, RanHereSkippedThereIsItsOwnClassNotADifference) {
  CaseResult skipped = one_case("par.core", "x", Outcome::skipped);
  skipped.skip_reason = "environment variable SECRET is not set";
  const Comparison c = build_comparison({provider("a", {pushed("x", Outcome::passed, "60")}),
                                         provider("b", {skipped}),
                                         provider("c", {pushed("x", Outcome::passed, "60")})});
  EXPECT_EQ(c.rows[0].difference, Difference::ran_vs_skipped);
  EXPECT_EQ(c.differing(), 0U);
  EXPECT_EQ(c.ran_vs_skipped(), 1U);
  EXPECT_FALSE(is_real(Difference::ran_vs_skipped));
  EXPECT_EQ(to_string(Difference::ran_vs_skipped), "ran_vs_skipped");
}

TEST(Matrix, ASkipDoesNotHideARealDifferenceAmongTheRuns) {
  CaseResult skipped = one_case("par.core", "x", Outcome::skipped);
  const auto with_status = [](const std::string& status) {
    return one_case("par.core", "x", Outcome::passed, {step(StepKind::push, {{"status", status}})});
  };
  // Verdicts differ where the case ran: a real difference, whatever the skip.
  EXPECT_EQ(build_comparison({provider("a", {pushed("x", Outcome::passed, "60")}),
                              provider("b", {skipped}),
                              provider("c", {pushed("x", Outcome::failed, "60")})})
                .rows[0]
                .difference,
            Difference::verdict);
  // Same verdict where it ran, different behaviour: a real difference too.
  EXPECT_EQ(build_comparison({provider("a", {with_status("200")}),
                              provider("b", {skipped}),
                              provider("c", {with_status("201")})})
                .rows[0]
                .difference,
            Difference::verdict);
  // Absent is not skipped: the runs used different suites.
  EXPECT_EQ(build_comparison({provider("a", {skipped}), provider("b", {})}).rows[0].difference,
            Difference::verdict);
}

TEST(Matrix, DifferentAlternativeIsABehaviourDifference) {
  const auto with = [](const std::string& alternative) {
    return one_case("par.core",
                    "x",
                    Outcome::passed,
                    {step(StepKind::push, {{"status", "400"}, {"alternative", alternative}})});
  };
  const Comparison c = build_comparison(
      {provider("a", {with("rejected at push")}), provider("b", {with("rejected at authorize")})});
  EXPECT_EQ(c.rows[0].difference, Difference::behaviour);
}

TEST(Matrix, ErroredCellTakesTheStepErrorAsNote) {
  CaseResult errored = one_case("s", "x", Outcome::errored, {step(StepKind::push, {})});
  errored.steps[0].error = "connection refused";
  const Comparison c = build_comparison({provider("a", {errored})});
  EXPECT_EQ(c.rows[0].cells[0].note, "connection refused");
}

TEST(Matrix, ColumnsCarryTotalsAndEmulationFromTheReport) {
  RunResult result;
  result.profile_id = "auth0";
  result.cases = {pushed("x", Outcome::passed, "90"), pushed("y", Outcome::failed, "90")};
  nlohmann::json doc = report::to_json(result);
  doc["profile"]["emulation"] = "built from documentation";
  const Comparison c = build_comparison({provider_run_from_json(doc, "a.json")});
  ASSERT_EQ(c.providers.size(), 1U);
  EXPECT_EQ(c.providers[0].label, "auth0");
  EXPECT_EQ(c.providers[0].emulation, "built from documentation");
  EXPECT_EQ(c.providers[0].totals.passed, 1);
  EXPECT_EQ(c.providers[0].totals.failed, 1);
  EXPECT_EQ(c.providers[0].source, "a.json");
}

TEST(Matrix, RepeatedLabelsAreMadeUnique) {
  std::vector<ProviderRun> runs{provider("a", {}), provider("a", {}), provider("a (2)", {})};
  unique_labels(runs);
  EXPECT_EQ(runs[0].label, "a");
  EXPECT_EQ(runs[1].label, "a (2)");
  EXPECT_EQ(runs[2].label, "a (2) (2)");
}

}  // namespace
}  // namespace parity::compare
