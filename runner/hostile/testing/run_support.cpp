#include "hostile/testing/run_support.hpp"

#include "compare/html_report.hpp"
#include "compare/markdown_report.hpp"
#include "compare/matrix.hpp"
#include "compare/provider_run.hpp"
#include "http/curl_client.hpp"
#include "http/url.hpp"
#include "load/profile_loader.hpp"
#include "report/console_reporter.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "run/executor.hpp"
#include "target/target.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

namespace parity::hostile::testing {

namespace {

// Passes every request on to a CurlClient after noting its credentials.
class RecordingClient final : public http::HttpClient {
 public:
  RecordingClient(std::unique_ptr<http::HttpClient> inner, SentCredentials* sent)
      : m_inner(std::move(inner)), m_sent(sent) {}
  http::Exchange send(const http::Request& request) override {
    if (m_sent != nullptr) {
      m_sent->record(request);
    }
    return m_inner->send(request);
  }

 private:
  std::unique_ptr<http::HttpClient> m_inner;
  SentCredentials* m_sent;
};

void add_params(std::string_view encoded, std::set<std::string>& values) {
  for (const auto& [name, value] : http::form_decode(encoded)) {
    if (name == "client_secret" || name == "client_assertion") {
      values.insert(value);
    }
  }
}

}  // namespace

void SentCredentials::record(const http::Request& request) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  for (const auto& [name, value] : request.headers) {
    if (name == "Authorization") {
      m_values.insert(value.substr(value.find(' ') + 1));
    } else if (name == "DPoP") {
      m_values.insert(value);
    }
  }
  add_params(request.body, m_values);
  const auto question = request.url.find('?');
  if (question != std::string::npos) {
    add_params(std::string_view(request.url).substr(question + 1), m_values);
  }
}

std::set<std::string> SentCredentials::values() const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  return m_values;
}

Profile hostile_profile(const std::string& base_url) {
  Profile profile = load::load_profile(std::string(PARITY_FIXTURES_DIR) + "/hostile/profile.yaml");
  profile.issuer = base_url;
  profile.endpoints.par = base_url + "/ok";
  profile.endpoints.authorization = base_url + "/echo";
  profile.endpoints.token = base_url + "/echo";
  return profile;
}

RunOutputs run_with_reports(const run::Plan& plan, int jobs, SentCredentials* sent) {
  const http::ClientOptions options = target::client_options_for(plan.profile);
  std::ostringstream console;
  report::ConsoleReporter reporter(console, false, true);
  run::RunOptions run_options;
  run_options.jobs = jobs;
  const auto start = std::chrono::steady_clock::now();
  RunOutputs outputs;
  outputs.result = run::run_plan(plan, run_options, reporter, [&options, sent] {
    return std::make_unique<RecordingClient>(std::make_unique<http::CurlClient>(options), sent);
  });
  outputs.wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  outputs.console = console.str();
  std::ostringstream junit;
  report::write_junit(outputs.result, junit);
  outputs.junit = junit.str();
  std::ostringstream json;
  report::write_json(outputs.result, json);
  outputs.json = json.str();
  const compare::Comparison comparison =
      compare::build_comparison({compare::provider_run_from_result(outputs.result, "run")});
  outputs.comparison_html = compare::render_html(comparison);
  outputs.comparison_markdown = compare::render_markdown(comparison);
  return outputs;
}

CaseResult find_case(const RunResult& result, const std::string& id) {
  for (const CaseResult& one : result.cases) {
    if (one.id == id) {
      return one;
    }
  }
  ADD_FAILURE() << "no case " << id;
  return {};
}

std::string junit_schema_errors(const std::string& xml) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("parity-hostile-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(file, std::ios::binary) << xml;
  const std::string log = file.string() + ".log";
  const std::string command = std::string("'") + PARITY_XMLLINT + "' --noout --schema '" +
                              PARITY_JUNIT_XSD + "' '" + file.string() + "' 2>'" + log + "'";
  const int status = std::system(command.c_str());
  std::stringstream messages;
  messages << std::ifstream(log).rdbuf();
  std::filesystem::remove(file);
  std::filesystem::remove(log);
  return status == 0 ? std::string()
                     : "xmllint status " + std::to_string(status) + "\n" + messages.str();
}

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // ru_maxrss is in KiB on Linux
}

}  // namespace parity::hostile::testing
