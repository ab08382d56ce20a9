#include "load/suite_loader.hpp"

#include "load/checks.hpp"
#include "load/step_loader.hpp"
#include "load/vars_loader.hpp"
#include "load/yaml_reader.hpp"

#include <algorithm>
#include <utility>

namespace parity::load {
namespace {

const std::vector<std::string> k_suite_keys{"suite", "title", "cases"};
const std::vector<std::string> k_case_keys{
    "id", "title", "requirements", "tags", "requires", "level", "client", "vars", "steps"};
const std::vector<std::string> k_levels{"must", "should", "fapi2"};

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
