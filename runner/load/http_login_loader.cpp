#include "load/http_login_loader.hpp"

#include "load/checks.hpp"
#include "load/login_loader.hpp"

#include <algorithm>

namespace parity::load {
namespace {

const std::vector<std::string> k_http_keys{"capture", "steps"};
const std::vector<std::string> k_http_step_keys{
    "name", "method", "url", "query", "headers", "json", "form", "expect_status", "capture"};

// Set by the login itself (profiles/README.md, "Login through HTTP steps").
const std::vector<std::string> k_login_variables{
    "authorize_url", "location", "origin", "client_id", "redirect_uri"};

// "name: selector" pairs; a selector is location, location:<param>, header:<name> or
// json:<pointer>.
std::vector<std::pair<std::string, std::string>> read_captures(MapReader& parent) {
  std::vector<std::pair<std::string, std::string>> captures;
  const auto node = parent.optional_node("capture");
  if (!node) {
    return captures;
  }
  MapReader reader(*node, parent.file(), "capture");
  for (const auto& name : reader.keys()) {
    const Located located{name, reader.location_of_key(name)};
    require_pattern(located, "[A-Za-z_][A-Za-z0-9_]*", "capture name", "letters, digits and '_'");
    if (std::find(k_login_variables.begin(), k_login_variables.end(), name) !=
        k_login_variables.end()) {
      throw LoadError(located.where, "capture '" + name + "' redefines a login variable");
    }
    const Located selector = *optional_scalar(reader, name);
    const bool known = selector.value == "location" ||
                       (selector.value.size() > 9 && selector.value.rfind("location:", 0) == 0) ||
                       (selector.value.size() > 7 && selector.value.rfind("header:", 0) == 0) ||
                       (selector.value.size() > 5 && selector.value.rfind("json:", 0) == 0);
    if (!known) {
      throw LoadError(selector.where,
                      "capture '" + selector.value +
                          "' is not one of location, location:<param>, header:<name>, "
                          "json:<pointer>");
    }
    captures.emplace_back(name, selector.value);
  }
  return captures;
}

std::vector<std::pair<std::string, std::string>> read_template_pairs(MapReader& parent,
                                                                     const std::string& key,
                                                                     LoginScript& script) {
  return read_login_pairs(parent, key, &script, true);
}

// Resolves ${env:NAME} in every string of a JSON body (object keys excluded).
void resolve_json_strings(nlohmann::json& value, const SourceLocation& where, LoginScript& script) {
  if (value.is_string()) {
    value = resolve_login_value({value.get<std::string>(), where}, script, true);
  } else if (value.is_structured()) {
    for (auto& item : value) {
      resolve_json_strings(item, where, script);
    }
  }
}

HttpLoginStep read_http_step(const YAML::Node& node, const std::string& file, LoginScript& script) {
  MapReader reader(node, file, "HTTP login step");
  allow_keys(reader, k_http_step_keys);
  HttpLoginStep step;
  step.where = reader.location();
  step.name = optional_scalar(reader, "name")
                  .value_or(Located{"step " + std::to_string(script.http_steps.size() + 1), {}})
                  .value;
  if (const auto method = optional_scalar(reader, "method")) {
    require_choice(*method, {"GET", "POST", "PUT", "PATCH", "DELETE"}, "method");
    step.method = method->value;
  }
  step.url = resolve_login_value(required_scalar(reader, "url"), script, true);
  step.query = read_template_pairs(reader, "query", script);
  step.headers = read_template_pairs(reader, "headers", script);
  if (const auto json = reader.optional_node("json")) {
    step.json_body = to_json(*json);
    resolve_json_strings(step.json_body, location_of(*json, file), script);
  }
  if (reader.has("form")) {
    if (!step.json_body.is_null()) {
      throw LoadError(reader.location_of_key("form"), "give 'json' or 'form', not both");
    }
    step.form_body = read_template_pairs(reader, "form", script);
    step.has_form_body = true;
  }
  if ((!step.json_body.is_null() || step.has_form_body) && step.method == "GET") {
    throw LoadError(reader.location(), "a step with a body needs a 'method' other than GET");
  }
  for (const Located& status : optional_scalar_list(reader, "expect_status")) {
    require_pattern(status, "[1-5][0-9][0-9]", "status", "an HTTP status code");
    step.expect_status.push_back(std::stoi(status.value));
  }
  step.captures = read_captures(reader);
  reader.finish();
  return step;
}

}  // namespace

void read_http_login(const YAML::Node& node, const std::string& file, LoginScript& script) {
  MapReader reader(node, file, "http");
  allow_keys(reader, k_http_keys);
  script.http_captures = read_captures(reader);
  const YAML::Node steps = reader.required_node("steps");
  if (!steps.IsSequence() || steps.size() == 0) {
    throw LoadError(location_of(steps, file), "'steps' must be a non-empty list of requests");
  }
  for (const auto& item : steps) {
    script.http_steps.push_back(read_http_step(item, file, script));
  }
  reader.finish();
}

}  // namespace parity::load
