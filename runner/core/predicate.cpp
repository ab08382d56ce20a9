#include "core/predicate.hpp"

#include <algorithm>
#include <array>

namespace parity {
namespace {

using Op = Predicate::Op;

struct OpName {
  Op op;
  std::string_view name;
  bool aggregate;  ///< allowed in a repeated step's `aggregate` (integer operands)
};

/// The predicate vocabulary: it drives parsing, printing and the did-you-mean lists.
constexpr std::array<OpName, 12> k_ops{{
    {Op::equals, "equals", true},
    {Op::not_equals, "not_equals", true},
    {Op::one_of, "one_of", true},
    {Op::matches, "matches", false},
    {Op::type, "type", false},
    {Op::between, "between", true},
    {Op::at_least, "at_least", true},
    {Op::at_most, "at_most", true},
    {Op::exists, "exists", false},
    {Op::contains, "contains", false},
    {Op::starts_with, "starts_with", false},
    {Op::length_between, "length_between", false},
}};

const OpName* find_op(Op op) {
  const auto* found = std::find_if(
      k_ops.begin(), k_ops.end(), [op](const OpName& entry) { return entry.op == op; });
  return found == k_ops.end() ? nullptr : found;
}

std::vector<std::string> names(bool only_aggregate) {
  std::vector<std::string> out;
  for (const OpName& entry : k_ops) {
    if (entry.aggregate || !only_aggregate) {
      out.emplace_back(entry.name);
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(Predicate::Op op) {
  const OpName* entry = find_op(op);
  return entry == nullptr ? "unknown" : entry->name;
}

std::optional<Predicate::Op> parse_predicate_op(std::string_view name) {
  for (const OpName& entry : k_ops) {
    if (entry.name == name) {
      return entry.op;
    }
  }
  return std::nullopt;
}

std::vector<std::string> predicate_names() {
  return names(false);
}

bool is_aggregate_predicate(Predicate::Op op) {
  const OpName* entry = find_op(op);
  return entry != nullptr && entry->aggregate;
}

std::vector<std::string> aggregate_predicate_names() {
  return names(true);
}

}  // namespace parity
