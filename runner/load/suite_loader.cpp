#include "load/suite_loader.hpp"

#include "crypto/error.hpp"
#include "crypto/key.hpp"
#include "eval/aggregate.hpp"
#include "eval/duration.hpp"
#include "eval/predicate.hpp"
#include "eval/vars.hpp"
#include "load/checks.hpp"
#include "load/expect_loader.hpp"
#include "load/request_loader.hpp"
#include "load/yaml_reader.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

namespace parity::load {
namespace {

constexpr std::array<std::pair<const char*, StepKind>, 5> k_step_kinds{{
    {"push", StepKind::push},
    {"authorize", StepKind::authorize},
    {"token", StepKind::token},
    {"discover", StepKind::discover},
    {"wait", StepKind::wait},
}};
const std::vector<std::string> k_suite_keys{"suite", "title", "cases"};
const std::vector<std::string> k_case_keys{
    "id", "title", "requirements", "tags", "requires", "level", "client", "vars", "steps"};
const std::vector<std::string> k_step_keys{"push",
                                           "authorize",
                                           "token",
                                           "discover",
                                           "wait",
                                           "name",
                                           "expect",
                                           "capture",
                                           "repeat",
                                           "concurrently",
                                           "aggregate"};
const std::vector<std::string> k_aggregate_selectors{
    "count", "present:", "distinct:", "entropy_bits:"};
const std::vector<std::string> k_aggregate_predicates{
    "equals", "not_equals", "one_of", "between", "at_least", "at_most"};
constexpr long k_max_repeat = 1000;
const std::vector<std::string> k_levels{"must", "should", "fapi2"};
constexpr int k_max_random_length = 4096;

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
    const auto* kind = std::find_if(k_step_kinds.begin(),
                                    k_step_kinds.end(),
                                    [&](const auto& entry) { return key == entry.first; });
    if (kind == k_step_kinds.end()) {
      continue;
    }
    if (found) {
      throw LoadError(reader.location_of_key(key),
                      "a step has exactly one kind, but '" + found->first + "' and '" + key +
                          "' are both given");
    }
    found = std::make_pair(key, kind->second);
  }
  if (!found) {
    throw LoadError(reader.location(),
                    "a step needs one of 'push', 'authorize', 'token', 'discover' or 'wait'");
  }
  return *found;
}

[[noreturn]] void bad_aggregate_operand(const Predicate& predicate, const std::string& shape) {
  throw LoadError(predicate.where,
                  std::string(eval::to_string(predicate.op)) + " in 'aggregate' needs " + shape);
}

void check_aggregate_operand(const Predicate& predicate) {
  const nlohmann::json& operand = predicate.operand;
  const auto all_integers = [](const nlohmann::json& list) {
    return std::all_of(
        list.begin(), list.end(), [](const auto& v) { return v.is_number_integer(); });
  };
  switch (predicate.op) {
    case Predicate::Op::one_of:
      if (!operand.is_array() || operand.empty() || !all_integers(operand)) {
        bad_aggregate_operand(predicate, "a non-empty list of integers");
      }
      return;
    case Predicate::Op::between:
      if (!operand.is_array() || operand.size() != 2 || !all_integers(operand) ||
          operand[0].get<long long>() > operand[1].get<long long>()) {
        bad_aggregate_operand(predicate, "a list of two integers [min, max] with min <= max");
      }
      return;
    default:
      if (!operand.is_number_integer()) {
        bad_aggregate_operand(predicate, "an integer");
      }
  }
}

Predicate read_aggregate_predicate(const Located& name,
                                   const YAML::Node& operand,
                                   const std::string& file) {
  require_choice(name, k_aggregate_predicates, "aggregate predicate");
  Predicate predicate{*eval::parse_predicate_op(name.value),
                      to_json(operand),
                      operand.IsNull() ? name.where : location_of(operand, file)};
  check_aggregate_operand(predicate);
  return predicate;
}

