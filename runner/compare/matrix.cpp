#include "compare/matrix.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

namespace parity::compare {
namespace {

Cell cell_of(const CaseResult& result, const CompareOptions& options) {
  Cell cell;
  cell.present = true;
  cell.outcome = result.outcome;
  cell.steps = behaviour_of(result);
  cell.key = behaviour_key(cell.steps, options.lifetime_differs);
  cell.text = behaviour_text(cell.steps);
  cell.note = result.outcome == Outcome::skipped ? result.skip_reason : result.error;
  if (cell.note.empty() && result.outcome == Outcome::errored) {
    for (const StepResult& step : result.steps) {
      if (!step.error.empty()) {
        cell.note = step.error;
        break;
      }
    }
  }
  return cell;
}

std::vector<std::string> lifetimes_of(const RunResult& run) {
  std::set<std::pair<double, std::string>> seen;  // numeric order, then text
  for (const CaseResult& one : run.cases) {
    for (const StepResult& step : one.steps) {
      const auto status = step.observed.find("status");
      const auto lifetime = step.observed.find("expires_in");
      if (step.kind == StepKind::push && status != step.observed.end() &&
          status->second.rfind('2', 0) == 0 && lifetime != step.observed.end()) {
        seen.insert({std::strtod(lifetime->second.c_str(), nullptr), lifetime->second});
      }
    }
  }
  std::vector<std::string> out;
  for (const auto& [number, text] : seen) {
    out.push_back(text);
  }
  return out;
}

ProviderColumn column_of(const ProviderRun& run) {
  ProviderColumn column;
  column.label = run.label;
  column.name = run.result.profile_name;
  column.issuer = run.result.issuer;
  column.emulation = run.emulation;
  column.source = run.source;
  column.problem = run.problem;
  column.started_at = run.result.started_at;
  column.tool_version = run.result.tool_version;
  column.tls_verified = run.result.tls_verified;
  column.transport = run.result.transport;
  column.embedded_server = run.result.embedded_server;
  column.totals = totals(run.result);
  column.lifetimes = lifetimes_of(run.result);
  return column;
}

void describe_row(Row& row, const CaseResult& first) {
  row.suite = first.suite;
  row.id = first.id;
  row.title = first.title;
  row.level = first.level;
  row.requirements = first.requirements;
}

}  // namespace

std::string_view to_string(Difference difference) {
  switch (difference) {
    case Difference::verdict:
      return "verdict";
    case Difference::behaviour:
      return "behaviour";
    case Difference::ran_vs_skipped:
      return "ran_vs_skipped";
    case Difference::none:
      break;
  }
  return "none";
}

std::string_view verdict_label(const Cell& cell) {
  if (!cell.present) {
    return "ABSENT";
  }
  switch (cell.outcome) {
    case Outcome::passed:
      return "PASS";
    case Outcome::warned:
      return "WARN";
    case Outcome::failed:
      return "FAIL";
    case Outcome::errored:
      return "ERROR";
    case Outcome::skipped:
      break;
  }
  return "SKIP";
}

std::string_view verdict_name(const Cell& cell) {
  return cell.present ? parity::to_string(cell.outcome) : "absent";
}

std::string_view level_name(Level level) {
  return level == Level::should ? "should" : "must";
}

bool is_real(Difference difference) {
  return difference == Difference::verdict || difference == Difference::behaviour;
}

Difference classify(const std::vector<Cell>& cells) {
  std::set<int> verdicts;
  std::set<int> ran_verdicts;  // of the cells that were not skipped
  std::set<std::string> keys;
  bool absent = false;
  bool skipped = false;
  for (const Cell& cell : cells) {
    verdicts.insert(cell.present ? static_cast<int>(cell.outcome) : -1);
    absent = absent || !cell.present;
    skipped = skipped || (cell.present && cell.outcome == Outcome::skipped);
    if (cell.present && cell.outcome != Outcome::skipped) {
      ran_verdicts.insert(static_cast<int>(cell.outcome));
      keys.insert(cell.key);
    }
  }
  if (verdicts.size() > 1) {
    const bool only_coverage = !absent && skipped && ran_verdicts.size() == 1 && keys.size() == 1;
    return only_coverage ? Difference::ran_vs_skipped : Difference::verdict;
  }
  return keys.size() > 1 ? Difference::behaviour : Difference::none;
}

Comparison build_comparison(const std::vector<ProviderRun>& runs, const CompareOptions& options) {
  Comparison out;
  // (suite, id) → row; std::map gives the stable sorted order.
  std::map<std::pair<std::string, std::string>, Row> rows;
  for (std::size_t column = 0; column < runs.size(); ++column) {
    out.providers.push_back(column_of(runs[column]));
    for (const CaseResult& result : runs[column].result.cases) {
      Row& row = rows[{result.suite, result.id}];
      if (row.cells.empty()) {
        describe_row(row, result);
        row.cells.resize(runs.size());
      }
      if (!row.cells[column].present) {  // a duplicate case id keeps its first result
        row.cells[column] = cell_of(result, options);
      }
    }
  }
  for (auto& [key, row] : rows) {
    row.difference = classify(row.cells);
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::size_t Comparison::differing() const {
  return static_cast<std::size_t>(std::count_if(
      rows.begin(), rows.end(), [](const Row& row) { return is_real(row.difference); }));
}

std::size_t Comparison::ran_vs_skipped() const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const Row& row) {
    return row.difference == Difference::ran_vs_skipped;
  }));
}

std::vector<std::string> Comparison::suites() const {
  std::vector<std::string> out;
  for (const Row& row : rows) {
    if (out.empty() || out.back() != row.suite) {
      out.push_back(row.suite);
    }
  }
  return out;
}

}  // namespace parity::compare
