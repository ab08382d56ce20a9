#pragma once

#include "core/suite.hpp"
#include "load/yaml_reader.hpp"

#include <vector>

namespace parity::load {

/// Reads the `vars` of the case `reader` holds (suites/README.md, "Variables"): literal
/// templates, { random: N }, { pkce_verifier: true } or { thumbprint: <pem> } (RFC 7638);
/// empty when absent. Errors are LoadError at the offending node.
std::vector<VarSpec> read_vars(MapReader& kase);

}  // namespace parity::load
