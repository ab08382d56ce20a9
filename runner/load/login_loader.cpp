#include "load/login_loader.hpp"

#include "load/browser_login_loader.hpp"
#include "load/http_login_loader.hpp"
#include "load/positive_int.hpp"

#include <cstdlib>

namespace parity::load {
namespace {

// profiles/README.md, "Login".
const std::vector<std::string> k_login_keys{"max_requests", "forms", "http", "browser"};
const std::vector<std::string> k_login_form_keys{"name", "match", "fill", "submit"};
const std::vector<std::string> k_login_match_keys{
    "form_id", "action_contains", "has_fields", "field_values"};

LoginForm read_login_form(const YAML::Node& node, const std::string& file, LoginScript& script) {
  MapReader reader(node, file, "login form");
  allow_keys(reader, k_login_form_keys);
  LoginForm form;
  form.where = reader.location();
  form.name = optional_scalar(reader, "name").value_or(Located{}).value;
  MapReader match(reader.required_node("match"), file, "match");
  allow_keys(match, k_login_match_keys);
  form.form_id = optional_scalar(match, "form_id").value_or(Located{}).value;
  form.action_contains = optional_scalar(match, "action_contains").value_or(Located{}).value;
  form.has_fields = match.optional_string_list("has_fields");
  form.field_values = read_login_pairs(match, "field_values", nullptr);
  if (form.form_id.empty() && form.action_contains.empty() && form.has_fields.empty() &&
      form.field_values.empty()) {
    throw LoadError(match.location(), "'match' needs at least one condition");
  }
  form.fill = read_login_pairs(reader, "fill", &script);
  form.submit = optional_scalar(reader, "submit").value_or(Located{}).value;
  if (form.name.empty()) {
    form.name = "form " + std::to_string(script.forms.size() + 1);
  }
  return form;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_login_pairs(MapReader& parent,
                                                                  const std::string& key,
                                                                  LoginScript* script,
                                                                  bool keep_other_templates) {
  std::vector<std::pair<std::string, std::string>> pairs;
  const auto node = parent.optional_node(key);
  if (!node) {
    return pairs;
  }
  MapReader reader(*node, parent.file(), "'" + key + "'");
  for (const auto& name : reader.keys()) {
    const Located value = *optional_scalar(reader, name);
    pairs.emplace_back(name,
                       script != nullptr ? resolve_login_value(value, *script, keep_other_templates)
                                         : value.value);
  }
  return pairs;
}

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

// profiles/README.md, "Login": the declarative login and consent automation.
void read_login(MapReader& reader, Profile& profile) {
  const auto node = reader.optional_node("login");
  if (!node) {
    return;
  }
  MapReader login(*node, reader.file(), "login");
  allow_keys(login, k_login_keys);
  LoginScript& script = profile.login;
  script.declared = true;
  script.where = login.location();
  script.max_requests = static_cast<int>(read_positive(login, "max_requests", script.max_requests));
  if (script.max_requests > 100) {
    throw LoadError(login.location_of_key("max_requests"), "'max_requests' must be at most 100");
  }
  if (const auto forms = login.optional_node("forms")) {
    if (!forms->IsSequence()) {
      throw LoadError(location_of(*forms, reader.file()), "'forms' must be a list of form rules");
    }
    for (const auto& item : *forms) {
      script.forms.push_back(read_login_form(item, reader.file(), script));
    }
  }
  if (const auto http = login.optional_node("http")) {
    read_http_login(*http, reader.file(), script);
  }
  if (const auto browser = login.optional_node("browser")) {
    for (const std::string key : {"forms", "http", "max_requests"}) {
      if (login.has(key)) {
        throw LoadError(login.location_of_key(key),
                        "'" + key +
                            "' cannot be combined with 'browser': the browser does the "
                            "whole login");
      }
    }
    read_browser_login(*browser, reader.file(), script);
  }
}

}  // namespace parity::load
