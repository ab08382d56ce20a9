#pragma once

#include "compare/drift.hpp"
#include "compare/matrix.hpp"

#include <cstddef>
#include <string>

namespace parity::compare {

/// The most bytes comparison.md holds: a pull-request comment takes 65,536 characters.
inline constexpr std::size_t k_max_markdown_chars = 60000;

/// Renders `comparison` as GitHub-flavoured Markdown for a pull request, in this order: a
/// summary table (one row per provider: verdict counts, request_uri lifetimes, emulation
/// label), the real differences (one row per case, with its requirement ids), then, folded in a
/// <details>, the cases that ran on some providers and were skipped on others. Each table stops
/// at `max_rows` rows or when the text would reach k_max_markdown_chars, with a line saying how
/// many more there are and pointing at comparison.html. Every value is escaped with
/// markdown_escape().
std::string render_markdown(const Comparison& comparison, std::size_t max_rows = 1000);

/// Renders `drift` as Markdown: a headline (regressions, changes, unchanged) and a table of the
/// changes (case, kind, before, after).
std::string render_drift_markdown(const Drift& drift);

}  // namespace parity::compare
