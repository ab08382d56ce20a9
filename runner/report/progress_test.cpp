#include "report/progress.hpp"

#include "report/runs_progress.hpp"
#include "report/terminal.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::report {
namespace {

using Clock = ProgressBoard::Clock;
using std::chrono::seconds;

TEST(ProgressBoardTest, ShowsDoneOfTotalAndTheRunningCases) {
  ProgressBoard board;
  board.add_cases(136);
  board.case_started("par.core/a");
  board.case_started("par.pkce/b");
  board.case_started("par.core/c");
  board.case_finished("par.core/c");
  EXPECT_EQ(board.line(Clock::now(), 200), "[  1/136] · running par.core/a, par.pkce/b");
}

TEST(ProgressBoardTest, GroupsLongWaitsByNameWithTheLongestRemaining) {
  ProgressBoard board;
  board.add_cases(10);
  const Clock::time_point now = Clock::now();
  board.case_started("par.request_uri/expired");
  board.case_started("par.request_uri/expired_again");
  board.wait_started("par.request_uri/expired", "request_uri expiry", seconds(62), now);
  board.wait_started("par.request_uri/expired_again", "request_uri expiry", seconds(40), now);
  EXPECT_EQ(board.line(now + seconds(4), 200),
            "[ 0/10] · waiting 58 s for request_uri expiry, 2 cases · running "
            "par.request_uri/expired, par.request_uri/expired_again");
  // An unnamed wait names its case; a short one is not worth a mention; a wait that is over
  // is no longer shown.
  board.case_started("s/c");
  board.wait_started("s/c", "", seconds(10), now);
  board.case_started("s/d");
  board.wait_started("s/d", "", std::chrono::milliseconds(500), now);
  EXPECT_NE(board.line(now, 300).find("waiting 10 s in s/c"), std::string::npos);
  EXPECT_EQ(board.line(now + seconds(63), 300).find("waiting"), std::string::npos);
}

TEST(ProgressBoardTest, FitsTheTerminalWidth) {
  ProgressBoard board;
  board.add_cases(500);
  for (int i = 0; i < 50; ++i) {
    board.case_started("par.suite/a_rather_long_case_name_" + std::to_string(i));
  }
  const std::string line = board.line(Clock::now(), 80);
  EXPECT_LE(line.size(), 80U);
  EXPECT_NE(line.find("(+"), std::string::npos);  // the others are counted, not listed
}

TEST(ProgressBoardTest, CountsRunsForSeveralRuns) {
  ProgressBoard board("selftest");
  board.add_runs(3);
  ProgressListener first(board, "fault x: ");
  RunListener& listener = first;
  listener.on_run_started("reference", "https://as", 2, true);
  listener.on_case_started("s/a");
  EXPECT_EQ(board.line(Clock::now(), 200), "selftest [runs 0/3, cases 0/2] · running fault x: s/a");
  RunResult done;
  listener.on_run_finished(done);
  EXPECT_EQ(board.line(Clock::now(), 200).rfind("selftest [runs 1/3, cases 0/2]", 0), 0U);
}

TEST(RunsProgressTest, PlainLinePerFinishedRunWithoutATerminal) {
  std::ostringstream out;
  {
    RunsProgress progress(out, "selftest", TerminalStyle{false, false, 80});
    progress.plan_runs(2);
    const std::unique_ptr<RunListener> listener =
        progress.listener_for("fault accept_wrong_secret");
    listener->on_run_started("reference", "https://as", 1, true);
    CaseResult failed;
    failed.suite = "par.core";
    failed.id = "push_wrong_secret_basic";
    failed.outcome = Outcome::failed;
    listener->on_case_started(failed.full_id());
    listener->on_case_finished(failed);
    RunResult run;
    run.cases = {failed};
    listener->on_run_finished(run);
  }
  EXPECT_EQ(out.str(),
            "selftest: [1/2] fault accept_wrong_secret done: 1 cases, 0 passed, 0 warned, 1 "
            "failed, 0 errored, 0 skipped\n");
}

TEST(RunsProgressTest, LiveLineOnATerminal) {
  std::ostringstream out;
  {
    RunsProgress progress(out, "compare", TerminalStyle{false, true, 120});
    progress.plan_runs(3);
    const std::unique_ptr<RunListener> listener = progress.listener_for("auth0");
    listener->on_run_started("auth0", "https://as", 10, true);
    listener->on_case_started("par.core/a");
    listener->on_wait("par.core/a", "request_uri expiry", seconds(30));
    RunResult run;
    listener->on_run_finished(run);
    progress.stop();
  }
  EXPECT_NE(out.str().find("\r\033[Kcompare [runs 1/3, cases  0/10] · waiting 30 s for "
                           "request_uri expiry, 1 case · running auth0: par.core/a"),
            std::string::npos)
      << out.str();
}

TEST(TerminalStyleTest, NoColorFollowsNoColorOrgAndTermDumb) {
  TerminalEnvironment tty{true, nullptr, "xterm-256color", 120};
  EXPECT_TRUE(terminal_style(tty, false).color);
  EXPECT_TRUE(terminal_style(tty, false).live);
  EXPECT_EQ(terminal_style(tty, false).width, 120U);
  EXPECT_FALSE(terminal_style(tty, true).color);  // --no-color

  TerminalEnvironment no_color = tty;
  no_color.no_color = "1";
  EXPECT_FALSE(terminal_style(no_color, false).color);
  EXPECT_TRUE(terminal_style(no_color, false).live);  // colour only
  no_color.no_color = "";                             // present but empty: no effect (no-color.org)
  EXPECT_TRUE(terminal_style(no_color, false).color);

  TerminalEnvironment dumb = tty;
  dumb.term = "dumb";
  EXPECT_FALSE(terminal_style(dumb, false).color);
  EXPECT_FALSE(terminal_style(dumb, false).live);

  TerminalEnvironment pipe{false, nullptr, "xterm", 0};
  EXPECT_FALSE(terminal_style(pipe, false).color);
  EXPECT_FALSE(terminal_style(pipe, false).live);
  EXPECT_EQ(terminal_style(pipe, false).width, 80U);
}

}  // namespace
}  // namespace parity::report
