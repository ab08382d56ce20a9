#include "report/json_report.hpp"

#include "core/display_text.hpp"
#include "report/cause_groups.hpp"

namespace parity::report {
namespace {

using nlohmann::json;

std::string_view level_name(Level level) {
  return level == Level::should ? "should" : "must";
}

// Every string of the report passes the one display escaping (core/display_text.hpp): valid
// UTF-8, and nothing that acts on a terminal or reorders text in a viewer.
json text(std::string_view value) {
  return display_text(value);
}

// What a recorded excerpt left out (http/excerpt.hpp); added only when something was cut.
void add_cut(json& out, const std::string& key, const http::Cut& cut) {
  if (!cut.truncated) {
    return;
  }
  json described = {{"truncated", true}, {"original_bytes", cut.original_bytes}};
  if (cut.original_count > 0) {
    described["original_count"] = cut.original_count;
  }
  out[key] = std::move(described);
}

json text_list(const std::vector<std::string>& values) {
  json out = json::array();
  for (const std::string& value : values) {
    out.push_back(text(value));
  }
  return out;
}

json headers_json(const http::Headers& headers) {
  json out = json::array();
  for (const auto& [name, value] : headers) {
    out.push_back(json::array({text(name), text(value)}));
  }
  return out;
}

json request_json(const http::Request& request) {
  json out = {{"method", text(request.method)},
              {"url", text(request.url)},
              {"headers", headers_json(request.headers)},
              {"body", text(request.body)}};
  if (request.tls_identity) {
    // RFC 8705 §2: which TLS client certificate the request presented ("none" for none).
    out["tls_client_certificate"] = text(request.tls_identity->description);
  }
  add_cut(out, "headers_cut", request.headers_cut);
  add_cut(out, "body_cut", request.body_cut);
  return out;
}

json exchange_json(const http::Exchange& exchange) {
  json response = {{"status", exchange.response.status},
                   {"headers", headers_json(exchange.response.headers)},
                   {"body", text(exchange.response.body)}};
  add_cut(response, "headers_cut", exchange.response.headers_cut);
  add_cut(response, "body_cut", exchange.response.body_cut);
  return {{"request", request_json(exchange.request)},
          {"response", std::move(response)},
          {"transport_error", text(exchange.transport_error)},
          {"elapsed_ms", exchange.elapsed_ms}};
}

json check_json(const Check& check) {
  return {{"description", text(check.description)},
          {"passed", check.passed},
          {"expected", text(check.expected)},
          {"actual", text(check.actual)},
          {"where",
           {{"file", text(check.where.file)},
            {"line", check.where.line},
            {"column", check.where.column}}}};
}

json step_json(const StepResult& step) {
  json observed = json::object();
  for (const auto& [key, value] : step.observed) {
    observed[display_text(key)] = text(value);
  }
  json checks = json::array();
  for (const Check& check : step.checks) {
    checks.push_back(check_json(check));
  }
  json exchanges = json::array();
  for (const http::Exchange& exchange : step.exchanges) {
    exchanges.push_back(exchange_json(exchange));
  }
  return {{"name", text(step.name)},
          {"kind", to_string(step.kind)},
          {"outcome", to_string(step.outcome)},
          {"error", text(step.error)},
          {"elapsed_ms", step.elapsed_ms},
          {"observed", std::move(observed)},
          {"checks", std::move(checks)},
          {"exchanges", std::move(exchanges)}};
}

json case_json(const CaseResult& one) {
  json steps = json::array();
  for (const StepResult& step : one.steps) {
    steps.push_back(step_json(step));
  }
  json out = {{"suite", text(one.suite)},
              {"id", text(one.id)},
              {"full_id", text(one.full_id())},
              {"title", text(one.title)},
              {"file", text(one.file)},
              {"requirements", text_list(one.requirements)},
              {"tags", text_list(one.tags)},
              {"level", level_name(one.level)},
              {"outcome", to_string(one.outcome)},
              {"skip_reason", text(one.skip_reason)},
              {"error", text(one.error)},
              {"login_screenshot", text(one.login_screenshot)},
              {"elapsed_ms", one.elapsed_ms},
              {"steps", std::move(steps)}};
  if (!one.level_reason.empty()) {
    out["level_reason"] = text(one.level_reason);
  }
  return out;
}

json totals_json(const Totals& counts) {
  return {{"passed", counts.passed},
          {"warned", counts.warned},
          {"failed", counts.failed},
          {"errored", counts.errored},
          {"skipped", counts.skipped},
          {"total", counts.total()}};
}

json causes_json(const RunResult& result) {
  json out = json::array();
  for (const CauseGroup& group : cause_groups(result)) {
    out.push_back({{"cause", text(group.cause)},
                   {"outcome", to_string(group.outcome)},
                   {"count", group.cases.size()},
                   {"totals",
                    {{"failed", group.totals.failed},
                     {"warned", group.totals.warned},
                     {"errored", group.totals.errored}}},
                   {"cases", text_list(group.cases)},
                   {"requirements", text_list(group.requirements)}});
  }
  return out;
}

}  // namespace

json to_json(const RunResult& result) {
  json cases = json::array();
  for (const CaseResult& one : result.cases) {
    cases.push_back(case_json(one));
  }
  json profile{{"id", text(result.profile_id)},
               {"name", text(result.profile_name)},
               {"issuer", text(result.issuer)}};
  if (!result.emulation.empty()) {
    profile["emulation"] = text(result.emulation);  // built from documentation, not the service
  }
  json out = {{"schema_version", k_json_schema_version},
              {"tool", "parity"},
              {"tool_version", text(result.tool_version)},
              {"profile", std::move(profile)},
              {"started_at", text(result.started_at)},
              {"hostname", text(result.hostname)},
              {"elapsed_ms", result.elapsed_ms},
              {"tls_verified", result.tls_verified},
              // "plain_http": a declared plain-HTTP test rig (RFC 9126 §2 requires https).
              {"transport", to_string(result.transport)},
              {"embedded_server", result.embedded_server},
              // --reveal-credentials: this report holds live tokens, codes and cookies.
              {"credentials_revealed", result.credentials_revealed},
              {"totals", totals_json(totals(result))},
              {"causes", causes_json(result)},
              {"cases", std::move(cases)}};
  if (!result.setup_error.empty()) {
    out["setup_error"] = text(result.setup_error);
  }
  return out;
}

void write_json(const RunResult& result, std::ostream& out) {
  // to_json() already sanitized every string; `replace` is a second line of defence.
  out << to_json(result).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  out.flush();
}

}  // namespace parity::report
