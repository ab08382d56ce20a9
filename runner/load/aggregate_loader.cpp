#include "load/aggregate_loader.hpp"

#include "load/checks.hpp"
#include "load/yaml_reader.hpp"

#include <algorithm>

namespace parity::load {
namespace {

[[noreturn]] void bad_aggregate_operand(const Predicate& predicate, const std::string& shape) {
  throw LoadError(predicate.where,
                  std::string(to_string(predicate.op)) + " in 'aggregate' needs " + shape);
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
  require_choice(name, aggregate_predicate_names(), "aggregate predicate");
  Predicate predicate{*parse_predicate_op(name.value),
                      to_json(operand),
                      operand.IsNull() ? name.where : location_of(operand, file)};
  check_aggregate_operand(predicate);
  return predicate;
}

AggregateAssertion read_aggregate_assertion(const Located& selector,
                                            const YAML::Node& value,
                                            const std::string& file) {
  auto parsed = parse_aggregate_selector(selector.value);
  if (!parsed) {
    const std::string close = aggregate_selector_suggestion(selector.value);
    throw LoadError(selector.where,
                    "invalid aggregate selector '" + selector.value +
                        "' (count, present:<selector>, distinct:<selector> or "
                        "entropy_bits:<selector>" +
                        (close.empty() ? "" : "; did you mean '" + close + "…'?") + ")");
  }
  AggregateAssertion assertion{std::move(*parsed), {}, selector.where};
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

}  // namespace

std::vector<AggregateAssertion> read_aggregate(const YAML::Node& node, const std::string& file) {
  MapReader reader(node, file, "aggregate");
  std::vector<AggregateAssertion> aggregate;
  for (const auto& key : reader.keys()) {
    aggregate.push_back(read_aggregate_assertion(
        {key, reader.location_of_key(key)}, *reader.optional_node(key), file));
  }
  if (aggregate.empty()) {
    throw LoadError(reader.location(), "'aggregate' needs at least one selector");
  }
  return aggregate;
}

}  // namespace parity::load
