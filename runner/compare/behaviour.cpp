#include "compare/behaviour.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace parity::compare {
namespace {

/// Observed keys that are compared, in display order ("response" is derived).
constexpr std::array k_compared{
    "status", "response", "error", "expires_in", "alternative", "repetitions"};
/// Observed keys that are only shown.
constexpr std::array k_shown{"error_description", "redirect_to", "content_type"};

/// The observed map with the derived keys: "response" (redirect or page) and "redirect_to".
std::map<std::string, std::string> normalized(const StepResult& step) {
  std::map<std::string, std::string> facts = step.observed;
  const auto redirect = facts.find("redirect");
  if (redirect != facts.end()) {
    facts["redirect_to"] = redirect->second;
    facts.erase(redirect);
    facts["response"] = "redirect";
  } else if (step.kind == StepKind::authorize && facts.count("status") > 0) {
    facts["response"] = "page";
  }
  facts.erase("error_page");
  return facts;
}

bool is_concurrent(const std::map<std::string, std::string>& facts) {
  const auto found = facts.find("repetitions");
  return found != facts.end() && found->second.find("concurrent") != std::string::npos;
}

bool is_shown_only(const std::string& name) {
  return std::find(k_shown.begin(), k_shown.end(), name) != k_shown.end();
}

}  // namespace

std::vector<StepBehaviour> behaviour_of(const CaseResult& result) {
  std::vector<StepBehaviour> out;
  for (const StepResult& step : result.steps) {
    if (step.observed.empty()) {
      continue;
    }
    std::map<std::string, std::string> facts = normalized(step);
    StepBehaviour behaviour{step.name, std::string(to_string(step.kind)), {}};
    // A step repeated concurrently observes its lowest-numbered repetition, and which one
    // wins the race is chance: only the repetition count is compared.
    const bool racy = is_concurrent(facts);
    for (const char* name : k_compared) {
      if (const auto found = facts.find(name); found != facts.end()) {
        behaviour.facts.push_back({name, found->second, !racy || found->first == "repetitions"});
        facts.erase(found);
      }
    }
    for (const char* name : k_shown) {
      if (const auto found = facts.find(name); found != facts.end()) {
        behaviour.facts.push_back({name, found->second, false});
        facts.erase(found);
      }
    }
    // Keys this version does not know yet are compared: new observations are meant to be.
    for (auto& [name, value] : facts) {
      behaviour.facts.push_back({name, value, !racy});
    }
    out.push_back(std::move(behaviour));
  }
  return out;
}

std::string behaviour_key(const std::vector<StepBehaviour>& steps, bool with_lifetime) {
  std::string key;
  for (const StepBehaviour& step : steps) {
    key += step.step + '\x1f' + step.kind;
    for (const Fact& fact : step.facts) {
      if (fact.compared && (with_lifetime || fact.name != "expires_in")) {
        key += '\x1f' + fact.name + '=' + fact.value;
      }
    }
    key += '\x1e';
  }
  return key;
}

std::string behaviour_text(const std::vector<StepBehaviour>& steps) {
  std::string text;
  for (const StepBehaviour& step : steps) {
    std::string part;
    for (const Fact& fact : step.facts) {
      if (is_shown_only(fact.name)) {
        continue;
      }
      const bool bare = fact.name == "status" || fact.name == "response" || fact.name == "error";
      part += (part.empty() ? "" : ", ") + (bare ? fact.value : fact.name + " " + fact.value);
    }
    if (!part.empty()) {
      text += (text.empty() ? "" : "; ") + step.step + ": " + part;
    }
  }
  return text;
}

std::string fact_value(const StepBehaviour& step, const std::string& name) {
  for (const Fact& fact : step.facts) {
    if (fact.name == name) {
      return fact.value;
    }
  }
  return "";
}

}  // namespace parity::compare
