#pragma once

#include "core/http_message.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"
#include "eval/selector.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parity::eval {

/// A parsed aggregate selector of a repeated step (suites/README.md, "Repeated and concurrent
/// steps"): `count`, or `present:`, `distinct:` or `entropy_bits:` followed by a response
/// selector (`inner`, e.g. "location:code").
struct AggregateSelector {
  enum class Kind { count, present, distinct, entropy_bits };
  Kind kind = Kind::count;
  std::string inner;  ///< the response selector text; empty for count
};

/// Parses an aggregate selector; nullopt for an unknown prefix or an invalid inner selector.
std::optional<AggregateSelector> parse_aggregate_selector(std::string_view text);

/// The predicates an aggregate may use: all take integers (equals, not_equals, one_of,
/// between, at_least, at_most).
bool is_aggregate_predicate(Predicate::Op op);

/// An estimate of the entropy, in bits, of values produced by one generator (JAR RFC 9101
/// §10.2 and RFC 9126 §7.1 ask for request_uri values that cannot be guessed; ≥ 128 bits is
/// the usual bar): the longest prefix and the longest suffix common to all values are
/// removed (they carry no information: "urn:ietf:params:oauth:request_uri:", a fixed
/// suffix), then the Shannon entropy per character of the pooled remainders,
/// H = −Σ p(c)·log2 p(c) over the characters' frequencies, is multiplied by the mean
/// remainder length. Random base64url of 43 characters scores about 250 bits; a counter
/// scores a few bits. Fewer than two values give 0. Like the OpenID Foundation suite's
/// Shannon estimate it bounds what the sample shows, not the generator's true entropy.
double estimate_entropy_bits(const std::vector<std::string>& values);

/// Accumulates what the aggregate assertions of a repeated step need from each repetition:
/// the number of repetitions and, per inner selector, the string form of each repetition's
/// selected value (absent ones are only counted). Memory: one value per repetition and
/// inner selector. Not thread-safe: callers serialise add().
class AggregateCollector {
 public:
  /// Prepares for the inner selectors of `aggregate` (its selectors must parse).
  explicit AggregateCollector(const std::vector<Assertion>& aggregate);

  /// Records one repetition's exchange (no response: every inner selector is absent).
  void add(const http::Exchange& exchange);
  /// Number of repetitions recorded.
  std::size_t count() const { return m_count; }

  /// One Check per predicate of `aggregate`, described
  /// "aggregate <selector> <predicate> <operand>"; entropy_bits is compared rounded down.
  std::vector<Check> evaluate(const std::vector<Assertion>& aggregate) const;

 private:
  struct Series {
    std::size_t present = 0;
    std::vector<std::string> values;
  };
  std::size_t m_count = 0;
  std::map<std::string, Series> m_series;  ///< by inner selector text
};

}  // namespace parity::eval