Assertion read_aggregate_assertion(const Located& selector,
                                   const YAML::Node& value,
                                   const std::string& file) {
  if (!eval::parse_aggregate_selector(selector.value)) {
    const std::string prefix = selector.value.substr(0, selector.value.find(':') + 1);
    const std::string close = suggest(prefix, k_aggregate_selectors);
    throw LoadError(selector.where,
                    "invalid aggregate selector '" + selector.value +
                        "' (count, present:<selector>, distinct:<selector> or "
                        "entropy_bits:<selector>" +
                        (close.empty() ? "" : "; did you mean '" + close + "…'?") + ")");
  }
  Assertion assertion{selector.value, {}, selector.where};
  if (!value.IsMap()) {
    const Located name{value.IsSequence() ? "one_of" : "equals", selector.where};
    assertion.predicates.push_back(read_aggregate_predicate(name, value, file));
    return assertion;
  }
  MapReader reader(value, file, "predicates of '" + selector.value + "'");
  for (const auto& key : reader.keys()) {
    const Located name{key, reader.location_of_key(key)};
    assertion.predicates.push_back(
        read_aggregate_predicate(name, *reader.optional_node(key), file));
  }
  if (assertion.predicates.empty()) {
    throw LoadError(reader.location(), "'" + selector.value + "' needs at least one predicate");
  }
  return assertion;
}

std::vector<Assertion> read_aggregate(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "aggregate");
  std::vector<Assertion> aggregate;
  for (const auto& key : reader.keys()) {
    aggregate.push_back(read_aggregate_assertion(
        {key, reader.location_of_key(key)}, *reader.optional_node(key), file));
  }
  if (aggregate.empty()) {
    throw LoadError(reader.location(), "'aggregate' needs at least one selector");
  }
  return aggregate;
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
  allow_keys(reader, k_step_keys);
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

// RFC 7638: `{ thumbprint: <pem path> }`, the JWK thumbprint of a key file (public or private).
VarSpec read_thumbprint_var(const Located& name, MapReader& reader) {
  const Located path = required_scalar(reader, "thumbprint");
  const std::string resolved = resolve_path(reader.file(), path.value);
  require_file(resolved, path.where);
  try {
    crypto::Key::from_pem_file(resolved);
  } catch (const crypto::CryptoError& e) {
    throw LoadError(path.where, std::string("cannot load key: ") + e.what());
  }
  return VarSpec{name.value, VarSpec::Kind::thumbprint, Text{resolved, path.where}, 0, name.where};
}

VarSpec read_generated_var(const Located& name, const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "variable '" + name.value + "'");
  allow_keys(reader, {"random", "pkce_verifier", "thumbprint"});
  VarSpec var{name.value, VarSpec::Kind::literal, {}, 0, name.where};
  const int kinds = static_cast<int>(reader.has("random")) +
                    static_cast<int>(reader.has("pkce_verifier")) +
                    static_cast<int>(reader.has("thumbprint"));
  if (kinds != 1) {
    throw LoadError(reader.location(),
                    "variable '" + name.value +
                        "' needs exactly one of 'random', 'pkce_verifier' or 'thumbprint'");
  }
  if (reader.has("thumbprint")) {
    return read_thumbprint_var(name, reader);
  }
  if (reader.has("random")) {
    var.kind = VarSpec::Kind::random;
    const long length = *reader.optional_int("random");
    if (length < 1 || length > k_max_random_length) {
      throw LoadError(reader.location_of_key("random"),
                      "'random' must be between 1 and " + std::to_string(k_max_random_length));
    }
    var.length = static_cast<int>(length);
  } else {
    if (!reader.optional_bool("pkce_verifier", false)) {
      throw LoadError(reader.location_of_key("pkce_verifier"), "'pkce_verifier' must be true");
    }
    var.kind = VarSpec::Kind::pkce_verifier;
  }
  return var;
}

std::vector<VarSpec> read_vars(MapReader& kase) {
  const auto node = kase.optional_node("vars");
  if (!node) {
    return {};
  }
  MapReader reader(*node, kase.file(), "vars");
  std::vector<VarSpec> vars;
  for (const auto& name : reader.keys()) {
    const Located located{name, reader.location_of_key(name)};
    check_variable_name(located);
    const YAML::Node value = *reader.optional_node(name);
    if (value.IsMap()) {
      vars.push_back(read_generated_var(located, value, kase.file()));
    } else if (value.IsScalar()) {
      vars.push_back({name,
                      VarSpec::Kind::literal,
                      read_text(value, kase.file(), "'" + name + "'"),
                      0,
                      located.where});
    } else {
      throw LoadError(value.IsNull() ? located.where : location_of(value, kase.file()),
                      "variable '" + name +
                          "' must be a string, { random: N }, { pkce_verifier: true } or { "
                          "thumbprint: <pem> }");
    }
  }
  return vars;
}

