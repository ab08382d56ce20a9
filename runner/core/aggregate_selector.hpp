#pragma once

#include "core/selector.hpp"

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace parity {

/// An aggregate selector of a repeated step (suites/README.md, "Repeated and concurrent
/// steps"): `count`, or `present:`, `distinct:` or `entropy_bits:` followed by a response
/// selector (`inner`, e.g. "location:code"). Parsed once, when a suite is loaded;
/// to_string() gives back the text.
struct AggregateSelector {
  enum class Kind { count, present, distinct, entropy_bits };

  AggregateSelector() = default;
  AggregateSelector(Kind selector_kind, std::optional<Selector> inner_selector)
      : kind(selector_kind), inner(std::move(inner_selector)) {}
  /// Parses aggregate selector text written in code (tests); throws std::invalid_argument
  /// when it is not one. Suite files are read with parse_aggregate_selector().
  template <typename String>
  requires std::convertible_to<const String&, std::string_view> AggregateSelector(
      const String& text)
      : AggregateSelector(from_text(text)) {}

  bool operator==(const AggregateSelector&) const = default;

  Kind kind = Kind::count;
  std::optional<Selector> inner;  ///< the response selector; none for count

 private:
  static AggregateSelector from_text(std::string_view text);
};

/// Parses an aggregate selector; nullopt for an unknown prefix or an invalid inner selector.
std::optional<AggregateSelector> parse_aggregate_selector(std::string_view text);

/// Returns the selector as written in a suite: "count", "present:location:code", …
std::string to_string(const AggregateSelector& selector);

/// Returns the aggregate selector form closest to the prefix of the invalid `text` (up to
/// and including its first ':', "" without one), for a did-you-mean: "count", "present:",
/// …; "" when none is close.
std::string aggregate_selector_suggestion(std::string_view text);

}  // namespace parity
