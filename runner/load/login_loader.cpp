#include "load/login_loader.hpp"

#include <algorithm>
#include <cstdlib>

namespace parity::load {
namespace {

const std::vector<std::string> k_browser_keys{"steps",
                                              "timeout_ms",
                                              "step_timeout_ms",
                                              "optional_timeout_ms",
                                              "sessions",
                                              "chromium",
                                              "chromedriver"};
const std::vector<std::string> k_browser_step_keys{
    "wait_for", "wait_for_url", "fill", "click", "value", "optional", "timeout_ms"};
const std::vector<std::string> k_http_keys{"capture", "steps"};
const std::vector<std::string> k_http_step_keys{
    "name", "method", "url", "query", "headers", "json", "form", "expect_status", "capture"};

// Set by the login itself (profiles/README.md, "Login through HTTP steps").
const std::vector<std::string> k_login_variables{
    "authorize_url", "location", "origin", "client_id", "redirect_uri"};

long read_bounded(MapReader& reader, const std::string& key, long fallback, long max) {
  const long value = reader.optional_int(key, fallback);
  if (value <= 0 || value > max) {
    throw LoadError(reader.location_of_key(key),
                    "'" + key + "' must be between 1 and " + std::to_string(max));
  }
  return value;
}

BrowserStep read_browser_step(const YAML::Node& node,
                              const std::string& file,
                              LoginScript& script) {
  MapReader reader(node, file, "browser step");
  allow_keys(reader, k_browser_step_keys);
  BrowserStep step;
  step.where = reader.location();
  const std::vector<std::pair<const char*, BrowserStep::Kind>> kinds{
      {"wait_for", BrowserStep::Kind::wait_selector},
      {"wait_for_url", BrowserStep::Kind::wait_url},
      {"fill", BrowserStep::Kind::fill},
      {"click", BrowserStep::Kind::click},
  };
  int found = 0;
  for (const auto& [key, kind] : kinds) {
    if (const auto target = optional_scalar(reader, key)) {
      if (target->value.empty()) {
        throw LoadError(target->where, std::string("'") + key + "' needs a non-empty value");
      }
      step.kind = kind;
      step.target = target->value;
      ++found;
    }
  }
  if (found != 1) {
    throw LoadError(reader.location(),
                    "a browser step needs exactly one of 'wait_for' (CSS selector), "
                    "'wait_for_url' (URL glob), 'fill' or 'click'");
  }
  const auto value = optional_scalar(reader, "value");
  if (step.kind == BrowserStep::Kind::fill) {
    if (!value) {
      throw LoadError(reader.location(), "a 'fill' step needs 'value'");
    }
    const std::size_t secrets_before = script.secrets.size();
    step.value = resolve_login_value(*value, script);
    step.secret =
        script.secrets.size() != secrets_before || value->value.find("${env:") != std::string::npos;
  } else if (value) {
    throw LoadError(value->where, "'value' belongs to 'fill' steps only");
  }
  step.optional = reader.optional_bool("optional", false);
  if (step.optional && step.kind == BrowserStep::Kind::wait_url) {
    throw LoadError(reader.location_of_key("optional"),
                    "'optional' applies to steps with a CSS selector (wait_for, fill, click)");
  }
  if (reader.has("timeout_ms")) {
    step.timeout_ms = read_bounded(reader, "timeout_ms", 1, 600000);
  }
  reader.finish();
  return step;
}

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
  std::vector<std::pair<std::string, std::string>> pairs;
  const auto node = parent.optional_node(key);
  if (!node) {
    return pairs;
  }
  MapReader reader(*node, parent.file(), "'" + key + "'");
  for (const auto& name : reader.keys()) {
    const Located value = *optional_scalar(reader, name);
    pairs.emplace_back(name, resolve_login_value(value, script, true));
  }
  return pairs;
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

std::string resolve_login_value(const Located& value,
                                LoginScript& script,
                                bool keep_other_templates) {
  const std::string& raw = value.value;
  std::string resolved;
  for (std::size_t i = 0; i < raw.size();) {
    if (raw.compare(i, 3, "$${") == 0) {
      resolved += keep_other_templates ? "$${" : "${";  // run time unescapes kept templates
      i += 3;
      continue;
    }
    if (raw.compare(i, 2, "${") != 0) {
      resolved += raw[i];
      ++i;
      continue;
    }
    const std::size_t end = raw.find('}', i);
    if (end == std::string::npos) {
      throw LoadError(value.where, "unterminated '${' in a login value (write $${ for '${')");
    }
    const std::string name = raw.substr(i + 2, end - i - 2);
    if (name.rfind("env:", 0) != 0) {
      if (!keep_other_templates) {
        throw LoadError(value.where, "a login value may only use ${env:NAME} (or $${ for '${')");
      }
      require_pattern({name, value.where},
                      "[A-Za-z_][A-Za-z0-9_]*",
                      "login variable name",
                      "letters, digits and '_' (or env:NAME)");
      resolved += raw.substr(i, end + 1 - i);
      i = end + 1;
      continue;
    }
    const Located variable{name.substr(4), value.where};
    require_pattern(
        variable, "[A-Za-z_][A-Za-z0-9_]*", "environment variable name", "letters, digits and '_'");
    const char* text = std::getenv(variable.value.c_str());
    if (text == nullptr && script.unavailable_reason.empty()) {
      script.unavailable_reason = "environment variable " + variable.value + " is not set";
    }
    resolved += text == nullptr ? "" : text;
    if (text != nullptr && *text != '\0') {
      script.secrets.emplace_back(text);
      // A JSON body carries the value escaped ("a\"b"): mask that spelling too.
      const std::string escaped = nlohmann::json(std::string(text)).dump();
      if (escaped.size() > 2 && escaped.substr(1, escaped.size() - 2) != text) {
        script.secrets.push_back(escaped.substr(1, escaped.size() - 2));
      }
    }
    i = end + 1;
  }
  return resolved;
}

void read_browser_login(const YAML::Node& node, const std::string& file, LoginScript& script) {
  MapReader reader(node, file, "browser");
  allow_keys(reader, k_browser_keys);
  BrowserScript& browser = script.browser;
  browser.declared = true;
  browser.where = reader.location();
  browser.timeout_ms = read_bounded(reader, "timeout_ms", browser.timeout_ms, 600000);
  browser.step_timeout_ms =
      read_bounded(reader, "step_timeout_ms", browser.step_timeout_ms, 600000);
  browser.optional_timeout_ms =
      read_bounded(reader, "optional_timeout_ms", browser.optional_timeout_ms, 600000);
  browser.sessions = static_cast<int>(read_bounded(reader, "sessions", browser.sessions, 16));
  for (const std::string key : {"chromium", "chromedriver"}) {
    if (const auto path = optional_scalar(reader, key)) {
      (key == "chromium" ? browser.chromium : browser.chromedriver) =
          path->value.find('/') == std::string::npos ? path->value
                                                     : resolve_path(path->where.file, path->value);
    }
  }
  const YAML::Node steps = reader.required_node("steps");
  if (!steps.IsSequence()) {
    throw LoadError(location_of(steps, file), "'steps' must be a list of browser steps");
  }
  for (const auto& item : steps) {
    browser.steps.push_back(read_browser_step(item, file, script));
  }
  reader.finish();
}

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
