#pragma once

#include "compare/matrix.hpp"
#include "compare/provider_run.hpp"
#include "core/errors.hpp"

#include <optional>
#include <string>
#include <vector>

namespace parity::compare {

/// Exit code of a drift check with changes but no regression (README, "exit codes").
inline constexpr int k_exit_drift_changed = static_cast<int>(ExitCode::drift_changed);

/// What happened to one case between two runs.
enum class ChangeKind {
  added,      ///< only in the current run
  removed,    ///< only in the baseline
  verdict,    ///< the verdict changed
  behaviour,  ///< same verdict, different observed behaviour
};

/// Returns "added", "removed", "verdict" or "behaviour".
std::string_view to_string(ChangeKind kind);

/// One changed case.
struct CaseChange {
  std::string full_id;
  std::string title;
  ChangeKind kind = ChangeKind::verdict;
  std::optional<Outcome> before;  ///< absent for added cases
  std::optional<Outcome> after;   ///< absent for removed cases
  std::string before_text;        ///< behaviour_text() in the baseline
  std::string after_text;         ///< behaviour_text() now
  std::string note;               ///< the current skip reason or error, if any
  /// A case that passed (or only warned) in the baseline and now fails or errors.
  bool regression = false;
};

/// The changes between a baseline run and a current run of the same provider.
struct Drift {
  std::string baseline_label;
  std::string current_label;
  std::vector<CaseChange> changes;  ///< sorted by suite, then case id
  std::size_t unchanged = 0;        ///< cases present in both with nothing changed

  /// Number of changes that are regressions.
  std::size_t regressions() const;
};

/// Compares `current` with `baseline` case by case (same rules as build_comparison: the
/// verdict, then the compared behaviour facts).
Drift compute_drift(const ProviderRun& baseline, const ProviderRun& current);

/// Drift from a two-column comparison (baseline first).
Drift drift_of(const Comparison& comparison);

/// 0 when nothing changed, 4 (ExitCode::failed) when a case regressed, otherwise 5
/// (k_exit_drift_changed): changes without a regression.
int drift_exit_code(const Drift& drift);

/// True for a verdict change from passed or warned to failed or errored.
bool is_regression(Outcome before, Outcome after);

}  // namespace parity::compare
