#include "report/json_report.hpp"

#include "report/test_results.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::report {
namespace {

using nlohmann::json;
using test_support::sample_run;

RunResult round_trip(const RunResult& run) {
  std::stringstream buffer;
  write_json(run, buffer);
  return read_json(buffer, "run.json");
}

std::string load_error(const std::string& text) {
  std::istringstream in(text);
  try {
    read_json(in, "run.json");
  } catch (const LoadError& error) {
    return error.what();
  }
  return "no error";
}

/// A minimal valid document with `case_json` as its only case.
std::string with_case(const std::string& case_json) {
  return R"({"schema_version":1,"tool":"parity","profile":{"id":"p"},"cases":[)" + case_json + "]}";
}

TEST(JsonReportTest, TopLevelShape) {
  const json doc = to_json(sample_run(false));
  EXPECT_EQ(doc.at("schema_version"), 1);
  EXPECT_EQ(doc.at("tool"), "parity");
  EXPECT_EQ(doc.at("tool_version"), "0.1.0");
  EXPECT_EQ(
      doc.at("profile"),
      json({{"id", "reference"}, {"name", "Reference server"}, {"issuer", "https://as.example"}}));
  EXPECT_EQ(doc.at("started_at"), "2024-05-01T12:00:00Z");
  EXPECT_EQ(doc.at("elapsed_ms"), 2345);
  EXPECT_EQ(doc.at("tls_verified"), false);
  EXPECT_EQ(doc.at("embedded_server"), true);
  EXPECT_EQ(doc.at("totals"),
            json({{"passed", 1},
                  {"warned", 1},
                  {"failed", 1},
                  {"errored", 1},
                  {"skipped", 1},
                  {"total", 5}}));
  ASSERT_EQ(doc.at("cases").size(), 5U);
}

TEST(JsonReportTest, CaseStepCheckAndExchangeShape) {
  const json doc = to_json(sample_run());
  const json& failed = doc.at("cases").at(3);
  EXPECT_EQ(failed.at("full_id"), "par.basic/rejects_request_uri");
  EXPECT_EQ(failed.at("outcome"), "failed");
  EXPECT_EQ(failed.at("level"), "must");
  EXPECT_EQ(doc.at("cases").at(1).at("level"), "should");
  const json& step = failed.at("steps").at(0);
  EXPECT_EQ(step.at("kind"), "push");
  EXPECT_EQ(step.at("observed").at("status"), "201");
  EXPECT_EQ(step.at("checks").at(0),
            json({{"description", "status equals 400"},
                  {"passed", false},
                  {"expected", "400"},
                  {"actual", "201"},
                  {"where", {{"file", "suites/par/basic.yaml"}, {"line", 18}, {"column", 11}}}}));
  const json& exchange = step.at("exchanges").at(0);
  EXPECT_EQ(exchange.at("request").at("method"), "POST");
  EXPECT_EQ(exchange.at("request").at("headers").at(0),
            json::array({"Content-Type", "application/x-www-form-urlencoded"}));
  EXPECT_EQ(exchange.at("response").at("status"), 201);
  EXPECT_EQ(exchange.at("elapsed_ms"), 42);
  const json& errored = doc.at("cases").at(2).at("steps").at(0).at("exchanges").at(0);
  EXPECT_EQ(errored.at("transport_error"), "Timeout was reached");
  EXPECT_EQ(errored.at("response").at("status"), 0);
}

TEST(JsonReportTest, InvalidUtf8AndControlsAreShownNotThrown) {
  const RunResult run = sample_run();
  std::ostringstream out;
  ASSERT_NO_THROW(write_json(run, out));
  const json doc = to_json(run);
  const std::string body =
      doc.at("cases").at(3).at("steps").at(0).at("exchanges").at(0).at("response").at("body");
  EXPECT_EQ(body.rfind("bad\\xff\\xfe utf8 \\xed\\xa0\\x80 cut\\xe2\\x82 ctl\\x01\\x1b[31m", 0),
            0U);
  EXPECT_NE(body.find("]]> <&>\"' end"), std::string::npos);
  EXPECT_NO_THROW((void)doc.dump());
  EXPECT_NE(out.str().find("ctl\\\\x01\\\\x1b[31m"),
            std::string::npos);  // shown, then JSON-escaped
}

TEST(JsonReportTest, RoundTripKeepsEverything) {
  const RunResult run = sample_run(false);
  const RunResult back = round_trip(run);
  EXPECT_EQ(to_json(back), to_json(run));
  EXPECT_EQ(back.profile_id, "reference");
  EXPECT_EQ(back.profile_name, "Reference server");
  EXPECT_EQ(back.issuer, "https://as.example");
  EXPECT_FALSE(back.tls_verified);
  EXPECT_TRUE(back.embedded_server);
  EXPECT_EQ(back.elapsed_ms, 2345);
  ASSERT_EQ(back.cases.size(), run.cases.size());
  for (std::size_t i = 0; i < run.cases.size(); ++i) {
    EXPECT_EQ(back.cases[i].full_id(), run.cases[i].full_id());
    EXPECT_EQ(back.cases[i].outcome, run.cases[i].outcome);
    EXPECT_EQ(back.cases[i].level, run.cases[i].level);
    EXPECT_EQ(back.cases[i].requirements, run.cases[i].requirements);
    EXPECT_EQ(back.cases[i].skip_reason, run.cases[i].skip_reason);
  }
  const StepResult& step = back.cases[3].steps.at(0);
  EXPECT_EQ(step.checks.at(1).where.line, 19);
  EXPECT_EQ(step.exchanges.at(0).response.headers.at(1).first, "X-Evil");
  EXPECT_EQ(back.cases[2].steps.at(0).exchanges.at(0).transport_error, "Timeout was reached");
  const Totals counts = totals(back);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.total(), 5);
}

