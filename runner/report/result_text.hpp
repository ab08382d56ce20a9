#pragma once

#include "core/http_message.hpp"
#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parity::report {

/// Bodies in reports are cut after this many bytes (16 KiB).
inline constexpr std::size_t k_max_report_body = std::size_t{16} * 1024;

/// Returns `text` on one line, safe for a terminal and a report (core/display_text.hpp,
/// display_line): controls, bidirectional formatting characters and ill-formed UTF-8 shown as
/// escapes; cut to at most `max_chars` code points, with "…" appended when it was cut.
std::string single_line(std::string_view text, std::size_t max_chars);

/// Returns single_line(`value`, `max_chars`), or "(empty)" for an empty value so that an
/// absent actual value is not a blank at the end of a line.
std::string value_text(std::string_view value, std::size_t max_chars);

/// Returns multi-line `text` safe for a terminal and a report (core/display_text.hpp,
/// display_text): LF and tab kept, CRLF becomes LF, everything that could act on a display
/// (ESC sequences, bidirectional overrides, ill-formed UTF-8) shown as an escape.
std::string visible_text(std::string_view text);

/// Returns the failing checks of every step of `result`, in step order.
std::vector<const Check*> failing_checks(const CaseResult& result);

/// Returns "file:line:col: description" for `check` (just the description when the location
/// is unknown).
std::string check_heading(const Check& check);

/// Returns a one-line summary "description; expected X, actual Y" (actual cut to 300 chars).
std::string check_summary(const Check& check);

/// Returns the most useful one-line reason an errored case gave: the case error, else the
/// first step error, else the first transport error; "" when there is none.
std::string first_error(const CaseResult& result);

/// Returns every error recorded for `result` (case, steps, transport), one per line.
std::string all_errors(const CaseResult& result);

/// Returns a curl-style dump of `exchange` made during step `step_name`: request line, request
/// headers and body ("> "), status, response headers and body ("< "), and any transport error
/// ("! "). Bodies are cut to `max_body` bytes. Exchanges are already redacted by the runner.
std::string format_exchange(const http::Exchange& exchange,
                            std::string_view step_name,
                            std::size_t max_body = k_max_report_body);

/// Returns format_exchange() of every exchange of every step of `result`; "" when none.
std::string format_exchanges(const CaseResult& result, std::size_t max_body = k_max_report_body);

/// The cases of one suite, in plan order.
struct SuiteCases {
  std::string suite;
  std::vector<const CaseResult*> cases;
};

/// The cases of `result` grouped by suite, suites in order of first appearance: a stable order
/// whatever order the cases finished in.
std::vector<SuiteCases> cases_by_suite(const RunResult& result);

/// Returns "requirements: A, B" for `result`, or "" when it lists none.
std::string requirements_line(const CaseResult& result);

}  // namespace parity::report
