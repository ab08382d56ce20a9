#pragma once

#include "compare/drift.hpp"
#include "compare/matrix.hpp"

#include <cstddef>
#include <string>

namespace parity::compare {

/// Renders `comparison` as GitHub-flavoured Markdown for a pull request: a summary table (one
/// row per provider: verdict counts, request_uri lifetimes, emulation label) and a differences
/// table (one row per case where providers differ, with its requirement ids; at most `max_rows`
/// rows, then a line saying how many more). Every value is escaped with markdown_escape().
std::string render_markdown(const Comparison& comparison, std::size_t max_rows = 200);

/// Renders `drift` as Markdown: a headline (regressions, changes, unchanged) and a table of the
/// changes (case, kind, before, after).
std::string render_drift_markdown(const Drift& drift);

}  // namespace parity::compare
