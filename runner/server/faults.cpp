#include "server/faults.hpp"

#include "server/fault_groups.hpp"

#include <algorithm>

namespace parity::server {
namespace {

std::vector<FaultInfo> all_faults() {
  std::vector<FaultInfo> faults;
  for (auto group : {client_authentication_faults,
                     push_faults,
                     authorization_faults,
                     token_faults,
                     extension_faults}) {
    std::vector<FaultInfo> more = group();
    faults.insert(faults.end(), more.begin(), more.end());
  }
  return faults;
}

}  // namespace

const std::vector<FaultInfo>& fault_catalogue() {
  static const std::vector<FaultInfo> k_catalogue = all_faults();
  return k_catalogue;
}

bool is_known_fault(std::string_view name) {
  const auto& catalogue = fault_catalogue();
  return std::any_of(catalogue.begin(), catalogue.end(), [&](const FaultInfo& fault) {
    return fault.name == name;
  });
}

}  // namespace parity::server
