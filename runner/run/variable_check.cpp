#include "run/variable_check.hpp"

#include "core/suggest.hpp"
#include "eval/evaluate.hpp"
#include "eval/vars.hpp"
#include "run/step_defaults.hpp"

#include <algorithm>
#include <set>

namespace parity::run {
namespace {

constexpr std::string_view k_policy_prefix = "policy.";

// Tracks the names defined so far while walking a case in execution order.
class NameChecker {
 public:
  explicit NameChecker(const Profile& profile) : m_profile(profile) {
    for (const std::string& name : builtin_variables()) {
      define(name);
    }
  }

  void define(const std::string& name) { m_defined.insert(name); }

  // `applies`: false for expectation blocks that do not apply to the profile, whose policy
  // references therefore cannot make the case unrunnable.
  void check(const Text& text, bool applies = true) {
    for (const std::string& name : eval::template_names(text)) {
      if (name.rfind(k_policy_prefix, 0) == 0) {
        note_policy(name.substr(k_policy_prefix.size()), applies);
      } else if (m_defined.count(name) == 0) {
        throw LoadError(text.where, undefined_message(name));
      }
    }
  }

  void check_pairs(const TextPairs& pairs) {
    for (const auto& pair : pairs) {
      check(pair.second);
    }
  }

  void check_json(const nlohmann::json& value, const SourceLocation& where, bool applies) {
    if (value.is_string()) {
      check(Text{value.get<std::string>(), where}, applies);
    }
    if (value.is_structured()) {
      for (const auto& element : value) {
        check_json(element, where, applies);
      }
    }
  }

  std::vector<std::string> missing_policies() const { return m_missing; }

 private:
  void note_policy(const std::string& policy, bool applies) {
    if (applies && m_profile.policies.count(policy) == 0 &&
        std::find(m_missing.begin(), m_missing.end(), policy) == m_missing.end()) {
      m_missing.push_back(policy);
    }
  }

  std::string undefined_message(const std::string& name) const {
    std::vector<std::string> candidates(m_defined.begin(), m_defined.end());
    for (const auto& [policy, value] : m_profile.policies) {
      candidates.push_back(std::string(k_policy_prefix) + policy);
    }
    std::string message = "undefined variable '" + name + "'";
    const std::string suggestion = suggest(name, candidates);
    if (!suggestion.empty()) {
      message += " (did you mean '" + suggestion + "'?)";
    }
    return message;
  }

  const Profile& m_profile;
  std::set<std::string> m_defined;
  std::vector<std::string> m_missing;
};

void check_block(NameChecker& checker, const ExpectBlock& block, bool applies) {
  for (const std::vector<Assertion>* list : {&block.when, &block.assertions}) {
    for (const Assertion& assertion : *list) {
      for (const Predicate& predicate : assertion.predicates) {
        checker.check_json(predicate.operand, predicate.where, applies);
      }
    }
  }
  for (const ExpectBlock& alternative : block.any_of) {
    check_block(checker, alternative, applies);
  }
}

void check_request(NameChecker& checker, const Step& step) {
  const RequestSpec& spec = step.request;
  Client any_client;
  any_client.scope = "scope";  // so that every default that may be sent is checked
  for (const auto& [name, text] : default_params(step.kind, any_client, step.where)) {
    if (!replaces_default(spec, name)) {
      checker.check(text);
    }
  }
  checker.check_pairs(spec.params);
  checker.check_pairs(spec.query);
  checker.check_pairs(spec.headers);
  for (const std::optional<Text>* text : {&spec.body,
                                          &spec.url,
                                          &spec.assertion.iss,
                                          &spec.assertion.sub,
                                          &spec.assertion.aud,
                                          &spec.assertion.jti,
                                          &spec.assertion.client_assertion_type,
                                          &spec.secret}) {
    if (*text) {
      checker.check(**text);
    }
  }
}

void check_step(NameChecker& checker, const Step& step, const Profile& profile) {
  if (step.kind == StepKind::wait) {
    checker.check(step.wait);
  } else {
    check_request(checker, step);
  }
  const ExpectBlock* chosen = eval::choose_block(step.expect, profile);
  for (const ExpectBlock& block : step.expect) {
    check_block(checker, block, &block == chosen);
  }
  for (const Capture& capture : step.captures) {
    checker.define(capture.name);
  }
}

}  // namespace

const std::vector<std::string>& builtin_variables() {
  static const std::vector<std::string> k_builtins = {"issuer",
                                                      "endpoints.par",
                                                      "endpoints.authorization",
                                                      "endpoints.token",
                                                      "metadata_url",
                                                      "client.id",
                                                      "client.redirect_uri",
                                                      "client.scope",
                                                      "client.name",
                                                      "state",
                                                      "nonce",
                                                      "pkce.verifier",
                                                      "pkce.challenge",
                                                      "now"};
  return k_builtins;
}

std::vector<std::string> check_case_variables(const Case& spec, const Profile& profile) {
  NameChecker checker(profile);
  for (const VarSpec& var : spec.vars) {
    if (var.kind == VarSpec::Kind::literal) {
      checker.check(var.value);
    }
    checker.define(var.name);
  }
  for (const Step& step : spec.steps) {
    check_step(checker, step, profile);
  }
  return checker.missing_policies();
}

}  // namespace parity::run
