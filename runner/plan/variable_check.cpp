#include "plan/variable_check.hpp"

#include "core/profile_vocabulary.hpp"
#include "core/suggest.hpp"
#include "eval/evaluate.hpp"
#include "eval/vars.hpp"
#include "plan/step_defaults.hpp"

#include <algorithm>
#include <set>

namespace parity::run {
namespace {

constexpr std::string_view k_policy_prefix = "policy.";
constexpr std::string_view k_dpop_jkt = "dpop.jkt";

// Tracks the names defined so far while walking a case in execution order.
class NameChecker {
 public:
  explicit NameChecker(const Profile& profile) : m_profile(profile) {
    for (const std::string& name : builtin_variables()) {
      define(name);
    }
    for (const auto& [name, value] : profile.variables) {
      define(name);  // --variable NAME=VALUE
    }
  }

  void define(const std::string& name) { m_defined.insert(name); }

  // `applies`: false for expectation blocks that do not apply to the profile, whose policy
  // references therefore cannot make the case unrunnable.
  void check(const Text& text, bool applies = true) {
    for (const std::string& name : eval::template_names(text)) {
      m_uses_dpop_jkt = m_uses_dpop_jkt || name == k_dpop_jkt;
      if (name.rfind(k_policy_prefix, 0) == 0) {
        const std::string policy = name.substr(k_policy_prefix.size());
        if (find_policy(policy) == nullptr) {
          std::string message = "unknown policy '" + policy + "'";
          const std::string close = suggest(policy, policy_names());
          if (!close.empty()) {
            message += " (did you mean '" + close + "'?)";
          }
          throw LoadError(text.where, message);
        }
        note_policy(policy, applies);
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

  void check_optional(const std::optional<Text>& text) {
    if (text) {
      check(*text);
    }
  }

  void check_claims(const std::vector<ClaimOverride>& claims) {
    for (const ClaimOverride& claim : claims) {
      check_json(claim.value, claim.where, true);
    }
  }

  std::vector<std::string> missing_policies() const { return m_missing; }
  bool uses_dpop_jkt() const { return m_uses_dpop_jkt; }

 private:
  void note_policy(const std::string& policy, bool applies) {
    if (applies && !m_profile.policies.contains(policy) &&
        !m_profile.variables.contains(std::string(k_policy_prefix) + policy) &&
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
  bool m_uses_dpop_jkt = false;
};

void check_predicates(NameChecker& checker,
                      const std::vector<Predicate>& predicates,
                      bool applies) {
  for (const Predicate& predicate : predicates) {
    checker.check_json(predicate.operand, predicate.where, applies);
  }
}

void check_block(NameChecker& checker, const ExpectBlock& block, bool applies) {
  for (const Condition& condition : block.when) {
    check_predicates(checker, condition.predicates, applies);
  }
  for (const Assertion& assertion : block.assertions) {
    check_predicates(checker, assertion.predicates, applies);
  }
  for (const ExpectBlock& alternative : block.any_of) {
    check_block(checker, alternative, applies);
  }
}

void check_request(NameChecker& checker, const Step& step) {
  const RequestSpec& spec = step.request;
  Client any_client;
  any_client.scope = "scope";  // so that every default that may be sent is checked
  for (const auto& [name, text] :
       default_params(parameter_defaults_kind(step), any_client, step.where)) {
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
    checker.check_optional(*text);
  }
  if (spec.request_object) {
    checker.check_claims(spec.request_object->claims);
    checker.check_pairs(spec.request_object->outer);
  }
  if (const auto& dpop = spec.dpop) {
    for (const std::optional<Text>* text :
         {&dpop->htm, &dpop->htu, &dpop->jti, &dpop->nonce, &dpop->ath, &dpop->raw}) {
      checker.check_optional(*text);
    }
    checker.check_claims(dpop->claims);
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
                                                      "now",
                                                      "dpop.jkt"};
  return k_builtins;
}

namespace {

void walk_case(NameChecker& checker, const Case& spec, const Profile& profile) {
  for (const VarSpec& var : spec.vars) {
    if (var.kind == VarSpec::Kind::literal) {
      checker.check(var.value);
    }
    checker.define(var.name);
  }
  for (const Step& step : spec.steps) {
    check_step(checker, step, profile);
  }
}

}  // namespace

std::vector<std::string> check_case_variables(const Case& spec, const Profile& profile) {
  NameChecker checker(profile);
  walk_case(checker, spec, profile);
  return checker.missing_policies();
}

std::string dpop_skip_reason(const Case& spec, const Profile& profile) {
  if (!profile.dpop_key.empty()) {
    return "";
  }
  const std::string reason = "profile has no dpop_key (RFC 9449 DPoP proofs need one)";
  for (const Step& step : spec.steps) {
    const auto& dpop = step.request.dpop;
    if (dpop && !dpop->raw && !dpop->key_path) {
      return reason;
    }
  }
  NameChecker checker(profile);
  walk_case(checker, spec, profile);
  return checker.uses_dpop_jkt() ? reason : "";
}

}  // namespace parity::run
