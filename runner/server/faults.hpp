#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parity::server {

/// One deliberate bug the reference server can be started with, and the rule it breaks.
struct FaultInfo {
  std::string name;         ///< e.g. "accept_wrong_secret"
  std::string description;  ///< what the server then does wrong
  std::string requirement;  ///< requirement id it violates, e.g. "RFC9126-2.1-b1"
  /// True when the behaviour is a recommendation rather than an absolute rule for the server,
  /// although the cited requirement is a MUST (a rule binding the client, or a MUST the server
  /// may satisfy another way): a warning then suffices to catch it.
  bool should_level = false;
};

/// Every fault the reference server knows, in a stable order.
const std::vector<FaultInfo>& fault_catalogue();
/// True when `name` is in the catalogue.
bool is_known_fault(std::string_view name);

}  // namespace parity::server
