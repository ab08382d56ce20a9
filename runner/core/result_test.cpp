#include "core/result.hpp"

#include <gtest/gtest.h>

namespace parity {
namespace {

CaseResult with(Outcome outcome) {
  CaseResult one;
  one.outcome = outcome;
  return one;
}

TEST(ResultTest, ErrorsTakePrecedenceOverFailures) {
  RunResult run;
  run.cases = {with(Outcome::failed), with(Outcome::errored), with(Outcome::passed)};
  EXPECT_EQ(exit_code_for(run), ExitCode::errored);
}

TEST(ResultTest, WarningsAndSkipsStillExitZero) {
  RunResult run;
  run.cases = {with(Outcome::warned), with(Outcome::skipped), with(Outcome::passed)};
  EXPECT_EQ(exit_code_for(run), ExitCode::ok);
  const Totals counts = totals(run);
  EXPECT_EQ(counts.warned, 1);
  EXPECT_EQ(counts.skipped, 1);
  EXPECT_EQ(counts.total(), 3);
}

TEST(ResultTest, FailuresExitFour) {
  RunResult run;
  run.cases = {with(Outcome::failed)};
  EXPECT_EQ(static_cast<int>(exit_code_for(run)), 4);
}

SkipPolicy allow_empty() {
  SkipPolicy policy;
  policy.allow_empty = true;
  return policy;
}

SkipPolicy at_most(int cases) {
  SkipPolicy policy;
  policy.max_skipped_cases = cases;
  return policy;
}

SkipPolicy at_most_percent(double percent) {
  SkipPolicy policy;
  policy.max_skipped_percent = percent;
  return policy;
}

TEST(ResultTest, NoCaseRanExitsSix) {
  RunResult all_skipped;
  all_skipped.cases = {with(Outcome::skipped), with(Outcome::skipped)};
  EXPECT_EQ(static_cast<int>(exit_code_for(all_skipped)), 6);
  EXPECT_EQ(skip_verdict(totals(all_skipped), {}), "no case ran: 2 of 2 cases were skipped");
  const RunResult nothing_selected;
  EXPECT_EQ(exit_code_for(nothing_selected), ExitCode::no_case_ran);
  EXPECT_NE(skip_verdict(totals(nothing_selected), {}).find("no case matched the selection"),
            std::string::npos);
}

TEST(ResultTest, AllowEmptyAcceptsARunWhereNothingRan) {
  RunResult all_skipped;
  all_skipped.cases = {with(Outcome::skipped)};
  EXPECT_EQ(exit_code_for(all_skipped, allow_empty()), ExitCode::ok);
  EXPECT_EQ(exit_code_for(RunResult{}, allow_empty()), ExitCode::ok);
}

TEST(ResultTest, MaxSkippedIsACountOrAShare) {
  RunResult run;
  run.cases = {
      with(Outcome::passed), with(Outcome::skipped), with(Outcome::skipped), with(Outcome::passed)};
  EXPECT_EQ(exit_code_for(run, at_most(2)), ExitCode::ok);
  EXPECT_EQ(exit_code_for(run, at_most(1)), ExitCode::no_case_ran);
  EXPECT_EQ(skip_verdict(totals(run), at_most(1)),
            "2 of 4 cases were skipped, more than --max-skipped 1");
  EXPECT_EQ(exit_code_for(run, at_most_percent(50)), ExitCode::ok);
  EXPECT_EQ(skip_verdict(totals(run), at_most_percent(25)),
            "2 of 4 cases were skipped, more than --max-skipped 25%");
  // Failures and errors still come first.
  run.cases.push_back(with(Outcome::failed));
  EXPECT_EQ(exit_code_for(run, at_most(0)), ExitCode::failed);
}

TEST(ErrorsTest, LoadErrorFormatsLocation) {
  const LoadError error({"suites/a.yaml", 3, 7}, "unknown key 'expct'");
  EXPECT_STREQ(error.what(), "suites/a.yaml:3:7: unknown key 'expct'");
}

}  // namespace
}  // namespace parity
