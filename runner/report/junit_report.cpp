#include "report/junit_report.hpp"

#include "report/result_text.hpp"
#include "report/xml_writer.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace parity::report {
namespace {

/// Returns `ms` as seconds with three decimals ("1.234"), the SUREFIRE_TIME the schema wants.
std::string seconds(std::int64_t ms) {
  if (ms < 0) {
    ms = 0;
  }
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(),
                buffer.size(),
                "%lld.%03lld",
                static_cast<long long>(ms / 1000),
                static_cast<long long>(ms % 1000));
  return buffer.data();
}

void write_property(XmlWriter& xml, std::string_view name, std::string_view value) {
  ScopedElement(xml, "property").attribute("name", name).attribute("value", value);
}

void write_properties(XmlWriter& xml, const RunResult& result) {
  const ScopedElement properties(xml, "properties");
  write_property(xml, "profile", result.profile_id);
  write_property(xml, "profile_name", result.profile_name);
  write_property(xml, "issuer", result.issuer);
  write_property(xml, "tool_version", result.tool_version);
  write_property(xml, "started_at", result.started_at);
  write_property(xml, "tls_verified", result.tls_verified ? "true" : "false");
  write_property(xml, "transport", to_string(result.transport));
  write_property(xml, "embedded_server", result.embedded_server ? "true" : "false");
  if (!result.setup_error.empty()) {
    write_property(xml, "setup_error", result.setup_error);
  }
  // --reveal-credentials: the exchanges below hold live tokens, codes and cookies.
  write_property(xml, "credentials_revealed", result.credentials_revealed ? "true" : "false");
}

std::string checks_text(const std::vector<const Check*>& checks) {
  std::string out;
  for (const Check* check : checks) {
    out += check_heading(*check) + "\n";
    out += "  expected: " + value_text(check->expected, k_max_report_body) + "\n";
    out += "  actual:   " + value_text(check->actual, k_max_report_body) + "\n";
  }
  return out;
}

std::string system_out(const CaseResult& one) {
  std::string out;
  if (one.outcome == Outcome::warned) {
    const std::vector<const Check*> checks = failing_checks(one);
    out += "WARNING (SHOULD-level requirement not met): ";
    out += checks.empty() ? std::string("a recommendation was not followed")
                          : check_summary(*checks.front());
    out += "\n" + checks_text(checks) + "\n";
  }
  const std::string requirements = requirements_line(one);
  if (!requirements.empty()) {
    out += requirements + "\n";
  }
  if (!one.login_screenshot.empty()) {
    // The attachment line Jenkins' JUnit Attachments plugin and GitLab read; the path is
    // relative to the directory of the reports.
    out += "[[ATTACHMENT|" + one.login_screenshot + "]]\n";
  }
  if (one.outcome == Outcome::failed || one.outcome == Outcome::errored ||
      one.outcome == Outcome::warned) {
    const std::string exchanges = format_exchanges(one);
    if (!exchanges.empty()) {
      out += "\n" + exchanges;
    }
  }
  return out;
}

void write_failure(XmlWriter& xml, const CaseResult& one) {
  const std::vector<const Check*> checks = failing_checks(one);
  const std::string message =
      checks.empty() ? single_line(first_error(one), 1000) : check_summary(*checks.front());
  const ScopedElement failure(xml, "failure");
  xml.attribute("message", message.empty() ? "case failed" : message);
  xml.attribute("type", "conformance");
  xml.text(checks.empty() ? all_errors(one) : checks_text(checks));
}

void write_error(XmlWriter& xml, const CaseResult& one) {
  const std::string message = first_error(one);
  const ScopedElement error(xml, "error");
  xml.attribute("message", message.empty() ? "case errored" : single_line(message, 1000));
  xml.attribute("type", "error");
  xml.text(all_errors(one) + checks_text(failing_checks(one)));
}

