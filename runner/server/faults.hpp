#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parity::server {

/// One deliberate bug the reference server can be started with, and the rules it breaks.
struct FaultInfo {
  std::string name;         ///< e.g. "accept_wrong_secret"
  std::string description;  ///< what the server then does wrong
  /// The catalogue requirements it violates, each naming the facet it breaks when the
  /// requirement has facets: "RFC9126-2.1-b1#secret", "RFC9126-2.1-b2" (core/requirement.hpp).
  std::vector<std::string> breaks;
  /// True when the behaviour is a recommendation rather than an absolute rule for the server,
  /// although a broken requirement is an absolute server rule (a MUST the server may satisfy
  /// another way): a warning then suffices to catch it. Faults whose requirements are all
  /// below MUST level, or all bind only the client, are recommendations anyway.
  bool should_level = false;
};

/// Every fault the reference server knows, in a stable order.
const std::vector<FaultInfo>& fault_catalogue();
/// True when `name` is in the catalogue.
bool is_known_fault(std::string_view name);

}  // namespace parity::server
