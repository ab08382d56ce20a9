#pragma once

#include "core/predicate.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace parity::eval {

/// Outcome of one predicate on one (possibly absent) value. `expected` and `actual` are
/// short human-readable texts for reports ("201", "absent", "a string matching '^urn:'").
struct PredicateOutcome {
  bool passed = false;
  std::string expected;
  std::string actual;
};

/// Applies `predicate` with its operand already rendered (`operand`) to `value`
/// (nullopt = absent), as suites/README.md ("Expectations") defines it. Every predicate but
/// `exists: false` fails on an absent value. equals/not_equals/one_of: numbers compare by
/// value (1 == 1.0), a string never equals a number, arrays and objects compare deeply.
/// matches: an RE2 regex (core/pattern.hpp, linear time) searched in the string form
/// (non-strings as JSON). between/at_least/at_most: the value must
/// be a JSON integer; bounds may be integers or strings holding one (rendered templates).
/// type "number" holds for integers too. length_between counts UTF-8 code points.
PredicateOutcome apply_predicate(const Predicate& predicate,
                                 const nlohmann::json& operand,
                                 const std::optional<nlohmann::json>& value);

}  // namespace parity::eval
