#pragma once

#include "core/requirement.hpp"
#include "server/faults.hpp"

#include <string>
#include <vector>

namespace parity::selftest {

/// True when a warning suffices to catch `fault`: it says so itself (FaultInfo::should_level),
/// or none of the requirements it breaks is an absolute server rule
/// (Requirement::is_absolute_server_rule). A case may fail a server only on rules that bind
/// the server; rules that bind the client warn at most. Requirements missing from `catalogue`
/// count as absolute server rules.
bool is_should_level_fault(const std::vector<Requirement>& catalogue,
                           const server::FaultInfo& fault);

}  // namespace parity::selftest
