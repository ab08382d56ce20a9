#include "compare/drift.hpp"

#include "core/errors.hpp"

#include <cassert>

namespace parity::compare {
namespace {

bool ok(Outcome outcome) {
  return outcome == Outcome::passed || outcome == Outcome::warned;
}

CaseChange change_of(const Row& row) {
  const Cell& before = row.cells[0];
  const Cell& after = row.cells[1];
  CaseChange change;
  change.full_id = row.full_id();
  change.title = row.title;
  if (before.present) {
    change.before = before.outcome;
    change.before_text = before.text;
  }
  if (after.present) {
    change.after = after.outcome;
    change.after_text = after.text;
    change.note = after.note;
  }
  if (!before.present) {
    change.kind = ChangeKind::added;
  } else if (!after.present) {
    change.kind = ChangeKind::removed;
  } else if (before.outcome != after.outcome) {
    change.kind = ChangeKind::verdict;
    change.regression = is_regression(before.outcome, after.outcome);
  } else {
    change.kind = ChangeKind::behaviour;
  }
  return change;
}

}  // namespace

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::removed:
      return "removed";
    case ChangeKind::behaviour:
      return "behaviour";
    case ChangeKind::verdict:
      break;
  }
  return "verdict";
}

bool is_regression(Outcome before, Outcome after) {
  return ok(before) && (after == Outcome::failed || after == Outcome::errored);
}

std::size_t Drift::regressions() const {
  std::size_t count = 0;
  for (const CaseChange& change : changes) {
    count += change.regression ? 1 : 0;
  }
  return count;
}

Drift drift_of(const Comparison& comparison) {
  assert(comparison.providers.size() == 2);
  Drift drift;
  drift.baseline_label = comparison.providers[0].label;
  drift.current_label = comparison.providers[1].label;
  for (const Row& row : comparison.rows) {
    if (row.difference == Difference::none) {
      ++drift.unchanged;
    } else {
      drift.changes.push_back(change_of(row));
    }
  }
  return drift;
}

Drift compute_drift(const ProviderRun& baseline, const ProviderRun& current) {
  std::vector<ProviderRun> runs{baseline, current};
  unique_labels(runs);
  return drift_of(build_comparison(runs, CompareOptions{true}));
}

int drift_exit_code(const Drift& drift) {
  if (drift.regressions() > 0) {
    return static_cast<int>(ExitCode::failed);
  }
  return drift.changes.empty() ? 0 : k_exit_drift_changed;
}

}  // namespace parity::compare
