#include "hostile/test_runs.hpp"

#include "compare/html_report.hpp"
#include "compare/markdown_report.hpp"
#include "compare/matrix.hpp"
#include "compare/provider_run.hpp"
#include "core/build_info.hpp"
#include "http/curl_client.hpp"
#include "http/url.hpp"
#include "load/profile_loader.hpp"
#include "report/console_reporter.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "run/executor.hpp"
#include "target/target.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

namespace parity::hostile::test_support {

namespace {

// Passes every request on to a CurlClient after noting its credentials.
class RecordingClient final : public http::HttpClient {
 public:
  RecordingClient(std::unique_ptr<http::HttpClient> inner, SentCredentials* sent)
      : m_inner(std::move(inner)), m_sent(sent) {}
  http::Exchange send(const http::Request& request) override {
    http::Exchange exchange = m_inner->send(request);
    if (m_sent != nullptr) {
      m_sent->record(request);
      m_sent->record_response(exchange.response);
    }
    return exchange;
  }

 private:
  std::unique_ptr<http::HttpClient> m_inner;
  SentCredentials* m_sent;
};

// Parameters that carry a secret or a live credential, and the kind each is counted as.
const std::map<std::string, std::string>& credential_params() {
  static const std::map<std::string, std::string> params = {
      {"client_secret", "client_secret"},
      {"client_assertion", "client_assertion"},
      {"code", "code"},
      {"code_verifier", "code_verifier"},
      {"refresh_token", "refresh_token"},
      {"access_token", "access_token"},
      {"id_token", "id_token"}};
  return params;
}

void add_params(std::string_view encoded,
                std::map<std::string, std::string>& values,
                std::set<std::string>& public_values) {
  for (const auto& [name, value] : http::form_decode(encoded)) {
    if (name == "code_challenge") {
      // Public by design (RFC 7636 §4.3, sent in the front channel): a case that sends the
      // challenge as its verifier has not revealed a secret when the push shows it.
      public_values.insert(value);
    }
    const auto kind = credential_params().find(name);
    if (kind != credential_params().end()) {
      values.emplace(value, kind->second);
    }
  }
}

std::string_view after(std::string_view text, char separator) {
  const auto at = text.find(separator);
  return at == std::string_view::npos ? std::string_view() : text.substr(at + 1);
}

void add_cookies(std::string_view header,
                 bool first_only,
                 std::map<std::string, std::string>& values) {
  while (!header.empty()) {
    const auto semicolon = header.find(';');
    const std::string_view pair = header.substr(0, semicolon);
    const std::string_view value = after(pair, '=');
    if (!value.empty()) {
      values.emplace(std::string(value), "cookie");
    }
    if (first_only || semicolon == std::string_view::npos) {
      return;
    }
    header.remove_prefix(semicolon + 1);
  }
}

}  // namespace

void SentCredentials::record(const http::Request& request) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  for (const auto& [name, value] : request.headers) {
    if (name == "Authorization") {
      const bool basic = value.rfind("Basic ", 0) == 0;
      m_values.emplace(value.substr(value.find(' ') + 1), basic ? "basic" : "access_token");
    } else if (name == "DPoP") {
      m_values.emplace(value, "dpop_proof");
    } else if (name == "Cookie") {
      add_cookies(value, false, m_values);
    }
  }
  add_params(request.body, m_values, m_public);
  const auto question = request.url.find('?');
  if (question != std::string::npos) {
    add_params(std::string_view(request.url).substr(question + 1), m_values, m_public);
  }
}

void SentCredentials::record_response(const http::Response& response) {
  const std::lock_guard<std::mutex> lock(m_mutex);
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie" || name == "set-cookie") {
      add_cookies(value, true, m_values);
    } else if (name == "Location" || name == "location") {
      const std::string_view location = value;
      add_params(after(location.substr(0, location.find('#')), '?'), m_values, m_public);
      add_params(after(location, '#'), m_values, m_public);
    }
  }
  const auto document = nlohmann::json::parse(response.body, nullptr, false);
  if (document.is_object()) {
    for (const char* member : {"access_token", "refresh_token", "id_token"}) {
      if (document.contains(member) && document[member].is_string()) {
        m_values.emplace(document[member].get<std::string>(), member);
      }
    }
  }
}

std::set<std::string> SentCredentials::values() const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::set<std::string> values;
  for (const auto& [value, kind] : m_values) {
    if (!m_public.contains(value)) {
      values.insert(value);
    }
  }
  return values;
}

std::set<std::string> SentCredentials::values_of(const std::string& kind) const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::set<std::string> values;
  for (const auto& [value, value_kind] : m_values) {
    if (value_kind == kind) {
      values.insert(value);
    }
  }
  return values;
}

std::set<std::string> SentCredentials::kinds() const {
  const std::lock_guard<std::mutex> lock(m_mutex);
  std::set<std::string> kinds;
  for (const auto& [value, kind] : m_values) {
    kinds.insert(kind);
  }
  return kinds;
}

Profile hostile_profile(const std::string& base_url) {
  Profile profile = load::load_profile(parity::build_info::fixture_path("hostile/profile.yaml"));
  profile.issuer = base_url;
  profile.endpoints.par = base_url + "/ok";
  profile.endpoints.authorization = base_url + "/echo";
  profile.endpoints.token = base_url + "/echo";
  return profile;
}

RunOutputs run_with_reports(const run::Plan& plan,
                            int jobs,
                            SentCredentials* sent,
                            bool reveal_credentials) {
  const http::ClientOptions options = target::client_options_for(plan.profile);
  std::ostringstream console;
  report::ConsoleReporter reporter(console, false, true);
  run::RunOptions run_options;
  run_options.jobs = jobs;
  run_options.reveal_credentials = reveal_credentials;
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
                              parity::build_info::fixture_path("junit/junit-10.xsd") + "' '" +
                              file.string() + "' 2>'" + log + "'";
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

}  // namespace parity::hostile::test_support
