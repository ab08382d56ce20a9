#pragma once

#include "core/profile.hpp"
#include "core/suite.hpp"

#include <string>
#include <vector>

namespace parity::run {

/// Names every case may use without declaring them (suites/README.md, "Variables").
const std::vector<std::string>& builtin_variables();

/// Checks that every ${name} of `spec` is defined where it is used: a builtin, a case var
/// declared before, a capture of an earlier step, or `policy.<name>`. Covers params, query,
/// headers, body, url, wait, assertion claims, literal vars, predicate operands and the
/// default parameters a step does not omit or override. Throws LoadError at the template
/// ("undefined variable 'reqest_uri' (did you mean 'request_uri'?)"). Returns the policies
/// referenced that `profile` does not document (expectation blocks count only when they are
/// the block that applies to `profile`), in order of first use.
std::vector<std::string> check_case_variables(const Case& spec, const Profile& profile);

/// RFC 9449: why `spec` cannot run against `profile` for lack of a DPoP key — a step's `dpop`
/// without its own `key` (and not `raw`), or a ${dpop.jkt} anywhere, when the profile has no
/// `dpop_key` — or "" when it can.
std::string dpop_skip_reason(const Case& spec, const Profile& profile);

}  // namespace parity::run
