#pragma once

#include "core/result.hpp"

#include <nlohmann/json.hpp>

#include <istream>
#include <ostream>
#include <string>

namespace parity::report {

/// Version of the JSON results document; bumped on incompatible changes.
inline constexpr int k_json_schema_version = 1;

/// Returns the canonical JSON form of `result`: everything needed to compare runs and
/// providers later, including the (already redacted) exchanges. Top level:
/// {"schema_version":1, "tool":"parity", "tool_version", "profile":{id,name,issuer[,emulation]},
///  "started_at", "elapsed_ms", "tls_verified", "embedded_server",
///  "totals":{passed,warned,failed,errored,skipped,total}, "cases":[…]}.
/// Every string is made valid UTF-8 first (ill-formed bytes become U+FFFD), so the value can
/// always be dumped.
nlohmann::json to_json(const RunResult& result);

/// Writes to_json(`result`) to `out`, indented by two spaces, with a final newline.
void write_json(const RunResult& result, std::ostream& out);

/// Rebuilds a RunResult from a document produced by to_json(); members other than the ids
/// and outcomes may be absent (they take their defaults). `totals` and `full_id` are derived
/// and ignored. Throws parity::LoadError naming `source_name` and the JSON path of the
/// problem (e.g. "cases[2].outcome: unknown outcome 'bogus'") on malformed input.
RunResult from_json(const nlohmann::json& doc, const std::string& source_name = "");

/// Parses `in` and returns from_json() of it; a JSON syntax error is a parity::LoadError too.
RunResult read_json(std::istream& in, const std::string& source_name = "");

}  // namespace parity::report
