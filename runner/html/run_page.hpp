#pragma once

#include "core/requirement.hpp"
#include "core/result.hpp"

#include <string>
#include <vector>

namespace parity::html {

/// Renders one run as a self-contained HTML page (`parity run --report html[:PATH]`): inline
/// CSS and script only, and a Content-Security-Policy that forbids any network access. It
/// shows the summary (the five counts, profile, issuer, TLS, time, host), the non-passing cases
/// grouped by cause (largest first), and every case grouped by suite in plan order, with its
/// checks (YAML location, expected, actual), its error or skip reason, its redacted exchanges
/// and the catalogue text of each requirement it cites (`catalogue`; ids not found are shown
/// bare). Filters by outcome, suite and requirement work in the page, and from the URL
/// fragment: `#outcome=failed,errored&suite=par.core&requirement=RFC9126-2.1-a`. Every value
/// is HTML-escaped; the page works (unfiltered) without script.
std::string render_run_page(const RunResult& result, const std::vector<Requirement>& catalogue);

}  // namespace parity::html
