#pragma once

#include "compare/drift.hpp"
#include "compare/matrix.hpp"

#include <nlohmann/json.hpp>

namespace parity::compare {

/// Version of the comparison and drift JSON documents; bumped on incompatible changes.
inline constexpr int k_comparison_schema_version = 1;

/// The machine-readable comparison: {"schema_version":1, "tool":"parity", "kind":"comparison",
/// "providers":[{label,name,issuer,emulation,source,problem,started_at,tool_version,
/// tls_verified,transport,embedded_server,lifetimes:[expires_in…],totals:{passed,warned,failed,errored,
/// skipped,total}}],
/// "summary":{"cases","differing","suites"}, "rows":[{suite,id,full_id,title,level,
/// requirements,difference,cells:[{provider,verdict,behaviour,note,steps:[{step,kind,
/// observed:{name:value}}]}]}]}. "verdict" is an outcome name or "absent". Strings are valid
/// UTF-8.
nlohmann::json comparison_json(const Comparison& comparison);

/// The machine-readable drift: {"schema_version":1, "tool":"parity", "kind":"drift",
/// "baseline", "current", "regressions", "unchanged", "exit_code", "changes":[{full_id,title,
/// kind,regression,before,after,before_behaviour,after_behaviour,note}]} ("before"/"after" are
/// null for added/removed cases).
nlohmann::json drift_json(const Drift& drift);

/// A plain-text listing of `drift` for the console: a headline, then one line per change.
std::string drift_text(const Drift& drift);

}  // namespace parity::compare
