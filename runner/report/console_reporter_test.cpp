#include "report/console_reporter.hpp"

#include "report/test_results.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::report {
namespace {

using test_support::sample_run;

std::string console(const RunResult& run, bool color, bool verbose) {
  std::ostringstream out;
  ConsoleReporter reporter(out, color, verbose);
  RunListener& listener = reporter;
  listener.on_run_started(run.profile_id, run.issuer, run.cases.size(), run.tls_verified);
  if (run.transport == Transport::plain_http) {
    listener.on_plain_http_rig();
  }
  listener.on_plan_skips({{"profile lacks capability 'jar'", 1}});
  for (const CaseResult& one : run.cases) {
    listener.on_case_finished(one);
  }
  listener.on_run_finished(run);
  return out.str();
}

/// The text after the last plain progress line: the grouped listing, recap and summary.
std::string final_part(const std::string& text) {
  return text.substr(text.find("\n\npar.basic — "));
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// profiles/README.md, "Plain-HTTP test rigs": said at the start and after the recap.
TEST(ConsoleReporterTest, PlainHttpRigIsSaidAtTheStartAndAtTheEnd) {
  const std::string warning =
      "WARNING: plain HTTP — the profile declares a plain-HTTP test rig (transport: plain_http); "
      "the cases that require https (RFC 9126 §2) are skipped";
  EXPECT_EQ(console(sample_run(), false, false).find("plain HTTP"), std::string::npos);
  RunResult run = sample_run();
  run.transport = Transport::plain_http;
  const std::string text = console(run, false, false);
  const std::size_t first = text.find(warning);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(
      text.rfind("parity: profile reference — issuer https://as.example — 5 cases\n" + warning, 0),
      0U);
  EXPECT_TRUE(has_line(final_part(text), warning));
}

TEST(ConsoleReporterTest, PrintsOneLinePerCase) {
  const std::string text = console(sample_run(), false, false);
  EXPECT_EQ(text.rfind("parity: profile reference — issuer https://as.example — 5 cases\n", 0), 0U);
  EXPECT_TRUE(has_line(text, "[ PASS ] par.basic/push_returns_request_uri (123 ms)"));
  EXPECT_TRUE(has_line(text, "[ WARN ] par.basic/cache_control_no_store (123 ms)"));
  EXPECT_TRUE(has_line(text, "[ERROR ] par.errors/timeout_is_reported (123 ms)"));
  EXPECT_TRUE(has_line(text, "[ FAIL ] par.basic/rejects_request_uri (123 ms)"));
  EXPECT_TRUE(
      has_line(text, "[ SKIP ] par.jar/signed_request_object: profile lacks capability 'jar'"));
  EXPECT_EQ(text.find("TLS verification OFF"), std::string::npos);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
}

TEST(ConsoleReporterTest, ShowsFailingChecksAndErrors) {
  const std::string text = console(sample_run(), false, false);
  EXPECT_NE(text.find("[ FAIL ] par.basic/rejects_request_uri (123 ms)\n"
                      "    suites/par/basic.yaml:18:11: status equals 400\n"
                      "      expected: 400\n"
                      "      actual:   201\n"
                      "    suites/par/basic.yaml:19:11: json:/error equals invalid_request\n"
                      "      expected: invalid_request\n"
                      "      actual:   bad\\xff\\xfe utf8 "),
            std::string::npos);
  EXPECT_NE(text.find("    suites/par/basic.yaml:30:11: header:Cache-Control contains no-store\n"
                      "      expected: no-store\n"
                      "      actual:   (empty)\n"),
            std::string::npos);
  EXPECT_NE(text.find("[ERROR ] par.errors/timeout_is_reported (123 ms)\n"
                      "    step push: no response from https://as.example/par\n"
                      "    step push: transport error: Timeout was reached\n"),
            std::string::npos);
  // The hostile ESC sequence is shown, not sent to the terminal.
  EXPECT_NE(text.find("ctl\\x01\\x1b[31m"), std::string::npos);
  EXPECT_EQ(text.find("> POST"), std::string::npos);  // exchanges only when verbose
}

TEST(ConsoleReporterTest, ActualIsCutToOneShortLine) {
  RunResult run = sample_run();
  run.cases[3].steps[0].checks[0].actual = std::string(1000, 'a') + "\nsecond line";
  const std::string text = console(run, false, false);
  EXPECT_TRUE(has_line(text, "      actual:   " + std::string(300, 'a') + "…"));
  EXPECT_EQ(text.find("second line"), std::string::npos);
}

TEST(ConsoleReporterTest, OneSummaryLineWithAllFiveCountsComesLast) {
  const std::string text = console(sample_run(), false, false);
  const std::string summary =
      "parity: profile reference — 5 cases: 1 passed, 1 warned, 1 failed, 1 errored, "
      "1 skipped (2.3 s)\n";
  EXPECT_EQ(text.substr(text.size() - summary.size()), summary);
  // No second, contradicting summary (warnings counted as passes, errors as failures).
  EXPECT_EQ(text.find("2 passed"), std::string::npos);
  EXPECT_EQ(text.find("2 failed"), std::string::npos);
  EXPECT_EQ(text.find("parity: profile reference — 5 cases:"),
            text.rfind("parity: profile reference — 5 cases:"));
}

TEST(ConsoleReporterTest, SaysBeforeRunningWhatMakesCasesSkip) {
  std::ostringstream out;
  ConsoleReporter reporter(out, false, false);
  RunListener& listener = reporter;
  listener.on_run_started("tenant", "https://as.example", 136, true);
  listener.on_plan_skips({{"client 'default': environment variable AUTH0_SECRET is not set", 120},
                          {"profile lacks capability 'jar'", 1}});
  EXPECT_EQ(out.str(),
            "parity: profile tenant — issuer https://as.example — 136 cases\n"
            "parity: 121 of 136 cases will be skipped, by cause:\n"
            " 120 cases: client 'default': environment variable AUTH0_SECRET is not set\n"
            "   1 case:  profile lacks capability 'jar'\n");
}

TEST(ConsoleReporterTest, PlainProgressLineForEachCaseAndLongWaits) {
  std::ostringstream out;
  ConsoleReporter reporter(out, false, false);
  RunListener& listener = reporter;
  const RunResult run = sample_run();
  listener.on_run_started(run.profile_id, run.issuer, run.cases.size(), true);
  listener.on_case_started(run.cases[0].full_id());
  listener.on_wait(run.cases[0].full_id(), "request_uri expiry", std::chrono::seconds(62));
  listener.on_wait(run.cases[0].full_id(), "", std::chrono::milliseconds(500));  // too short
  listener.on_case_finished(run.cases[0]);
  listener.on_case_finished(run.cases[4]);
  EXPECT_TRUE(has_line(out.str(),
                       "        par.basic/push_returns_request_uri: waiting 62 s for "
                       "request_uri expiry"));
  EXPECT_TRUE(has_line(out.str(), "1/5  [ PASS ] par.basic/push_returns_request_uri (123 ms)"));
  EXPECT_TRUE(has_line(
      out.str(), "2/5  [ SKIP ] par.jar/signed_request_object: profile lacks capability 'jar'"));
  EXPECT_EQ(out.str().find("waiting 1 s"), std::string::npos);
}

TEST(ConsoleReporterTest, CaseLinesComeBackGroupedBySuiteInPlanOrder) {
  std::ostringstream out;
  ConsoleReporter reporter(out, false, false);
  RunListener& listener = reporter;
  const RunResult run = sample_run();
  listener.on_run_started(run.profile_id, run.issuer, run.cases.size(), true);
  for (auto one = run.cases.rbegin(); one != run.cases.rend(); ++one) {  // finished backwards
    listener.on_case_finished(*one);
  }
  listener.on_run_finished(run);
  const std::string text = final_part(out.str());
  const std::vector<std::string> in_order{
      "par.basic — 3 cases: 1 passed, 1 warned, 1 failed",
      "[ PASS ] par.basic/push_returns_request_uri (123 ms)",
      "[ WARN ] par.basic/cache_control_no_store (123 ms)",
      "[ FAIL ] par.basic/rejects_request_uri (123 ms)",
      "par.errors — 1 case: 1 errored",
      "[ERROR ] par.errors/timeout_is_reported (123 ms)",
      "par.jar — 1 case: 1 skipped",
      "[ SKIP ] par.jar/signed_request_object: profile lacks capability 'jar'"};
  std::size_t at = 0;
  for (const std::string& line : in_order) {
    const std::size_t found = text.find("\n" + line + "\n", at);
    ASSERT_NE(found, std::string::npos) << line << "\nin:\n" << text;
    at = found + 1;
  }
}

TEST(ConsoleReporterTest, RecapsFailuresWarningsAndErrorsByCause) {
  RunResult run = sample_run();
  CaseResult again = run.cases[3];
  again.id = "rejects_request_uri_again";
  run.cases.push_back(again);
  const std::string text = console(run, false, false);
  const std::size_t recap =
      text.find("\nFailures, warnings and errors by cause: 3 causes, 4 cases\n");
  ASSERT_NE(recap, std::string::npos) << text;
  // Largest first, each with its cases and the requirements they cite.
  EXPECT_NE(
      text.find("[ FAIL ] 2 cases: push: status was 201\n"
                "         par.basic/rejects_request_uri, par.basic/rejects_request_uri_again\n"
                "         requirements: RFC9126-2.1-c\n",
                recap),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("[ERROR ] 1 case: no response from https://as.example/par\n", recap),
            std::string::npos);
  EXPECT_NE(text.find("[ WARN ] 1 case: push: header:Cache-Control was empty\n", recap),
            std::string::npos);
  EXPECT_LT(recap, text.find("parity: profile reference — 6 cases:"));
}

TEST(ConsoleReporterTest, SetupFailureSaysWhyAndCountsEveryCaseErrored) {
  RunResult run;
  run.profile_id = "tenant";
  run.issuer = "https://as.example";
  run.setup_error = "cannot fetch metadata: Couldn't connect to server";
  run.cases.resize(3);
  for (CaseResult& one : run.cases) {
    one.outcome = Outcome::errored;
  }
  std::ostringstream out;
  ConsoleReporter(out, false, false).on_setup_failed(run);
  EXPECT_NE(out.str().find("[ERROR ] setup failed: cannot fetch metadata: Couldn't connect to "
                           "server\n"),
            std::string::npos);
  EXPECT_NE(out.str().find("parity: profile tenant — 3 cases: 0 passed, 0 warned, 0 failed, 3 "
                           "errored, 0 skipped"),
            std::string::npos);
}

TEST(ConsoleReporterTest, LiveModeDrawsOneStatusLineAndErasesIt) {
  std::ostringstream out;
  {
    ConsoleReporter reporter(out, ConsoleOptions{false, false, true, 100});
    RunListener& listener = reporter;
    const RunResult run = sample_run();
    listener.on_run_started(run.profile_id, run.issuer, run.cases.size(), true);
    listener.on_plan_skips({});
    listener.on_case_started(run.cases[0].full_id());
    listener.on_case_finished(run.cases[0]);
    listener.on_run_finished(run);
  }
  const std::string text = out.str();
  EXPECT_NE(text.find("\r\033[K[1/5]"), std::string::npos) << text;
  EXPECT_NE(text.find("running par.basic/push_returns_request_uri"), std::string::npos);
  // No plain progress lines; the grouped listing follows the erased status line.
  EXPECT_EQ(text.find("1/5  [ PASS ]"), std::string::npos);
  EXPECT_NE(text.find("\r\033[K\npar.basic — 3 cases"), std::string::npos);
}

TEST(ConsoleReporterTest, VerboseShowsExchangesOfNonPassingCases) {
  const std::string text = console(sample_run(), false, true);
  EXPECT_TRUE(has_line(text, "      > POST https://as.example/par"));
  EXPECT_TRUE(has_line(text, "      ! transport error: Timeout was reached"));
  EXPECT_TRUE(has_line(text, "      > Authorization: [redacted]"));
  // The passing case's 201 response with request_uri is not dumped.
  EXPECT_EQ(text.find("urn:x"), std::string::npos);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
}

TEST(ConsoleReporterTest, ColorWrapsTagsOnly) {
  const std::string text = console(sample_run(), true, false);
  EXPECT_NE(text.find("\033[32m[ PASS ]\033[0m par.basic/push_returns_request_uri"),
            std::string::npos);
  EXPECT_NE(text.find("\033[31m[ FAIL ]\033[0m"), std::string::npos);
  EXPECT_NE(text.find("\n\npar.basic — 3 cases: 1 passed, 1 warned, 1 failed\n"),
            std::string::npos);
}

}  // namespace
}  // namespace parity::report
