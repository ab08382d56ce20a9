#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/suite.hpp"

namespace parity::eval {

/// Outcome of one predicate on one (possibly absent) value. `expected` and `actual` are
/// short human-readable texts for reports ("201", "absent", "a string matching '^urn:'").
struct PredicateOutcome {
  bool passed = false;
  std::string expected;
  std::string actual;
};

/// Applies `predicate` with its operand already rendered (`operand`) to `value`
/// (nullopt = absent). Numbers compare by value (1 == 1.0); a string never equals a number.
PredicateOutcome apply_predicate(const Predicate& predicate,
                                 const nlohmann::json& operand,
                                 const std::optional<nlohmann::json>& value);

/// Returns the predicate's name as written in YAML ("equals", "one_of", …).
std::string_view to_string(Predicate::Op op);
/// Parses a predicate name; nullopt when unknown.
std::optional<Predicate::Op> parse_predicate_op(std::string_view name);

}  // namespace parity::eval
