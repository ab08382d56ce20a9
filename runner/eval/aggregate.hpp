#pragma once

#include "core/http_message.hpp"
#include "core/result.hpp"
#include "core/suite.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace parity::eval {

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
  /// Prepares for the inner selectors of `aggregate`.
  explicit AggregateCollector(const std::vector<AggregateAssertion>& aggregate);

  /// Records one repetition's exchange (no response: every inner selector is absent).
  void add(const http::Exchange& exchange);
  /// Number of repetitions recorded.
  std::size_t count() const { return m_count; }

  /// One Check per predicate of `aggregate`, described
  /// "aggregate <selector> <predicate> <operand>"; entropy_bits is compared rounded down.
  std::vector<Check> evaluate(const std::vector<AggregateAssertion>& aggregate) const;

 private:
  struct Series {
    Selector selector;
    std::size_t present = 0;
    std::vector<std::string> values;
  };
  /// The series of the inner selector of `selector`; an empty one for count, or when the
  /// constructor was not given it.
  const Series& series_of(const AggregateSelector& selector) const;

  std::size_t m_count = 0;
  std::vector<Series> m_series;  ///< one per distinct inner selector
};

}  // namespace parity::eval
