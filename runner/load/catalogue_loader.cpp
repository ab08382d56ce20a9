#include "load/catalogue_loader.hpp"

#include "load/checks.hpp"
#include "load/level_rule.hpp"
#include "load/yaml_reader.hpp"

#include <map>
#include <set>

namespace parity::load {
namespace {

const std::vector<std::string> k_catalogue_keys{"spec_source", "requirements"};
const std::vector<std::string> k_requirement_keys{"id",
                                                  "spec",
                                                  "section",
                                                  "level",
                                                  "level_text",
                                                  "binds",
                                                  "observable",
                                                  "partial",
                                                  "summary",
                                                  "sources",
                                                  "expected",
                                                  "note",
                                                  "out_of_scope",
                                                  "facets"};
const std::vector<std::string> k_facet_keys{"id", "summary"};
// BCP 14 (RFC 2119, RFC 8174) and ISO keywords, plus the two levels without a keyword.
const std::vector<std::string> k_levels{"MUST",
                                        "MUST NOT",
                                        "SHALL",
                                        "SHALL NOT",
                                        "SHOULD",
                                        "SHOULD NOT",
                                        "MAY",
                                        "REQUIRED",
                                        "RECOMMENDED",
                                        "OPTIONAL",
                                        "IMPLICIT",
                                        "INFORMATIVE",
                                        "CHECK"};
const std::vector<std::string> k_observation_points{"PAR", "AUTHZ", "TOKEN", "META"};

std::vector<std::string> read_observable(MapReader& reader) {
  std::vector<std::string> points;
  std::set<std::string> seen;
  for (const Located& point : optional_scalar_list(reader, "observable")) {
    require_choice(point, k_observation_points, "observation point");
    if (!seen.insert(point.value).second) {
      throw LoadError(point.where, "observation point '" + point.value + "' is listed twice");
    }
    points.push_back(point.value);
  }
  return points;
}

/// A facet list: each facet an id (lowercase words joined by '-') and a one-line summary,
/// ids unique within the requirement.
std::vector<Facet> read_facets(MapReader& reader) {
  std::vector<Facet> facets;
  const auto list = reader.optional_node("facets");
  if (!list) {
    return facets;
  }
  if (!list->IsSequence() || list->size() < 2) {
    throw LoadError(location_of(*list, reader.file()),
                    "'facets' must be a list of at least two facets (a requirement of one piece "
                    "has none)");
  }
  std::set<std::string> seen;
  for (const auto& node : *list) {
    MapReader facet_reader(node, reader.file(), "facet");
    allow_keys(facet_reader, k_facet_keys);
    const Located id = required_scalar(facet_reader, "id");
    require_pattern(id, "[a-z0-9]+(-[a-z0-9]+)*", "facet id", "lowercase words joined by '-'");
    if (!seen.insert(id.value).second) {
      throw LoadError(id.where, "facet '" + id.value + "' is listed twice");
    }
    facets.push_back(
        Facet{id.value, required_scalar(facet_reader, "summary").value, facet_reader.location()});
  }
  return facets;
}

std::string optional_string(MapReader& reader, const std::string& key) {
  const auto value = optional_scalar(reader, key);
  return value ? value->value : std::string();
}

Requirement read_requirement(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "requirement");
  allow_keys(reader, k_requirement_keys);
  Requirement requirement;
  requirement.where = reader.location();
  const Located id = required_scalar(reader, "id");
  require_pattern(id, "\\S+", "requirement id", "no spaces");
  requirement.id = id.value;
  requirement.spec = required_scalar(reader, "spec").value;
  requirement.section = required_scalar(reader, "section").value;
  const Located level = required_scalar(reader, "level");
  require_choice(level, k_levels, "level");
  requirement.level = level.value;
  const auto level_text = optional_scalar(reader, "level_text");
  requirement.level_text = level_text ? level_text->value : level.value;
  if (const auto binds = optional_scalar(reader, "binds")) {
    requirement.binds = binds->value;
  }
  requirement.observable = read_observable(reader);
  requirement.partial = reader.optional_bool("partial", false);
  requirement.summary = required_scalar(reader, "summary").value;
  requirement.sources = optional_string(reader, "sources");
  requirement.expected = optional_string(reader, "expected");
  requirement.note = optional_string(reader, "note");
  requirement.out_of_scope = optional_string(reader, "out_of_scope");
  requirement.facets = read_facets(reader);
  return requirement;
}

void read_catalogue_file(const std::string& path,
                         std::vector<Requirement>& catalogue,
                         SeenIds& seen) {
  MapReader reader(parse_yaml_file(path), path, "requirement catalogue");
  allow_keys(reader, k_catalogue_keys);
  optional_scalar(reader, "spec_source");
  const YAML::Node list = reader.required_node("requirements");
  if (!list.IsSequence() || list.size() == 0) {
    throw LoadError(location_of(list, path), "'requirements' must be a non-empty list");
  }
  for (const auto& item : list) {
    Requirement requirement = read_requirement(item, path);
    require_unique_id(seen, "requirement", requirement.id, requirement.where);
    catalogue.push_back(std::move(requirement));
  }
}

}  // namespace

std::vector<Requirement> load_catalogue(const std::string& path) {
  std::vector<Requirement> catalogue;
  SeenIds seen;
  for (const std::string& file : yaml_files(path)) {
    read_catalogue_file(file, catalogue, seen);
  }
  return catalogue;
}

std::vector<LoadError> unknown_requirement_ids(const std::vector<Suite>& suites,
                                               const std::vector<Requirement>& catalogue) {
  std::vector<std::string> ids;
  ids.reserve(catalogue.size());
  for (const Requirement& requirement : catalogue) {
    ids.push_back(requirement.id);
  }
  const std::set<std::string> known(ids.begin(), ids.end());
  std::vector<LoadError> errors;
  for (const Suite& suite : suites) {
    for (const Case& kase : suite.cases) {
      for (std::size_t i = 0; i < kase.requirements.size(); ++i) {
        const std::string& id = kase.requirements[i];
        if (known.contains(id)) {
          continue;
        }
        std::string message = "requirement '" + id + "' is not in the requirement catalogue";
        const std::string close = suggest(id, ids);
        if (!close.empty()) {
          message += " (did you mean '" + close + "'?)";
        }
        const bool located = i < kase.requirement_locations.size();
        errors.emplace_back(located ? kase.requirement_locations[i] : kase.where, message);
      }
    }
  }
  return errors;
}

void check_requirement_ids(const std::vector<Suite>& suites,
                           const std::vector<Requirement>& catalogue) {
  std::vector<LoadError> errors = unknown_requirement_ids(suites, catalogue);
  if (errors.empty()) {
    errors = case_level_errors(suites, catalogue);
  }
  if (!errors.empty()) {
    throw LoadError(errors.front().where(), errors.front().message());
  }
}

}  // namespace parity::load
