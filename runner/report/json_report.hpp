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
///  "started_at", "hostname", "elapsed_ms", "tls_verified", "transport" ("https" or
///  "plain_http"), "embedded_server",
///  "credentials_revealed", "totals":{passed,warned,failed,errored,skipped,total},
///  "causes":[{cause, outcome, count, totals:{failed,warned,errored}, cases, requirements}],
///  "cases":[…], and "setup_error" when the run could not start}. `causes` groups the
/// non-passing cases by root cause, largest first (report/cause_groups.hpp).
/// A request or response whose recorded excerpt was cut has "body_cut" / "headers_cut":
/// {"truncated": true, "original_bytes": N[, "original_count": N]}.
/// Every string passes core/display_text.hpp first (controls, bidirectional formatting and
/// ill-formed UTF-8 shown as escapes), so it is valid UTF-8 and safe to show anywhere.
nlohmann::json to_json(const RunResult& result);

/// Writes to_json(`result`) to `out`, indented by two spaces, with a final newline.
void write_json(const RunResult& result, std::ostream& out);

/// Rebuilds a RunResult from a document produced by to_json(); members other than the ids
/// and outcomes may be absent (they take their defaults). `totals` and `full_id` are derived
/// and ignored. Throws parity::LoadError naming `source_name`: "not a parity JSON report" for a
/// document that is not one (no "tool": "parity", or a comparison or drift document), else
/// the JSON path of the problem (e.g. "cases[2].outcome: unknown outcome 'bogus'").
RunResult from_json(const nlohmann::json& doc, const std::string& source_name = "");

/// The message for a file that is not JSON at all (a JUnit file, a YAML file, …): "not a parity
/// JSON report: not JSON (syntax error at byte N); …", with no parser jargon.
std::string not_json_message(std::size_t byte);

/// Parses `in` and returns from_json() of it; a JSON syntax error is a parity::LoadError too.
RunResult read_json(std::istream& in, const std::string& source_name = "");

}  // namespace parity::report