TEST(JsonReportTest, LevelReasonIsWrittenAndReadBackWhenTheProfileDecidesTheLevel) {
  RunResult run = sample_run(false);
  run.cases[1].level_reason = "should: a FAPI 2.0 or peer-suite expectation";
  const json doc = to_json(run);
  EXPECT_EQ(doc.at("cases").at(1).at("level_reason"), run.cases[1].level_reason);
  EXPECT_FALSE(doc.at("cases").at(0).contains("level_reason"));
  EXPECT_EQ(round_trip(run).cases[1].level_reason, run.cases[1].level_reason);
}

// profiles/README.md, "Plain-HTTP test rigs": the report says the transport, and
// `parity compare --results` reads it back.
TEST(JsonReportTest, PlainHttpTransportIsWrittenAndReadBack) {
  RunResult run = sample_run(true);
  EXPECT_EQ(to_json(run).at("transport"), "https");
  run.transport = Transport::plain_http;
  EXPECT_EQ(to_json(run).at("transport"), "plain_http");
  EXPECT_EQ(round_trip(run).transport, Transport::plain_http);
}

TEST(JsonReportTest, MissingOptionalMembersTakeDefaults) {
  std::istringstream in(with_case(R"({"suite":"s","id":"c","outcome":"skipped"})"));
  const RunResult run = read_json(in);
  ASSERT_EQ(run.cases.size(), 1U);
  EXPECT_EQ(run.cases[0].full_id(), "s/c");
  EXPECT_EQ(run.cases[0].level, Level::must);
  EXPECT_TRUE(run.tls_verified);
  EXPECT_EQ(run.transport, Transport::https);
}

TEST(JsonReportTest, BadInputNamesFileAndPath) {
  EXPECT_EQ(load_error(with_case(R"({"suite":"s","id":"c","outcome":"bogus"})")),
            "run.json: cases[0].outcome: unknown outcome 'bogus' (expected one of passed, "
            "warned, failed, errored, skipped)");
  EXPECT_EQ(load_error(with_case(R"({"suite":"s","outcome":"passed"})")),
            "run.json: cases[0]: missing member 'id'");
  EXPECT_EQ(
      load_error(with_case(
          R"({"suite":"s","id":"c","outcome":"failed","steps":[{"kind":"push","outcome":"failed","checks":[{"passed":"no"}]}]})")),
      "run.json: cases[0].steps[0].checks[0].passed: expected a boolean, got string");
  EXPECT_EQ(
      load_error(with_case(
          R"({"suite":"s","id":"c","outcome":"passed","steps":[{"kind":"push","outcome":"passed","exchanges":[{"request":{"headers":[["a"]]}}]}]})")),
      "run.json: cases[0].steps[0].exchanges[0].request.headers[0]: expected a [name, value] "
      "pair of strings");
  EXPECT_EQ(load_error(R"({"schema_version":2,"tool":"parity","profile":{"id":"p"},"cases":[]})"),
            "run.json: schema_version: unsupported schema_version 2 (this parity reads 1)");
  EXPECT_EQ(load_error(R"({"tool":"parity","profile":{"id":"p"},"cases":[]})"),
            "run.json: missing member 'schema_version'");
}

TEST(JsonReportTest, ADocumentThatIsNoRunReportIsNamedPlainly) {
  const std::string hint = "; give the <profile>.json that `parity run` wrote";
  EXPECT_EQ(load_error("[]"),
            "run.json: not a parity JSON report (the document is array, not an object)" + hint);
  EXPECT_EQ(load_error(R"({"schema_version":1,"tool":"other","profile":{"id":"p"},"cases":[]})"),
            "run.json: not a parity JSON report (it has no \"tool\": \"parity\")" + hint);
  EXPECT_EQ(load_error(R"({"name":"some-package","version":"1.0.0"})"),
            "run.json: not a parity JSON report (it has no \"tool\": \"parity\")" + hint);
  EXPECT_EQ(load_error(R"({"schema_version":1,"tool":"parity","kind":"comparison"})"),
            "run.json: not the report of a run: it is a parity comparison document" + hint);
  // Not JSON at all (a JUnit file): no parser jargon, just where it stopped.
  EXPECT_EQ(load_error("<?xml version=\"1.0\"?><testsuites/>"),
            "run.json: not a parity JSON report: not JSON (syntax error at byte 1)" + hint);
  const std::string cut = load_error("{\"schema_version\":1,");
  EXPECT_EQ(cut.rfind("run.json: not a parity JSON report: not JSON (syntax error at byte", 0), 0U);
  EXPECT_EQ(cut.find("json.exception"), std::string::npos);
}

TEST(JsonReportTest, CarriesHostnameSetupErrorAndCauses) {
  RunResult run = sample_run();
  run.hostname = "ci-runner-7";
  run.setup_error = "cannot fetch metadata https://as.example/.well-known/x: timeout";
  const json doc = to_json(run);
  EXPECT_EQ(doc.at("hostname"), "ci-runner-7");
  EXPECT_EQ(doc.at("setup_error"), run.setup_error);
  ASSERT_EQ(doc.at("causes").size(), 3U);  // failed, warned, errored: three causes
  for (const json& cause : doc.at("causes")) {
    EXPECT_EQ(cause.at("count"), cause.at("cases").size());
  }
  const RunResult back = round_trip(run);
  EXPECT_EQ(back.hostname, "ci-runner-7");
  EXPECT_EQ(back.setup_error, run.setup_error);
  EXPECT_FALSE(to_json(sample_run()).contains("setup_error"));
}

}  // namespace
}  // namespace parity::report
