#include "selftest/fault_level.hpp"

#include <algorithm>

namespace parity::selftest {
namespace {

bool is_absolute_server_rule(const std::vector<Requirement>& catalogue, const std::string& ref) {
  const std::string id = parse_requirement_ref(ref).requirement;
  const auto found = std::find_if(
      catalogue.begin(), catalogue.end(), [&](const Requirement& r) { return r.id == id; });
  return found == catalogue.end() || found->is_absolute_server_rule();
}

}  // namespace

bool is_should_level_fault(const std::vector<Requirement>& catalogue,
                           const server::FaultInfo& fault) {
  return fault.should_level ||
         std::none_of(fault.breaks.begin(), fault.breaks.end(), [&](const std::string& ref) {
           return is_absolute_server_rule(catalogue, ref);
         });
}

}  // namespace parity::selftest