// Whether each id is in the catalogue is checked later (check_requirement_ids).
void read_requirements(MapReader& reader, Case& kase) {
  reader.required_node("requirements");
  const auto ids = optional_scalar_list(reader, "requirements");
  if (ids.empty()) {
    throw LoadError(reader.location_of_key("requirements"),
                    "a case needs at least one requirement");
  }
  for (const auto& id : ids) {
    require_pattern(id,
                    "[A-Z][A-Za-z0-9]*-[A-Za-z0-9./\\-]+",
                    "requirement id",
                    "a catalogue id such as RFC9126-2.2-a");
    kase.requirements.push_back(id.value);
    kase.requirement_locations.push_back(id.where);
  }
}

void read_case_meta(MapReader& reader, Case& kase) {
  kase.tags = reader.optional_string_list("tags");
  for (const auto& capability : optional_scalar_list(reader, "requires")) {
    check_capability(capability);
    kase.required_capabilities.push_back(capability.value);
  }
  if (const auto level = optional_scalar(reader, "level")) {
    require_choice(*level, k_levels, "level");
    kase.level = level->value == "must" ? Level::must : Level::should;
    kase.must_under_fapi2 = level->value == "fapi2";
    kase.level_where = level->where;
  }
  if (const auto client = optional_scalar(reader, "client")) {
    check_client_selector(*client);
    kase.client = client->value;
  }
}

// suites/README.md, "Completing an authorization": in a case that requires `login`, authorize
// steps complete the login unless they say `login: false`; a `login: true` step requires it.
void resolve_login_steps(Case& kase) {
  std::vector<std::string>& capabilities = kase.required_capabilities;
  const bool requires_login =
      std::find(capabilities.begin(), capabilities.end(), "login") != capabilities.end();
  bool any = false;
  for (Step& step : kase.steps) {
    if (step.kind == StepKind::authorize) {
      step.request.login = step.request.login.value_or(requires_login);
      any = any || *step.request.login;
    }
  }
  if (any && !requires_login) {
    capabilities.emplace_back("login");
  }
}

struct LoadedCase {
  Case kase;
  SourceLocation id_where;
};

LoadedCase read_case(const YAML::Node& node, const std::string& file, const std::string& suite_id) {
  MapReader reader(node, file, "case");
  allow_keys(reader, k_case_keys);
  LoadedCase loaded;
  Case& kase = loaded.kase;
  kase.where = reader.location();
  kase.suite = suite_id;
  const Located id = required_scalar(reader, "id");
  require_pattern(id, "[a-z0-9_]+", "case id", "lowercase letters, digits and '_'");
  kase.id = id.value;
  loaded.id_where = id.where;
  kase.title = required_scalar(reader, "title").value;
  read_requirements(reader, kase);
  read_case_meta(reader, kase);
  kase.vars = read_vars(reader);
  kase.steps = read_steps(reader);
  resolve_login_steps(kase);
  return loaded;
}

struct LoadedSuite {
  Suite suite;
  SourceLocation id_where;
};

LoadedSuite read_suite(const std::string& path) {
  MapReader reader(parse_yaml_file(path), path, "suite");
  allow_keys(reader, k_suite_keys);
  LoadedSuite loaded;
  Suite& suite = loaded.suite;
  suite.file = path;
  const Located id = required_scalar(reader, "suite");
  require_pattern(id, "[a-z0-9_.]+", "suite id", "lowercase letters, digits, '_' and '.'");
  suite.id = id.value;
  loaded.id_where = id.where;
  suite.title = required_scalar(reader, "title").value;
  const YAML::Node cases = reader.required_node("cases");
  if (!cases.IsSequence() || cases.size() == 0) {
    throw LoadError(location_of(cases, path), "'cases' must be a non-empty list");
  }
  SeenIds seen;
  for (const auto& item : cases) {
    LoadedCase loaded_case = read_case(item, path, suite.id);
    require_unique_id(seen, "case", loaded_case.kase.id, loaded_case.id_where);
    suite.cases.push_back(std::move(loaded_case.kase));
  }
  return loaded;
}

}  // namespace

Suite load_suite(const std::string& path) {
  return read_suite(path).suite;
}

std::vector<Suite> load_suites(const std::vector<std::string>& paths) {
  std::vector<Suite> suites;
  SeenIds seen;
  for (const auto& path : paths) {
    for (const auto& file : yaml_files(path)) {
      LoadedSuite loaded = read_suite(file);
      require_unique_id(seen, "suite", loaded.suite.id, loaded.id_where);
      suites.push_back(std::move(loaded.suite));
    }
  }
  return suites;
}

}  // namespace parity::load
