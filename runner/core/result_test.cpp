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

TEST(ErrorsTest, LoadErrorFormatsLocation) {
  const LoadError error({"suites/a.yaml", 3, 7}, "unknown key 'expct'");
  EXPECT_STREQ(error.what(), "suites/a.yaml:3:7: unknown key 'expct'");
}

}  // namespace
}  // namespace parity
