#pragma once

#include "load/checks.hpp"

#include <string>

namespace parity::load {

/// Replaces every `${env:NAME}` in a profile URL (issuer, endpoints, discovery) with the
/// variable's value, for rigs started on a random port (profiles/README.md, "Environment
/// variables in URLs"). Other text is kept as written. Throws LoadError at `url` naming the
/// variable when it is unset or empty, or when `${` is not a well-formed `${env:NAME}`.
std::string expand_url_environment(const Located& url);

}  // namespace parity::load
