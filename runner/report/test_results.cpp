#include "report/test_results.hpp"

#include <atomic>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace parity::report::test_support {
namespace {

http::Exchange push_exchange(int status, std::string body) {
  http::Exchange exchange;
  exchange.request.method = "POST";
  exchange.request.url = "https://as.example/par";
  exchange.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                              {"Authorization", "[redacted]"}};
  exchange.request.body = "response_type=code&client_id=client-1&state=xyz";
  exchange.response.status = status;
  exchange.response.headers = {{"Content-Type", "application/json"}};
  exchange.response.body = std::move(body);
  exchange.elapsed_ms = 42;
  return exchange;
}

Check check(
    std::string description, bool passed, std::string expected, std::string actual, int line) {
  return {std::move(description),
          passed,
          std::move(expected),
          std::move(actual),
          SourceLocation{"suites/par/basic.yaml", line, 11}};
}

CaseResult base_case(std::string suite, std::string id, Outcome outcome) {
  CaseResult one;
  one.suite = std::move(suite);
  one.id = std::move(id);
  one.title = "Title of " + one.id;
  one.file = "suites/par/basic.yaml";
  one.outcome = outcome;
  one.elapsed_ms = 123;
  return one;
}

CaseResult passed_case() {
  CaseResult one = base_case("par.basic", "push_returns_request_uri", Outcome::passed);
  one.requirements = {"RFC9126-2.2-a", "RFC9126-2.2-b"};
  one.tags = {"smoke"};
  StepResult step;
  step.name = "push";
  step.exchanges = {push_exchange(201, R"({"request_uri":"urn:x","expires_in":60})")};
  step.checks = {check("status equals 201", true, "201", "201", 12)};
  step.observed = {{"status", "201"}, {"expires_in", "60"}};
  step.elapsed_ms = 42;
  one.steps = {step};
  return one;
}

CaseResult warned_case() {
  CaseResult one = base_case("par.basic", "cache_control_no_store", Outcome::warned);
  one.level = Level::should;
  one.requirements = {"RFC6749-5.1-c"};
  StepResult step;
  step.name = "push";
  step.outcome = Outcome::warned;
  step.exchanges = {push_exchange(201, "{}")};
  step.checks = {check("header:Cache-Control contains no-store", false, "no-store", "", 30)};
  one.steps = {step};
  return one;
}

CaseResult errored_case() {
  CaseResult one = base_case("par.errors", "timeout_is_reported", Outcome::errored);
  one.requirements = {"RFC9126-2.3-a"};
  StepResult step;
  step.name = "push";
  step.kind = StepKind::push;
  step.outcome = Outcome::errored;
  step.error = "no response from https://as.example/par";
  http::Exchange exchange = push_exchange(0, "");
  exchange.response.headers.clear();
  exchange.transport_error = "Timeout was reached";
  step.exchanges = {exchange};
  one.steps = {step};
  return one;
}

CaseResult failed_case() {
  CaseResult one = base_case("par.basic", "rejects_request_uri", Outcome::failed);
  one.requirements = {"RFC9126-2.1-c"};
  StepResult step;
  step.name = "push with request_uri";
  step.outcome = Outcome::failed;
  step.exchanges = {
      push_exchange(201, k_hostile + std::string(std::size_t{20} * 1024, 'x') + "TAIL")};
  step.exchanges[0].response.headers.emplace_back("X-Evil", k_hostile);
  step.checks = {
      check("status equals 400", false, "400", "201", 18),
      check("json:/error equals invalid_request", false, "invalid_request", k_hostile, 19),
      check("header:Content-Type starts_with application/json",
            true,
            "application/json",
            "application/json",
            20)};
  step.observed = {{"status", "201"}, {"error", k_hostile}};
  one.steps = {step};
  return one;
}

CaseResult skipped_case() {
  CaseResult one = base_case("par.jar", "signed_request_object", Outcome::skipped);
  one.elapsed_ms = 0;
  one.skip_reason = "profile lacks capability 'jar'";
  return one;
}

}  // namespace

RunResult sample_run(bool tls_verified) {
  RunResult run;
  run.profile_id = "reference";
  run.profile_name = "Reference server";
  run.issuer = "https://as.example";
  run.tool_version = "0.1.0";
  run.started_at = "2024-05-01T12:00:00Z";
  run.tls_verified = tls_verified;
  run.embedded_server = true;
  run.cases = {passed_case(), warned_case(), errored_case(), failed_case(), skipped_case()};
  run.elapsed_ms = 2345;
  return run;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  m_path =
      std::filesystem::temp_directory_path() / ("parity-report-test-" + std::to_string(::getpid()) +
                                                "-" + std::to_string(counter.fetch_add(1)));
  std::filesystem::remove_all(m_path);
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace parity::report::test_support