void write_testcase(XmlWriter& xml, const RunResult& result, const CaseResult& one) {
  const ScopedElement testcase(xml, "testcase");
  xml.attribute("classname", result.profile_id + "." + one.suite);
  xml.attribute("name", one.id);
  xml.attribute("time", seconds(one.elapsed_ms));
  if (one.outcome == Outcome::failed) {
    write_failure(xml, one);
  } else if (one.outcome == Outcome::errored) {
    write_error(xml, one);
  } else if (one.outcome == Outcome::skipped) {
    ScopedElement(xml, "skipped").attribute("message", one.skip_reason);
  }
  const std::string output = system_out(one);
  if (!output.empty()) {
    const ScopedElement system(xml, "system-out");
    xml.cdata(output);
  }
}

/// One `<testsuite>`: a suite's cases in plan order.
void write_testsuite(XmlWriter& xml, const RunResult& result, const SuiteCases& group) {
  const Totals counts = totals(group.cases);
  std::int64_t elapsed_ms = 0;
  for (const CaseResult* one : group.cases) {
    elapsed_ms += one->elapsed_ms;
  }
  const ScopedElement testsuite(xml, "testsuite");
  // The profile is part of the name: viewers merge suites of the same name across files.
  xml.attribute("name", result.profile_id + "." + group.suite);
  xml.attribute("tests", std::to_string(counts.total()));
  xml.attribute("failures", std::to_string(counts.failed));
  xml.attribute("errors", std::to_string(counts.errored));
  xml.attribute("skipped", std::to_string(counts.skipped));
  xml.attribute("time", seconds(elapsed_ms));
  xml.attribute("timestamp", result.started_at);
  if (!result.hostname.empty()) {
    xml.attribute("hostname", result.hostname);
  }
  write_properties(xml, result);
  for (const CaseResult* one : group.cases) {
    write_testcase(xml, result, *one);
  }
}

/// A run that could not start and had no case selected: one errored `setup` testcase, so that
/// CI shows why instead of "no test results".
void write_setup_suite(XmlWriter& xml, const RunResult& result) {
  const ScopedElement testsuite(xml, "testsuite");
  xml.attribute("name", result.profile_id + ".setup");
  xml.attribute("tests", "1");
  xml.attribute("failures", "0");
  xml.attribute("errors", "1");
  xml.attribute("skipped", "0");
  xml.attribute("time", seconds(result.elapsed_ms));
  xml.attribute("timestamp", result.started_at);
  if (!result.hostname.empty()) {
    xml.attribute("hostname", result.hostname);
  }
  write_properties(xml, result);
  const ScopedElement testcase(xml, "testcase");
  xml.attribute("classname", result.profile_id + ".setup");
  xml.attribute("name", "setup");
  xml.attribute("time", "0.000");
  const ScopedElement error(xml, "error");
  xml.attribute("message", single_line(result.setup_error, 1000));
  xml.attribute("type", "setup");
  xml.text(result.setup_error);
}

}  // namespace

void write_junit(const RunResult& result, std::ostream& out) {
  Totals counts = totals(result);
  if (result.cases.empty() && !result.setup_error.empty()) {
    counts.errored = 1;  // the one `setup` testcase
  }
  XmlWriter xml(out);
  xml.declaration();
  {
    const ScopedElement testsuites(xml, "testsuites");
    xml.attribute("name", "parity:" + result.profile_id);
    xml.attribute("tests", std::to_string(counts.total()));
    xml.attribute("failures", std::to_string(counts.failed));
    xml.attribute("errors", std::to_string(counts.errored));
    xml.attribute("time", seconds(result.elapsed_ms));
    for (const SuiteCases& group : cases_by_suite(result)) {
      write_testsuite(xml, result, group);
    }
    if (result.cases.empty() && !result.setup_error.empty()) {
      write_setup_suite(xml, result);
    }
  }
  xml.finish();
}

}  // namespace parity::report
