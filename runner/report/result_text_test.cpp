#include "report/result_text.hpp"

#include "report/test_results.hpp"

#include <gtest/gtest.h>

namespace parity::report {
namespace {

TEST(ResultTextTest, SingleLineEscapesControlsAndCuts) {
  EXPECT_EQ(single_line("a\nb\tc\rd", 100), "a\\nb\\tc\\rd");
  EXPECT_EQ(single_line("\x1b[31mred", 100), "\\x1b[31mred");
  EXPECT_EQ(single_line("\xc2\x9b", 100), "\\u009B");  // C1 CSI
  EXPECT_EQ(single_line("bad\xff", 100), "bad\\xff");
  EXPECT_EQ(single_line("a\xe2\x80\xae"
                        "b",
                        100),
            "a\\u202Eb");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(single_line("abcdef", 3), "abc…");
  EXPECT_EQ(single_line("\xe2\x82\xac\xe2\x82\xac", 1), "\xe2\x82\xac…");
  EXPECT_EQ(single_line("abc", 3), "abc");
}

TEST(ResultTextTest, VisibleTextKeepsLinesButNotEscapes) {
  EXPECT_EQ(visible_text("line 1\r\nline\t2\n\x1b]0;title\x07"),
            "line 1\nline\t2\n\\x1b]0;title\\x07");
}

TEST(ResultTextTest, CheckTextNamesLocationAndValues) {
  const Check check{"status equals 400", false, "400", "201", {"suites/a.yaml", 18, 11}};
  EXPECT_EQ(check_heading(check), "suites/a.yaml:18:11: status equals 400");
  EXPECT_EQ(check_summary(check), "status equals 400; expected 400, actual 201");
  const Check nowhere{"x", false, "", "", {}};
  EXPECT_EQ(check_heading(nowhere), "x");
  EXPECT_EQ(check_summary(nowhere), "x; expected (empty), actual (empty)");
}

TEST(ResultTextTest, ErrorsComeFromCaseStepsAndTransport) {
  const RunResult run = test_support::sample_run();
  const CaseResult& errored = run.cases[2];
  ASSERT_EQ(errored.outcome, Outcome::errored);
  EXPECT_EQ(first_error(errored), "no response from https://as.example/par");
  EXPECT_EQ(all_errors(errored),
            "step push: no response from https://as.example/par\n"
            "step push: transport error: Timeout was reached\n");
  EXPECT_EQ(first_error(run.cases[0]), "");
}

TEST(ResultTextTest, OneCauseIsShownOnce) {
  CaseResult errored;
  errored.error = "step 'push': Couldn't connect to server";
  StepResult step;
  step.name = "push";
  step.error = "Couldn't connect to server";
  http::Exchange exchange;
  exchange.transport_error = "Couldn't connect to server";
  step.exchanges.push_back(exchange);
  errored.steps.push_back(step);
  EXPECT_EQ(all_errors(errored), "step 'push': Couldn't connect to server\n");
}

TEST(ResultTextTest, ExchangeDumpShowsRequestResponseAndTruncatesBody) {
  const RunResult run = test_support::sample_run();
  const std::string text = format_exchanges(run.cases[3]);
  EXPECT_EQ(text.rfind("--- step push with request_uri (42 ms)\n> POST https://as.example/par\n"
                       "> Content-Type: application/x-www-form-urlencoded\n"
                       "> Authorization: [redacted]\n"
                       "response_type=code&client_id=client-1&state=xyz\n< 201\n",
                       0),
            0U);
  EXPECT_NE(text.find("< X-Evil: "), std::string::npos);
  EXPECT_EQ(text.find("TAIL"), std::string::npos);
  EXPECT_NE(text.find("[… body truncated: "), std::string::npos);
  EXPECT_LE(text.size(), k_max_report_body + 1024);
}

TEST(ResultTextTest, ExchangeDumpShowsTransportError) {
  const RunResult run = test_support::sample_run();
  const std::string text = format_exchanges(run.cases[2]);
  EXPECT_NE(text.find("! transport error: Timeout was reached\n"), std::string::npos);
  EXPECT_EQ(text.find("< "), std::string::npos);  // no response at all
}

TEST(ResultTextTest, RequirementsLine) {
  const RunResult run = test_support::sample_run();
  EXPECT_EQ(requirements_line(run.cases[0]), "requirements: RFC9126-2.2-a, RFC9126-2.2-b");
  EXPECT_EQ(requirements_line(run.cases[4]), "");
}

}  // namespace
}  // namespace parity::report
