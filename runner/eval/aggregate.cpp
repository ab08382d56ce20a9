#include "eval/aggregate.hpp"

#include "eval/json_text.hpp"
#include "eval/predicate.hpp"
#include "eval/selector.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <sstream>
#include <utility>

namespace parity::eval {
namespace {

using Kind = AggregateSelector::Kind;

std::size_t common_prefix(const std::vector<std::string_view>& values) {
  std::size_t length = values.front().size();
  for (const std::string_view value : values) {
    const auto mismatch = std::mismatch(
        value.begin(), value.begin() + std::min(length, value.size()), values.front().begin());
    length = static_cast<std::size_t>(mismatch.first - value.begin());
  }
  return length;
}

std::size_t common_suffix(const std::vector<std::string_view>& values) {
  std::size_t length = values.front().size();
  for (const std::string_view value : values) {
    std::size_t same = 0;
    while (same < length && same < value.size() &&
           value[value.size() - 1 - same] == values.front()[values.front().size() - 1 - same]) {
      ++same;
    }
    length = same;
  }
  return length;
}

// The remainders once the common prefix and then the common suffix are removed.
std::vector<std::string_view> remainders(const std::vector<std::string>& values) {
  std::vector<std::string_view> views(values.begin(), values.end());
  const std::size_t prefix = common_prefix(views);
  for (std::string_view& view : views) {
    view.remove_prefix(prefix);
  }
  const std::size_t suffix = common_suffix(views);
  for (std::string_view& view : views) {
    view.remove_suffix(suffix);
  }
  return views;
}

std::string format_bits(double bits) {
  std::ostringstream text;
  text.setf(std::ios::fixed);
  text.precision(1);
  text << bits;
  return text.str();
}

// The value an aggregate selector yields, and a note for the report.
std::pair<long long, std::string> aggregate_value(const AggregateSelector& selector,
                                                  std::size_t count,
                                                  const std::vector<std::string>& values,
                                                  std::size_t present) {
  switch (selector.kind) {
    case Kind::count:
      return {static_cast<long long>(count), ""};
    case Kind::present:
      return {static_cast<long long>(present), " of " + std::to_string(count) + " repetitions"};
    case Kind::distinct: {
      const std::set<std::string> distinct(values.begin(), values.end());
      return {static_cast<long long>(distinct.size()),
              " distinct among " + std::to_string(values.size()) + " values"};
    }
    case Kind::entropy_bits: {
      const double bits = estimate_entropy_bits(values);
      return {static_cast<long long>(std::floor(bits)),
              " (estimate " + format_bits(bits) + " bits over " + std::to_string(values.size()) +
                  " values)"};
    }
  }
  return {0, ""};
}

}  // namespace

double estimate_entropy_bits(const std::vector<std::string>& values) {
  if (values.size() < 2) {
    return 0.0;
  }
  const std::vector<std::string_view> rest = remainders(values);
  std::array<std::size_t, 256> frequency{};
  std::size_t total = 0;
  for (const std::string_view value : rest) {
    for (const char c : value) {
      ++frequency[static_cast<unsigned char>(c)];
    }
    total += value.size();
  }
  if (total == 0) {
    return 0.0;
  }
  double per_character = 0.0;
  for (const std::size_t n : frequency) {
    if (n > 0) {
      const double p = static_cast<double>(n) / static_cast<double>(total);
      per_character -= p * std::log2(p);
    }
  }
  const double mean_length = static_cast<double>(total) / static_cast<double>(rest.size());
  return per_character * mean_length;
}

AggregateCollector::AggregateCollector(const std::vector<AggregateAssertion>& aggregate) {
  for (const AggregateAssertion& assertion : aggregate) {
    const std::optional<Selector>& inner = assertion.selector.inner;
    if (inner && std::none_of(m_series.begin(), m_series.end(), [&](const Series& series) {
          return series.selector == *inner;
        })) {
      m_series.push_back(Series{*inner, 0, {}});
    }
  }
}

void AggregateCollector::add(const http::Exchange& exchange) {
  ++m_count;
  for (Series& series : m_series) {
    if (const auto value = select(series.selector, exchange)) {
      ++series.present;
      series.values.push_back(string_form(*value));
    }
  }
}

const AggregateCollector::Series& AggregateCollector::series_of(
    const AggregateSelector& selector) const {
  static const Series k_empty;
  const auto found = std::find_if(m_series.begin(), m_series.end(), [&](const Series& series) {
    return selector.inner == series.selector;
  });
  return found == m_series.end() ? k_empty : *found;
}

std::vector<Check> AggregateCollector::evaluate(
    const std::vector<AggregateAssertion>& aggregate) const {
  std::vector<Check> checks;
  for (const AggregateAssertion& assertion : aggregate) {
    const AggregateSelector& selector = assertion.selector;
    const Series& series = series_of(selector);
    const auto [value, note] = aggregate_value(selector, m_count, series.values, series.present);
    for (const Predicate& predicate : assertion.predicates) {
      const PredicateOutcome outcome =
          apply_predicate(predicate, predicate.operand, nlohmann::json(value));
      checks.push_back({"aggregate " + to_string(selector) + " " +
                            std::string(to_string(predicate.op)) + " " +
                            display_json(predicate.operand),
                        outcome.passed,
                        outcome.expected,
                        outcome.actual + note,
                        predicate.where});
    }
  }
  return checks;
}

}  // namespace parity::eval
