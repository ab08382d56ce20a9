#include "core/aggregate_selector.hpp"

#include "core/suggest.hpp"

#include <array>
#include <stdexcept>
#include <vector>

namespace parity {
namespace {

using Kind = AggregateSelector::Kind;

/// The aggregate selector vocabulary: `count` alone, the others as prefixes of a response
/// selector. It drives parsing, printing and the did-you-mean.
constexpr std::array<std::pair<std::string_view, Kind>, 4> k_forms{{
    {"count", Kind::count},
    {"present:", Kind::present},
    {"distinct:", Kind::distinct},
    {"entropy_bits:", Kind::entropy_bits},
}};

}  // namespace

AggregateSelector AggregateSelector::from_text(std::string_view text) {
  auto selector = parse_aggregate_selector(text);
  if (!selector) {
    throw std::invalid_argument("invalid aggregate selector '" + std::string(text) + "'");
  }
  return std::move(*selector);
}

std::optional<AggregateSelector> parse_aggregate_selector(std::string_view text) {
  for (const auto& [form, kind] : k_forms) {
    if (kind == Kind::count) {
      if (text == form) {
        return AggregateSelector{kind, std::nullopt};
      }
    } else if (text.substr(0, form.size()) == form) {
      auto inner = parse_selector(text.substr(form.size()));
      if (!inner) {
        return std::nullopt;
      }
      return AggregateSelector{kind, std::move(inner)};
    }
  }
  return std::nullopt;
}

std::string to_string(const AggregateSelector& selector) {
  for (const auto& [form, kind] : k_forms) {
    if (kind == selector.kind) {
      return std::string(form) + (selector.inner ? to_string(*selector.inner) : "");
    }
  }
  return "";  // only for a Kind value outside the enumerators
}

std::string aggregate_selector_suggestion(std::string_view text) {
  std::vector<std::string> forms;
  for (const auto& entry : k_forms) {
    forms.emplace_back(entry.first);
  }
  const auto colon = text.find(':');
  const std::string_view prefix = colon == text.npos ? "" : text.substr(0, colon + 1);
  return suggest(std::string(prefix), forms);
}

}  // namespace parity
