#include "load/browser_login_loader.hpp"

#include "load/checks.hpp"
#include "load/login_loader.hpp"

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

}  // namespace

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

}  // namespace parity::load
