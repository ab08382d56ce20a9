#pragma once

#include "compare/matrix.hpp"

#include <string>

namespace parity::compare {

/// Renders `comparison` as ONE self-contained HTML page: inline CSS and a small inline script,
/// no external asset and no network (a Content-Security-Policy forbids any). It has a summary
/// per provider (verdict counts, request_uri lifetimes, emulation label), the matrix grouped by
/// suite with a sticky header (verdict as colour and text, observed behaviour, requirement ids;
/// differing rows marked), a checkbox "only differences" (also set by opening the page at
/// #only-differences), a case filter, and a static "Differences" section that works without
/// script. After building the view the script sets `data-rendered="rows=N differing=M"` and
/// `data-visible` on <body>; script errors are recorded in `data-errors`. Every value is
/// HTML-escaped. The output depends only on `comparison` (no clock), so it is reproducible.
std::string render_html(const Comparison& comparison);

}  // namespace parity::compare
