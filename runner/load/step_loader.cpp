#include "load/step_loader.hpp"

#include "eval/duration.hpp"
#include "eval/vars.hpp"
#include "load/aggregate_loader.hpp"
#include "load/checks.hpp"
#include "load/expect_loader.hpp"
#include "load/request_loader.hpp"

#include <set>
#include <utility>

namespace parity::load {
namespace {

// "'a', 'b' or 'c'".
std::string quoted_choices(const std::vector<std::string>& choices) {
  std::string text;
  for (std::size_t index = 0; index < choices.size(); ++index) {
    const bool last = index + 1 == choices.size();
    text += (index == 0 ? "" : last ? " or " : ", ") + ("'" + choices[index] + "'");
  }
  return text;
}

// A step's keys: one kind key (core/names.cpp names the kinds), then these.
std::vector<std::string> step_keys() {
  std::vector<std::string> keys = step_kind_names();
  for (const char* key : {"name", "expect", "capture", "repeat", "concurrently", "aggregate"}) {
    keys.emplace_back(key);
  }
  return keys;
}
constexpr long k_max_repeat = 1000;

Text read_wait(const YAML::Node& node, const std::string& file) {
  Text wait = read_text(node, file, "'wait'");
  if (eval::template_names(wait).empty() && wait.raw.find("$${") == std::string::npos &&
      !eval::parse_duration(wait.raw)) {
    throw LoadError(wait.where, "invalid duration '" + wait.raw + "' (e.g. 5s, 1500ms, 30s + 2s)");
  }
  return wait;
}

// Returns the kind key of a step; exactly one must be present.
std::pair<std::string, StepKind> step_kind(MapReader& reader) {
  std::optional<std::pair<std::string, StepKind>> found;
  for (const auto& key : reader.keys()) {  // file order: report the second kind key
    const std::optional<StepKind> kind = parse_step_kind(key);
    if (!kind) {
      continue;
    }
    if (found) {
      throw LoadError(reader.location_of_key(key),
                      "a step has exactly one kind, but '" + found->first + "' and '" + key +
                          "' are both given");
    }
    found = std::make_pair(key, *kind);
  }
  if (!found) {
    throw LoadError(reader.location(), "a step needs one of " + quoted_choices(step_kind_names()));
  }
  return *found;
}

// repeat, concurrently and aggregate (suites/README.md, "Repeated and concurrent steps").
void read_repetition(MapReader& reader, Step& step) {
  if (step.kind == StepKind::wait) {
    for (const std::string key : {"repeat", "concurrently", "aggregate"}) {
      if (reader.has(key)) {
        throw LoadError(reader.location_of_key(key), "a wait step takes no '" + key + "'");
      }
    }
    return;
  }
  const long repeat = reader.optional_int("repeat", 1);
  if (repeat < 1 || repeat > k_max_repeat) {
    throw LoadError(reader.location_of_key("repeat"),
                    "'repeat' must be between 1 and " + std::to_string(k_max_repeat));
  }
  step.repeat = static_cast<int>(repeat);
  step.concurrently = reader.optional_bool("concurrently", false);
  for (const std::string key : {"concurrently", "aggregate"}) {
    if (reader.has(key) && step.repeat < 2) {
      throw LoadError(reader.location_of_key(key), "'" + key + "' needs 'repeat' of 2 or more");
    }
  }
  if (const auto aggregate = reader.optional_node("aggregate")) {
    step.aggregate = read_aggregate(*aggregate, reader.file());
  }
}

Step read_step(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "step");
  allow_keys(reader, step_keys());
  Step step;
  step.where = reader.location();
  const auto [key, kind] = step_kind(reader);
  step.kind = kind;
  const YAML::Node value = *reader.optional_node(key);
  if (kind == StepKind::wait) {
    for (const std::string other : {"expect", "capture"}) {
      if (reader.has(other)) {
        throw LoadError(reader.location_of_key(other), "a wait step takes no '" + other + "'");
      }
    }
    if (value.IsNull()) {
      throw LoadError(reader.location_of_key(key), "'wait' needs a duration such as 5s");
    }
    step.wait = read_wait(value, file);
  } else {
    step.request = read_request(value, file, key);
  }
  if (const auto name = optional_scalar(reader, "name")) {
    step.name = name->value;
  }
  if (const auto expect = reader.optional_node("expect")) {
    step.expect = read_expect(*expect, file);
  }
  if (const auto capture = reader.optional_node("capture")) {
    step.captures = read_captures(*capture, file);
  }
  read_repetition(reader, step);
  return step;
}

// Default names are the kind, made unique with "#2", "#3", …; explicit names must be unique.
void name_steps(std::vector<Step>& steps, const std::vector<bool>& explicit_names) {
  std::set<std::string> used;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    Step& step = steps[i];
    if (explicit_names[i]) {
      if (!used.insert(step.name).second) {
        throw LoadError(step.where, "duplicate step name '" + step.name + "'");
      }
      continue;
    }
    const std::string base{to_string(step.kind)};
    step.name = base;
    for (int n = 2; used.contains(step.name); ++n) {
      step.name = base + "#" + std::to_string(n);
    }
    used.insert(step.name);
  }
}

}  // namespace

std::vector<Step> read_steps(MapReader& reader) {
  const YAML::Node node = reader.required_node("steps");
  if (!node.IsSequence() || node.size() == 0) {
    throw LoadError(location_of(node, reader.file()), "'steps' must be a non-empty list");
  }
  std::vector<Step> steps;
  std::vector<bool> explicit_names;
  for (const auto& item : node) {
    steps.push_back(read_step(item, reader.file()));
    explicit_names.push_back(!steps.back().name.empty());
  }
  name_steps(steps, explicit_names);
  return steps;
}

}  // namespace parity::load
