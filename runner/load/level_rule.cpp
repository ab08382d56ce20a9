#include "load/level_rule.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace parity::load {
namespace {

/// FAPI 2.0 Security Profile rows bind only servers that claim FAPI 2.0.
bool is_fapi2_rule(const Requirement& requirement) {
  return requirement.spec == "FAPI 2.0";
}

/// "RFC9101-4-d (MUST NOT, binds C (AS rejects))".
std::string describe(const Requirement& requirement) {
  return requirement.id + " (" + requirement.level + ", binds " +
         (requirement.binds.empty() ? "nobody named" : requirement.binds) + ")";
}

std::string describe_all(const std::vector<const Requirement*>& cited) {
  std::string text;
  for (const Requirement* requirement : cited) {
    text += (text.empty() ? "" : ", ") + describe(*requirement);
  }
  return text;
}

SourceLocation level_location(const Case& kase) {
  if (kase.level_where.line > 0) {
    return kase.level_where;
  }
  return kase.requirement_locations.empty() ? kase.where : kase.requirement_locations.front();
}

/// The error for `kase`, or an empty string when its level is justified by `cited`.
std::string level_problem(const Case& kase, const std::vector<const Requirement*>& cited) {
  const auto absolute = [](const Requirement* r) {
    return r->is_absolute_server_rule();
  };
  const auto absolute_outside_fapi2 = [](const Requirement* r) {
    return r->is_absolute_server_rule() && !is_fapi2_rule(*r);
  };
  const std::string name = "case '" + kase.full_id() + "'";
  if (kase.must_under_fapi2) {
    if (std::none_of(cited.begin(), cited.end(), [](const Requirement* r) {
          return is_fapi2_rule(*r) || r->is_peer_check();
        })) {
      return name + " is level fapi2 but cites no FAPI 2.0 or peer-checklist row (" +
             describe_all(cited) + "); level fapi2 is for those expectations";
    }
    if (std::none_of(cited.begin(), cited.end(), absolute)) {
      return name + " is level fapi2 but none of its requirements binds the server at an " +
             "absolute level (" + describe_all(cited) + "); make it 'level: should'";
    }
    return "";
  }
  if (kase.level == Level::should ||
      std::any_of(cited.begin(), cited.end(), absolute_outside_fapi2)) {
    return "";
  }
  if (std::any_of(cited.begin(), cited.end(), absolute)) {
    return name + " is level must but its only absolute server rules are FAPI 2.0 rules (" +
           describe_all(cited) + "), which bind only profiles that declare fapi2; make it " +
           "'level: fapi2'";
  }
  return name + " is level must but none of its requirements binds the server at an " +
         "absolute level (" + describe_all(cited) + "); make it 'level: should', or cite the " +
         "server rule that makes the server reject";
}

}  // namespace

std::vector<LoadError> case_level_errors(const std::vector<Suite>& suites,
                                         const std::vector<Requirement>& catalogue) {
  std::map<std::string, const Requirement*> by_id;
  for (const Requirement& requirement : catalogue) {
    by_id[requirement.id] = &requirement;
  }
  std::vector<LoadError> errors;
  for (const Suite& suite : suites) {
    for (const Case& kase : suite.cases) {
      std::vector<const Requirement*> cited;
      for (const std::string& id : kase.requirements) {
        const auto found = by_id.find(id);
        if (found != by_id.end()) {
          cited.push_back(found->second);
        }
      }
      if (cited.size() != kase.requirements.size()) {
        continue;  // unknown_requirement_ids reports the unknown ids first
      }
      const std::string problem = level_problem(kase, cited);
      if (!problem.empty()) {
        errors.emplace_back(level_location(kase), problem);
      }
    }
  }
  return errors;
}

}  // namespace parity::load
