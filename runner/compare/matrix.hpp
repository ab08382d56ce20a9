#pragma once

#include "compare/behaviour.hpp"
#include "compare/provider_run.hpp"
#include "core/result.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace parity::compare {

/// How the cells of a row differ.
enum class Difference {
  none,       ///< every provider ran the case with the same verdict and behaviour
  verdict,    ///< verdicts differ, or the case is absent from some runs
  behaviour,  ///< same verdict, different observed behaviour (status, error, lifetime, …)
  /// The case ran on some providers and was skipped on others, and where it ran the verdict
  /// and behaviour agree: a difference of coverage, not of behaviour (hidden by default).
  ran_vs_skipped,
};

/// Returns "none", "verdict", "behaviour" or "ran_vs_skipped".
std::string_view to_string(Difference difference);

/// One provider's result for one case.
struct Cell {
  bool present = false;  ///< false: the case is not in this provider's results
  Outcome outcome = Outcome::skipped;
  std::vector<StepBehaviour> steps;
  std::string key;   ///< behaviour_key(steps)
  std::string text;  ///< behaviour_text(steps)
  std::string note;  ///< the skip reason or the error, when there is one
};

/// One case across every provider.
struct Row {
  std::string suite;
  std::string id;
  std::string title;
  Level level = Level::must;
  std::vector<std::string> requirements;
  std::vector<Cell> cells;  ///< one per provider, in column order
  Difference difference = Difference::none;

  std::string full_id() const { return suite + "/" + id; }
};

/// A column heading and its summary.
struct ProviderColumn {
  std::string label;
  std::string name;
  std::string issuer;
  std::string emulation;
  std::string source;
  std::string problem;
  std::string started_at;
  std::string tool_version;
  bool tls_verified = true;
  Transport transport = Transport::https;  ///< plain_http: a declared plain-HTTP test rig
  bool embedded_server = false;
  Totals totals;
  /// The distinct request_uri lifetimes (expires_in of successful pushes, RFC 9126 §2.2)
  /// seen in this run, in ascending numeric order.
  std::vector<std::string> lifetimes;
};

/// How build_comparison() decides that behaviour differs.
struct CompareOptions {
  /// Count a different expires_in as different behaviour. Off across providers (the
  /// lifetime is reported once per provider instead); on for drift.
  bool lifetime_differs = false;
};

/// Rows are cases, columns are providers.
struct Comparison {
  std::vector<ProviderColumn> providers;
  std::vector<Row> rows;  ///< sorted by suite, then case id

  /// Number of rows whose providers really differ: verdict or behaviour (not ran_vs_skipped).
  std::size_t differing() const;
  /// Number of rows that differ only because the case was skipped somewhere.
  std::size_t ran_vs_skipped() const;
  /// Distinct suites of the rows, in row order.
  std::vector<std::string> suites() const;
};

/// The verdict of `cell` in capitals: "PASS", "WARN", "FAIL", "ERROR", "SKIP", or "ABSENT" when
/// the case is not in that provider's results.
std::string_view verdict_label(const Cell& cell);

/// The verdict of `cell` as a CSS class / JSON name: "passed", …, or "absent".
std::string_view verdict_name(const Cell& cell);

/// True for verdict and behaviour differences: those the comparison opens on.
bool is_real(Difference difference);

/// Returns "must" or "should".
std::string_view level_name(Level level);

/// Builds the comparison of `runs` (columns in the given order). Rows are the union of the
/// cases of every run, sorted by suite then id, so the output is the same whatever order the
/// cases finished in. Title, level and requirements come from the first run that has the case.
Comparison build_comparison(const std::vector<ProviderRun>& runs,
                            const CompareOptions& options = {});

/// Classifies a row: absent somewhere → verdict; skipped somewhere while the cells that ran
/// agree in verdict and behaviour → ran_vs_skipped; otherwise differing verdicts → verdict;
/// otherwise, among the cells that were not skipped, differing behaviour keys → behaviour.
Difference classify(const std::vector<Cell>& cells);

}  // namespace parity::compare
