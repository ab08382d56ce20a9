#include "report/console_reporter.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::report {
namespace {

using testing::sample_run;

std::string console(const RunResult& run, bool color, bool verbose) {
  std::ostringstream out;
  ConsoleReporter reporter(out, color, verbose);
  RunListener& listener = reporter;
  listener.on_run_started(run.profile_id, run.issuer, run.cases.size(), run.tls_verified);
  for (const CaseResult& one : run.cases) {
    listener.on_case_finished(one);
  }
  listener.on_run_finished(run);
  return out.str();
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
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
                      "      actual:   bad\xef\xbf\xbd\xef\xbf\xbd utf8 "),
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

TEST(ConsoleReporterTest, SummaryLinesHaveFixedShape) {
  const std::string text = console(sample_run(), false, false);
  EXPECT_NE(text.find("parity: profile reference — 5 cases: 1 passed, 1 warned, 1 failed, "
                      "1 errored, 1 skipped (2.3 s)\n"
                      "2 passed, 2 failed, 1 skipped\n"),
            std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 30), "2 passed, 2 failed, 1 skipped\n");
}

TEST(ConsoleReporterTest, WarnsWhenTlsVerificationIsOff) {
  const std::string text = console(sample_run(false), false, false);
  EXPECT_NE(text.find("\nWARNING: TLS verification OFF"), std::string::npos);
  EXPECT_LT(text.find("TLS verification OFF"), text.find("[ PASS ]"));
  EXPECT_NE(text.find("WARNING: TLS verification was OFF for this run\n"
                      "parity: profile reference — 5 cases:"),
            std::string::npos);
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
  EXPECT_NE(text.find("\n2 passed, 2 failed, 1 skipped\n"), std::string::npos);
}

}  // namespace
}  // namespace parity::report
