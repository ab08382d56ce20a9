#pragma once

#include "core/errors.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity {

/// One predicate applied to a selected value (see suites/README.md, "Predicates").
struct Predicate {
  enum class Op {
    equals,
    not_equals,
    one_of,
    matches,  ///< RE2 regex (core/pattern.hpp), searched anywhere in the string form
    type,     ///< string | integer | number | boolean | object | array | null
    between,  ///< inclusive integer range [a, b]
    at_least,
    at_most,
    exists,    ///< operand true: present; false: absent
    contains,  ///< substring of a string, or element of an array
    starts_with,
    length_between,  ///< inclusive range on string length
  };
  Op op = Op::equals;
  nlohmann::json operand;  ///< strings inside may hold ${templates}
  SourceLocation where;
};

/// Returns the predicate's name as written in YAML ("equals", "one_of", …).
std::string_view to_string(Predicate::Op op);
/// Parses a predicate name; nullopt when unknown.
std::optional<Predicate::Op> parse_predicate_op(std::string_view name);
/// Every predicate name, in the order of Predicate::Op (for a did-you-mean).
std::vector<std::string> predicate_names();

/// The predicates an aggregate may use (suites/README.md, "Repeated and concurrent steps"):
/// all take integers (equals, not_equals, one_of, between, at_least, at_most).
bool is_aggregate_predicate(Predicate::Op op);
/// The names of the aggregate predicates, in the order of Predicate::Op.
std::vector<std::string> aggregate_predicate_names();

}  // namespace parity
