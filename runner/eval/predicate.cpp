#include "eval/predicate.hpp"

#include "core/pattern.hpp"
#include "eval/json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <utility>

namespace parity::eval {
namespace {

using nlohmann::json;
using Op = Predicate::Op;

/// The value with its type, for checks that failed because of the type: "\"60\" (string)".
std::string typed(const json& value) {
  return describe_value(value) + " (" + type_name(value) + ")";
}

/// An integer operand or bound: a JSON integer, or a rendered template holding one ("600").
std::optional<std::int64_t> to_integer(const json& operand) {
  if (operand.is_number_unsigned()) {
    const auto number = operand.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(number);
  }
  if (operand.is_number_integer()) {
    return operand.get<std::int64_t>();
  }
  if (operand.is_string()) {
    const auto& text = operand.get_ref<const std::string&>();
    std::int64_t number = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, error] = std::from_chars(text.data(), end, number);
    if (!text.empty() && error == std::errc() && ptr == end) {
      return number;
    }
  }
  return std::nullopt;
}

/// Returns -1, 0 or 1 as the integer `value` is below, at or above `bound`.
int compare_integer(const json& value, std::int64_t bound) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (bound < 0 || number > static_cast<std::uint64_t>(bound)) {
      return 1;
    }
    return number == static_cast<std::uint64_t>(bound) ? 0 : -1;
  }
  const auto number = value.get<std::int64_t>();
  return number < bound ? -1 : (number > bound ? 1 : 0);
}

/// The inclusive range of `between` / `length_between` ([a, b]), or of at_least / at_most.
struct Range {
  std::optional<std::int64_t> low;
  std::optional<std::int64_t> high;
};

std::optional<Range> to_range(Op op, const json& operand) {
  if (op == Op::at_least || op == Op::at_most) {
    const auto bound = to_integer(operand);
    if (!bound) {
      return std::nullopt;
    }
    return op == Op::at_least ? Range{bound, std::nullopt} : Range{std::nullopt, bound};
  }
  if (!operand.is_array() || operand.size() != 2) {
    return std::nullopt;
  }
  const auto low = to_integer(operand[0]);
  const auto high = to_integer(operand[1]);
  if (!low || !high) {
    return std::nullopt;
  }
  return Range{low, high};
}

std::string range_text(Op op, const json& operand) {
  switch (op) {
    case Op::at_least:
      return "an integer >= " + string_form(operand);
    case Op::at_most:
      return "an integer <= " + string_form(operand);
    case Op::length_between:
      return "a string of length in " + display_json(operand);
    default:
      return "an integer in " + display_json(operand);
  }
}

std::string expected_text(Op op, const json& operand) {
  switch (op) {
    case Op::equals:
      return display_json(operand);
    case Op::not_equals:
      return "not " + display_json(operand);
    case Op::one_of:
      return "one of " + display_json(operand);
    case Op::matches:
      return "a string matching '" + string_form(operand) + "'";
    case Op::type:
      return "type " + string_form(operand);
    case Op::between:
    case Op::at_least:
    case Op::at_most:
    case Op::length_between:
      return range_text(op, operand);
    case Op::exists:
      return operand == json(false) ? "absent" : "present";
    case Op::contains:
      return "containing " + display_json(operand);
    case Op::starts_with:
      return "a string starting with " + display_json(string_form(operand));
  }
  return "unknown predicate";
}

bool has_type(const json& value, const std::string& type) {
  if (type == "number") {
    return value.is_number();
  }
  return type_name(value) == type;
}

/// Counts UTF-8 code points (bytes that are not continuation bytes).
std::int64_t utf8_length(const std::string& text) {
  std::int64_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  }
  return count;
}

bool in_range(const Range& range, const json& integer) {
  return (!range.low || compare_integer(integer, *range.low) >= 0) &&
         (!range.high || compare_integer(integer, *range.high) <= 0);
}

void check_range(Op op, const json& operand, const json& value, PredicateOutcome& out) {
  const auto range = to_range(op, operand);
  if (!range) {
    out.expected += " (invalid operand)";
    return;
  }
  if (op == Op::length_between) {
    if (!value.is_string()) {
      out.actual = typed(value);
      return;
    }
    const std::int64_t length = utf8_length(value.get_ref<const std::string&>());
    out.actual += " (length " + std::to_string(length) + ")";
    out.passed = in_range(*range, json(length));
    return;
  }
  if (!value.is_number_integer()) {
    out.actual = typed(value);
    return;
  }
  out.passed = in_range(*range, value);
}

void check_matches(const json& operand, const json& value, PredicateOutcome& out) {
  // RE2 (core/pattern.hpp): linear in the subject, so any value a server sends can be judged.
  const Pattern pattern(string_form(operand));
  if (!pattern.error().empty()) {
    out.expected += " (invalid regex: " + pattern.error() + ")";
    return;
  }
  out.passed = pattern.search(string_form(value));
}

void check_contains(const json& operand, const json& value, PredicateOutcome& out) {
  if (value.is_array()) {
    out.passed = std::any_of(
        value.begin(), value.end(), [&](const json& element) { return element == operand; });
    return;
  }
  if (value.is_object()) {
    out.actual = typed(value);
    return;
  }
  out.passed = string_form(value).find(string_form(operand)) != std::string::npos;
}

bool is_one_of(const json& operand, const json& value) {
  if (!operand.is_array()) {
    return value == operand;
  }
  return std::any_of(
      operand.begin(), operand.end(), [&](const json& candidate) { return value == candidate; });
}

/// Applies `op` to a present `value`; sets `out.passed` and may refine the texts.
void check_present(Op op, const json& operand, const json& value, PredicateOutcome& out) {
  switch (op) {
    case Op::equals:
      // nlohmann compares numbers by value across integer and float, never with strings.
      out.passed = value == operand;
      break;
    case Op::not_equals:
      out.passed = value != operand;
      break;
    case Op::one_of:
      out.passed = is_one_of(operand, value);
      break;
    case Op::matches:
      check_matches(operand, value, out);
      break;
    case Op::type:
      out.actual = typed(value);
      out.passed = has_type(value, string_form(operand));
      break;
    case Op::between:
    case Op::at_least:
    case Op::at_most:
    case Op::length_between:
      check_range(op, operand, value, out);
      break;
    case Op::contains:
      check_contains(operand, value, out);
      break;
    case Op::starts_with:
      out.passed = string_form(value).rfind(string_form(operand), 0) == 0;
      break;
    case Op::exists:
      out.passed = operand != json(false);
      break;
  }
}

}  // namespace

PredicateOutcome apply_predicate(const Predicate& predicate,
                                 const nlohmann::json& operand,
                                 const std::optional<nlohmann::json>& value) {
  PredicateOutcome out;
  out.expected = expected_text(predicate.op, operand);
  if (!value) {
    out.actual = "absent";
    out.passed = predicate.op == Op::exists && operand == json(false);
    return out;
  }
  out.actual = describe_value(*value);
  check_present(predicate.op, operand, *value, out);
  return out;
}

}  // namespace parity::eval
