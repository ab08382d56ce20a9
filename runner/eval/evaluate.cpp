#include "eval/evaluate.hpp"

#include "eval/json_text.hpp"
#include "eval/predicate.hpp"
#include "eval/selector.hpp"

#include <algorithm>

namespace parity::eval {
namespace {

using nlohmann::json;

/// What every check of one step is evaluated against.
struct Context {
  const Profile& profile;
  const http::Exchange& exchange;
  const Vars& vars;
};

/// Operand as shown in a description: a string as written, anything else as JSON.
std::string operand_text(const json& operand) {
  return truncate_text(operand.is_string() ? operand.get<std::string>() : display_json(operand));
}

bool is_digits(const std::string& text) {
  return !text.empty() && text.size() <= 3 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// suites/README.md: "201" ≠ 201 except for `status`, whose operands may be rendered templates.
json status_operand(const json& operand) {
  if (operand.is_string() && is_digits(operand.get<std::string>())) {
    return std::stoi(operand.get<std::string>());
  }
  if (operand.is_array()) {
    json out = json::array();
    for (const auto& element : operand) {
      out.push_back(status_operand(element));
    }
    return out;
  }
  return operand;
}

bool when_holds(const std::vector<Condition>& when, const Profile& profile) {
  for (const Condition& condition : when) {
    const auto value = select_profile(condition.selector, profile);
    for (const Predicate& predicate : condition.predicates) {
      if (!apply_predicate(predicate, predicate.operand, value).passed) {
        return false;
      }
    }
  }
  return true;
}

void check_assertion(const Assertion& assertion, const Context& context, std::vector<Check>& out) {
  const Selector& selector = assertion.selector;
  const auto value = select(selector, context.exchange);
  for (const Predicate& predicate : assertion.predicates) {
    json operand = context.vars.render_json(predicate.operand);
    if (selector.kind == Selector::Kind::status) {
      operand = status_operand(operand);
    }
    PredicateOutcome outcome = apply_predicate(predicate, operand, value);
    Check check{to_string(selector) + " " + std::string(to_string(predicate.op)) + " " +
                    operand_text(operand),
                outcome.passed,
                std::move(outcome.expected),
                std::move(outcome.actual),
                predicate.where.line > 0 ? predicate.where : assertion.where};
    if (!check.passed && !value && selector.kind == Selector::Kind::json) {
      // Not "absent": the member cannot be there because the body is no JSON at all.
      if (std::string reason = not_json_reason(context.exchange); !reason.empty()) {
        check.actual = std::move(reason);
      }
    }
    out.push_back(std::move(check));
  }
}

/// The alternative of an any_of that held ("outer / inner" when nested), and whether it ends
/// the case.
struct Held {
  std::string alternative;
  bool ends_case = false;
};

std::vector<Check> check_block(const ExpectBlock& block, const Context& context, Held& held);

std::string alternative_label(const ExpectBlock& block, std::size_t index) {
  return block.label.empty() ? "alternative " + std::to_string(index + 1) : block.label;
}

bool all_passed(const std::vector<Check>& checks) {
  return std::all_of(checks.begin(), checks.end(), [](const Check& c) { return c.passed; });
}

/// The alternatives whose `when` holds for the profile, and the expected text naming them.
std::vector<std::size_t> eligible_alternatives(const ExpectBlock& parent,
                                               const Profile& profile,
                                               std::string& expected) {
  std::vector<std::size_t> eligible;
  expected = "one of: ";
  for (std::size_t i = 0; i < parent.any_of.size(); ++i) {
    if (when_holds(parent.any_of[i].when, profile)) {
      expected += (eligible.empty() ? "" : ", ") + alternative_label(parent.any_of[i], i);
      eligible.push_back(i);
    }
  }
  if (eligible.empty()) {
    expected += "(none applies to this profile)";
  }
  return eligible;
}

/// RFC 9126 and RFC 6749 sometimes allow several conforming answers: at least one
/// alternative must hold entirely. On failure every alternative's checks are reported.
std::vector<Check> check_any_of(const ExpectBlock& parent, const Context& context, Held& held) {
  std::string expected;
  std::vector<Check> reported;
  for (const std::size_t i : eligible_alternatives(parent, context.profile, expected)) {
    const ExpectBlock& candidate = parent.any_of[i];
    const std::string label = alternative_label(candidate, i);
    Held nested;
    std::vector<Check> checks = check_block(candidate, context, nested);
    if (all_passed(checks)) {
      held.alternative = label;
      if (!nested.alternative.empty()) {
        held.alternative.append(" / ").append(nested.alternative);
      }
      held.ends_case = candidate.ends_case || nested.ends_case;
      return {Check{"any_of: " + label + " held", true, expected, label, candidate.where}};
    }
    for (Check& check : checks) {
      check.description = "[" + label + "] " + check.description;
      reported.push_back(std::move(check));
    }
  }
  reported.push_back(
      Check{"any_of: no alternative held", false, expected, "none held", parent.where});
  return reported;
}

std::vector<Check> check_block(const ExpectBlock& block, const Context& context, Held& held) {
  std::vector<Check> checks;
  for (const Assertion& assertion : block.assertions) {
    check_assertion(assertion, context, checks);
  }
  if (!block.any_of.empty()) {
    std::vector<Check> any = check_any_of(block, context, held);
    checks.insert(
        checks.end(), std::make_move_iterator(any.begin()), std::make_move_iterator(any.end()));
  }
  return checks;
}

}  // namespace

const ExpectBlock* choose_block(const std::vector<ExpectBlock>& blocks, const Profile& profile) {
  for (const ExpectBlock& block : blocks) {
    if (when_holds(block.when, profile)) {
      return &block;
    }
  }
  return nullptr;
}

Evaluation evaluate(const std::vector<ExpectBlock>& blocks,
                    const Profile& profile,
                    const http::Exchange& exchange,
                    const Vars& vars) {
  Evaluation evaluation;
  const ExpectBlock* block = choose_block(blocks, profile);
  if (block == nullptr) {
    evaluation.applicable = false;
    return evaluation;
  }
  Held held;
  evaluation.checks = check_block(*block, Context{profile, exchange, vars}, held);
  evaluation.alternative = held.alternative;
  evaluation.ends_case = held.ends_case;
  return evaluation;
}

}  // namespace parity::eval
