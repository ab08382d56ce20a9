#include "load/expect_loader.hpp"

#include "core/pattern.hpp"
#include "eval/json_text.hpp"
#include "eval/vars.hpp"
#include "load/checks.hpp"
#include "load/yaml_reader.hpp"

namespace parity::load {
namespace {

using Op = Predicate::Op;

Selector read_selector(const Located& selector) {
  if (auto parsed = parse_selector(selector.value)) {
    return std::move(*parsed);
  }
  if (is_profile_selector(selector.value)) {
    throw LoadError(selector.where,
                    "profile selector '" + selector.value + "' is only allowed in 'when'");
  }
  std::string message = "invalid selector '" + selector.value + "'";
  if (const std::string close = selector_suggestion(selector.value); !close.empty()) {
    message += " (did you mean '" + close + "'?)";
  }
  throw LoadError(selector.where, message);
}

ProfileSelector read_profile_selector(const Located& selector) {
  auto parsed = parse_profile_selector(selector.value);
  if (!parsed) {
    throw LoadError(
        selector.where,
        "'when' takes capability:<name> or policy:<name>, not '" + selector.value + "'");
  }
  // The name must be one a profile can declare, or the block would silently never apply.
  const Located name{parsed->name, selector.where};
  if (parsed->kind == ProfileSelector::Kind::policy) {
    check_policy_name(name);
  } else {
    check_capability(name);
  }
  return std::move(*parsed);
}

[[noreturn]] void bad_operand(const Predicate& predicate, const std::string& shape) {
  throw LoadError(predicate.where, std::string(to_string(predicate.op)) + " needs " + shape);
}

// An integer bound, or a template that renders to one at run time ("${expires_in}").
bool is_bound(const nlohmann::json& value, const SourceLocation& where) {
  return value.is_number_integer() ||
         (value.is_string() &&
          !eval::template_names(Text{value.get<std::string>(), where}).empty());
}

void check_range(const Predicate& predicate) {
  const nlohmann::json& range = predicate.operand;
  if (!range.is_array() || range.size() != 2 || !is_bound(range[0], predicate.where) ||
      !is_bound(range[1], predicate.where)) {
    bad_operand(predicate, "a list of two integers [min, max]");
  }
  if (range[0].is_number_integer() && range[1].is_number_integer() &&
      range[0].get<long long>() > range[1].get<long long>()) {
    bad_operand(predicate, "min <= max");
  }
}

void check_regex(const Predicate& predicate) {
  const std::string pattern = predicate.operand.get<std::string>();
  // A pattern with placeholders is only complete at run time.
  if (!eval::template_names(Text{pattern, predicate.where}).empty() ||
      pattern.find("$${") != std::string::npos) {
    return;
  }
  const Pattern compiled(pattern);
  if (!compiled.error().empty()) {
    throw LoadError(predicate.where,
                    "invalid regex '" + shown_value(pattern) + "': " + compiled.error() +
                        " (patterns use RE2 syntax: no backreferences or lookaround)");
  }
}

// Returns what the operand should have been, or "" when its shape fits the predicate.
std::string shape_problem(Op op, const nlohmann::json& operand) {
  switch (op) {
    case Op::equals:
    case Op::not_equals:
    case Op::between:  // checked by check_range
    case Op::length_between:
      return "";
    case Op::one_of:
      return operand.is_array() && !operand.empty() ? "" : "a non-empty list";
    case Op::matches:
    case Op::starts_with:
      return operand.is_string() ? "" : "a string";
    case Op::contains:
      return operand.is_primitive() && !operand.is_null() ? "" : "a string, number or boolean";
    case Op::type:
      return operand.is_string() ? "" : "a type name";
    case Op::at_least:
    case Op::at_most:
      return operand.is_number_integer() || operand.is_string() ? "" : "an integer";
    case Op::exists:
      return operand.is_boolean() ? "" : "true or false";
  }
  return "";
}

void check_operand(const Predicate& predicate) {
  const std::string problem = shape_problem(predicate.op, predicate.operand);
  if (!problem.empty()) {
    bad_operand(predicate, problem);
  }
  if (predicate.op == Op::between || predicate.op == Op::length_between) {
    check_range(predicate);
  }
  if ((predicate.op == Op::at_least || predicate.op == Op::at_most) &&
      !is_bound(predicate.operand, predicate.where)) {
    bad_operand(predicate, "an integer");
  }
  if (predicate.op == Op::type) {
    require_choice(
        {predicate.operand.get<std::string>(), predicate.where}, eval::json_type_names(), "type");
  }
  check_json_templates(predicate.operand, predicate.where);
  if (predicate.op == Op::matches) {
    check_regex(predicate);
  }
}

Predicate read_predicate(const Located& name, const YAML::Node& operand, const std::string& file) {
  const auto op = parse_predicate_op(name.value);
  if (!op) {
    require_choice(name, predicate_names(), "predicate");
  }
  Predicate predicate{*op, to_json(operand), location_of(operand, file)};
  if (operand.IsNull()) {
    predicate.where = name.where;
  }
  check_operand(predicate);
  return predicate;
}

// The predicates of `selector`: a predicate map (all must hold), a list (one_of) or a
// scalar (equals).
std::vector<Predicate> read_predicates(const Located& selector,
                                       const YAML::Node& value,
                                       const std::string& file) {
  std::vector<Predicate> predicates;
  if (value.IsMap()) {
    MapReader reader(value, file, "predicates of '" + selector.value + "'");
    for (const auto& name : reader.keys()) {
      const Located located{name, reader.location_of_key(name)};
      predicates.push_back(read_predicate(located, *reader.optional_node(name), file));
    }
    if (predicates.empty()) {
      throw LoadError(reader.location(), "'" + selector.value + "' needs at least one predicate");
    }
    return predicates;
  }
  const Op op = value.IsSequence() ? Op::one_of : Op::equals;
  Predicate predicate{
      op, to_json(value), value.IsNull() ? selector.where : location_of(value, file)};
  check_operand(predicate);
  predicates.push_back(std::move(predicate));
  return predicates;
}

std::vector<Condition> read_when(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "when");
  std::vector<Condition> when;
  for (const auto& key : reader.keys()) {
    const Located selector{key, reader.location_of_key(key)};
    ProfileSelector parsed = read_profile_selector(selector);
    when.push_back(Condition{std::move(parsed),
                             read_predicates(selector, *reader.optional_node(key), file),
                             selector.where});
  }
  if (when.empty()) {
    throw LoadError(reader.location(), "'when' needs at least one selector");
  }
  return when;
}

ExpectBlock read_block(const YAML::Node& node, const std::string& file, bool allow_when);

std::vector<ExpectBlock> read_any_of(const YAML::Node& node, const std::string& file) {
  if (!node.IsSequence() || node.size() == 0) {
    throw LoadError(location_of(node, file), "'any_of' must be a non-empty list of blocks");
  }
  std::vector<ExpectBlock> alternatives;
  for (const auto& item : node) {
    alternatives.push_back(read_block(item, file, false));
  }
  return alternatives;
}

ExpectBlock read_block(const YAML::Node& node, const std::string& file, bool allow_when) {
  MapReader reader(node, file, "expect block");
  ExpectBlock block;
  block.where = reader.location();
  for (const auto& key : reader.keys()) {
    const YAML::Node value = *reader.optional_node(key);
    if (key == "when" && allow_when) {
      block.when = read_when(value, file);
    } else if (key == "when") {
      throw LoadError(reader.location_of_key(key), "'when' is not allowed inside 'any_of'");
    } else if (key == "any_of") {
      block.any_of = read_any_of(value, file);
    } else if (key == "label") {
      block.label = optional_scalar(reader, key)->value;
    } else if (key == "ends_case" && !allow_when) {
      block.ends_case = reader.optional_bool(key, false);
    } else if (key == "ends_case") {
      throw LoadError(reader.location_of_key(key),
                      "'ends_case' is only allowed on an alternative inside 'any_of'");
    } else {
      const Located selector{key, reader.location_of_key(key)};
      Selector parsed = read_selector(selector);
      block.assertions.push_back(
          Assertion{std::move(parsed), read_predicates(selector, value, file), selector.where});
    }
  }
  if (block.assertions.empty() && block.any_of.empty() && (block.when.empty() || !allow_when)) {
    throw LoadError(block.where, "an expect block needs at least one selector or 'any_of'");
  }
  return block;
}

}  // namespace

std::vector<ExpectBlock> read_expect(const YAML::Node& node, const std::string& file) {
  if (node.IsMap()) {
    return {read_block(node, file, true)};
  }
  if (!node.IsSequence() || node.size() == 0) {
    throw LoadError(location_of(node, file),
                    "'expect' must be a mapping or a non-empty list of mappings");
  }
  std::vector<ExpectBlock> blocks;
  for (const auto& item : node) {
    if (!blocks.empty() && blocks.back().when.empty()) {
      throw LoadError(location_of(item, file),
                      "unreachable expect block: the one before it has no 'when'");
    }
    blocks.push_back(read_block(item, file, true));
  }
  return blocks;
}

std::vector<Capture> read_captures(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "capture");
  std::vector<Capture> captures;
  for (const auto& name : reader.keys()) {
    const Located located{name, reader.location_of_key(name)};
    check_variable_name(located);
    const auto selector = optional_scalar(reader, name);
    captures.push_back({name, read_selector(*selector), located.where});
  }
  if (captures.empty()) {
    throw LoadError(reader.location(), "'capture' needs at least one variable");
  }
  return captures;
}

}  // namespace parity::load
