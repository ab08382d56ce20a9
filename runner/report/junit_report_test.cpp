#include "report/junit_report.hpp"

#include "core/build_info.hpp"
#include "report/files.hpp"
#include "report/test_results.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>

namespace parity::report {
namespace {

using test_support::read_file;
using test_support::sample_run;
using test_support::TempDir;

std::string junit(const RunResult& run) {
  std::ostringstream out;
  write_junit(run, out);
  return out.str();
}

/// Runs xmllint against the Jenkins "JUnit 10" schema; returns its exit status.
int validate(const std::filesystem::path& file) {
  const std::string command = std::string("'") + PARITY_XMLLINT + "' --noout --schema '" +
                              parity::build_info::fixture_path("junit/junit-10.xsd") + "' '" +
                              file.string() + "' 2>'" + file.string() + ".log'";
  return std::system(command.c_str());
}

int validate_text(const TempDir& dir, const std::string& name, const std::string& xml) {
  const std::filesystem::path file = dir.path() / name;
  write_text_atomic(file, xml);
  const int status = validate(file);
  if (status != 0) {
    ADD_FAILURE() << read_file(file.string() + ".log");
  }
  return status;
}

/// Returns the element that starts at the first occurrence of `start` up to `end`.
std::string slice(const std::string& xml, const std::string& start, const std::string& end) {
  const std::size_t from = xml.find(start);
  if (from == std::string::npos) {
    return "";
  }
  return xml.substr(from, xml.find(end, from) + end.size() - from);
}

TEST(JunitReportTest, ValidatorRejectsAnInvalidDocument) {
  const TempDir dir;
  const std::filesystem::path file = dir.path() / "invalid.xml";
  // `tests` is required on <testsuite>, and <testsuites> has no `skipped` attribute.
  write_text_atomic(file,
                    "<?xml version=\"1.0\"?>\n<testsuites skipped=\"1\"><testsuite name=\"x\" "
                    "failures=\"0\" errors=\"0\"/></testsuites>\n");
  EXPECT_NE(validate(file), 0);
}

TEST(JunitReportTest, SampleRunValidatesAgainstJenkinsSchema) {
  const TempDir dir;
  EXPECT_EQ(validate_text(dir, "sample.xml", junit(sample_run(false))), 0);
  EXPECT_EQ(validate_text(dir, "verified.xml", junit(sample_run(true))), 0);
}

TEST(JunitReportTest, EmptyRunValidates) {
  const TempDir dir;
  RunResult run;
  run.profile_id = "empty";
  const std::string xml = junit(run);
  EXPECT_EQ(validate_text(dir, "empty.xml", xml), 0);
  EXPECT_NE(xml.find(R"(<testsuites name="parity:empty" tests="0" failures="0" errors="0")"),
            std::string::npos);
}

TEST(JunitReportTest, CountsRunAndSuites) {
  RunResult run = sample_run();
  run.hostname = "ci-7";
  const std::string xml = junit(run);
  EXPECT_NE(xml.find(R"(<testsuites name="parity:reference" tests="5" failures="1" errors="1" )"
                     R"(time="2.345">)"),
            std::string::npos);
  EXPECT_NE(
      xml.find(R"(<testsuite name="reference.par.basic" tests="3" failures="1" errors="0" )"
               R"(skipped="0" time="0.369" timestamp="2024-05-01T12:00:00Z" hostname="ci-7">)"),
      std::string::npos);
  EXPECT_NE(xml.find(R"(<testsuite name="reference.par.errors" tests="1" failures="0" errors="1" )"
                     R"(skipped="0" time="0.123")"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(<testsuite name="reference.par.jar" tests="1" failures="0" errors="0" )"
                     R"(skipped="1")"),
            std::string::npos);
  // One <testsuite> per suite, in first-appearance order, although par.basic cases interleave.
  const std::string basic = "<testsuite name=\"reference.par.basic\"";
  EXPECT_LT(xml.find(basic), xml.find("<testsuite name=\"reference.par.errors\""));
  EXPECT_LT(xml.find("<testsuite name=\"reference.par.errors\""),
            xml.find("<testsuite name=\"reference.par.jar\""));
  EXPECT_EQ(xml.find(basic, xml.find(basic) + 1), std::string::npos);
}

TEST(JunitReportTest, SuiteNamesOfTwoProfilesDiffer) {
  RunResult other = sample_run();
  other.profile_id = "auth0";
  const std::string xml = junit(other);
  EXPECT_NE(xml.find(R"(<testsuite name="auth0.par.basic")"), std::string::npos);
  EXPECT_EQ(xml.find(R"(<testsuite name="reference.)"), std::string::npos);
}

TEST(JunitReportTest, SetupFailureWithoutCasesIsOneErroredTestcase) {
  const TempDir dir;
  RunResult run;
  run.profile_id = "tenant";
  run.started_at = "2024-05-01T12:00:00Z";
  run.setup_error = "cannot fetch metadata https://as.example/.well-known/x: Couldn't connect";
  const std::string xml = junit(run);
  EXPECT_EQ(validate_text(dir, "setup.xml", xml), 0);
  EXPECT_NE(xml.find(R"(<testsuites name="parity:tenant" tests="1" failures="0" errors="1")"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(<testcase classname="tenant.setup" name="setup" time="0.000">)"
                     "\n      "
                     R"(<error message="cannot fetch metadata)"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find(R"(<property name="setup_error" value="cannot fetch metadata)"),
            std::string::npos);
}

TEST(JunitReportTest, EverySuiteSaysWhetherTlsWasVerified) {
  const std::string off = junit(sample_run(false));
  std::size_t count = 0;
  for (std::size_t at = off.find(R"(<property name="tls_verified" value="false"/>)");
       at != std::string::npos;
       at = off.find(R"(<property name="tls_verified" value="false"/>)", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3U);
  EXPECT_NE(off.find(R"(<property name="profile" value="reference"/>)"), std::string::npos);
  EXPECT_NE(off.find(R"(<property name="issuer" value="https://as.example"/>)"), std::string::npos);
  EXPECT_NE(off.find(R"(<property name="tool_version" value="0.1.0"/>)"), std::string::npos);
  EXPECT_NE(off.find(R"(<property name="embedded_server" value="true"/>)"), std::string::npos);
  EXPECT_NE(junit(sample_run(true)).find(R"(<property name="tls_verified" value="true"/>)"),
            std::string::npos);
}

TEST(JunitReportTest, EverySuiteSaysTheTransport) {
  RunResult run = sample_run(true);
  EXPECT_NE(junit(run).find(R"(<property name="transport" value="https"/>)"), std::string::npos);
  run.transport = Transport::plain_http;
  const std::string plain = junit(run);
  std::size_t count = 0;
  for (std::size_t at = plain.find(R"(<property name="transport" value="plain_http"/>)");
       at != std::string::npos;
       at = plain.find(R"(<property name="transport" value="plain_http"/>)", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3U);
}

TEST(JunitReportTest, PassedCaseHasOnlyRequirements) {
  const std::string xml = junit(sample_run());
  const std::string testcase =
      slice(xml,
            R"(<testcase classname="reference.par.basic" name="push_returns_request_uri")",
            "</testcase>");
  EXPECT_NE(testcase.find(R"(time="0.123">)"), std::string::npos);
  EXPECT_NE(testcase.find("<system-out><![CDATA[requirements: RFC9126-2.2-a, RFC9126-2.2-b\n]]>"),
            std::string::npos);
  EXPECT_EQ(testcase.find("<failure"), std::string::npos);
  EXPECT_EQ(testcase.find("POST"), std::string::npos);
}

TEST(JunitReportTest, FailedCaseListsEveryFailingCheck) {
  const std::string xml = junit(sample_run());
  const std::string testcase = slice(xml, R"(name="rejects_request_uri")", "</testcase>");
  EXPECT_NE(testcase.find(R"(<failure message="status equals 400; expected 400, actual 201" )"
                          R"(type="conformance">)"),
            std::string::npos);
  EXPECT_NE(testcase.find("suites/par/basic.yaml:18:11: status equals 400\n"
                          "  expected: 400\n  actual:   201\n"),
            std::string::npos);
  EXPECT_NE(testcase.find("suites/par/basic.yaml:19:11: json:/error equals invalid_request\n"),
            std::string::npos);
  EXPECT_EQ(testcase.find("starts_with application/json"), std::string::npos);  // it passed
  // The hostile actual value is escaped in the failure text.
  EXPECT_NE(testcase.find("]]&gt; &lt;&amp;&gt;\"' end"), std::string::npos);
  // The system-out follows the failure and holds requirements and the exchange.
  EXPECT_LT(testcase.find("</failure>"), testcase.find("<system-out>"));
  EXPECT_NE(testcase.find("requirements: RFC9126-2.1-c"), std::string::npos);
  EXPECT_NE(testcase.find("> POST https://as.example/par"), std::string::npos);
  EXPECT_NE(testcase.find("]]]]><![CDATA[>"), std::string::npos);
  EXPECT_NE(testcase.find("[… body truncated: "), std::string::npos);
  EXPECT_EQ(testcase.find("TAIL"), std::string::npos);
  EXPECT_EQ(testcase.find('\x1b'), std::string::npos);
  EXPECT_EQ(testcase.find('\xff'), std::string::npos);
}

TEST(JunitReportTest, ErroredCaseCarriesTheError) {
  const std::string xml = junit(sample_run());
  const std::string testcase =
      slice(xml, R"(<testcase classname="reference.par.errors")", "</testcase>");
  EXPECT_NE(testcase.find(R"(<error message="no response from https://as.example/par" )"
                          R"(type="error">)"),
            std::string::npos);
  EXPECT_NE(testcase.find("step push: transport error: Timeout was reached"), std::string::npos);
  EXPECT_NE(testcase.find("! transport error: Timeout was reached"), std::string::npos);
}

TEST(JunitReportTest, WarnedCasePassesWithWarningInSystemOut) {
  const std::string xml = junit(sample_run());
  const std::string testcase = slice(xml, R"(name="cache_control_no_store")", "</testcase>");
  EXPECT_EQ(testcase.find("<failure"), std::string::npos);
  EXPECT_EQ(testcase.find("<error"), std::string::npos);
  EXPECT_NE(
      testcase.find("<system-out><![CDATA[WARNING (SHOULD-level requirement not met): "
                    "header:Cache-Control contains no-store; expected no-store, actual (empty)\n"
                    "suites/par/basic.yaml:30:11: header:Cache-Control contains no-store\n"),
      std::string::npos);
  EXPECT_NE(testcase.find("requirements: RFC6749-5.1-c"), std::string::npos);
  EXPECT_NE(testcase.find("> POST https://as.example/par"), std::string::npos);
}

TEST(JunitReportTest, SkippedCaseHasReason) {
  const std::string xml = junit(sample_run());
  EXPECT_NE(xml.find(R"(<testcase classname="reference.par.jar" name="signed_request_object" )"
                     R"(time="0.000">)"
                     "\n      "
                     R"(<skipped message="profile lacks capability &apos;jar&apos;"/>)"),
            std::string::npos);
}

TEST(JunitReportTest, LongTimesKeepThreeDecimals) {
  RunResult run = sample_run();
  run.elapsed_ms = 3'723'004;
  run.cases[0].elapsed_ms = 7;
  const std::string xml = junit(run);
  EXPECT_NE(xml.find(R"(time="3723.004">)"), std::string::npos);
  EXPECT_NE(xml.find(R"(name="push_returns_request_uri" time="0.007">)"), std::string::npos);
  const TempDir dir;
  EXPECT_EQ(validate_text(dir, "long.xml", xml), 0);
}

}  // namespace
}  // namespace parity::report
