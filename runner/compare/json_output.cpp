#include "compare/json_output.hpp"

#include "compare/escape.hpp"
#include "core/display_text.hpp"

#include <sstream>

namespace parity::compare {
namespace {

using nlohmann::json;

json text(std::string_view value) {
  return display_text(value);  // core/display_text.hpp: valid UTF-8, nothing that acts on a viewer
}

json text_list(const std::vector<std::string>& values) {
  json out = json::array();
  for (const std::string& value : values) {
    out.push_back(text(value));
  }
  return out;
}

json provider_json(const ProviderColumn& p) {
  return {{"label", text(p.label)},
          {"name", text(p.name)},
          {"issuer", text(p.issuer)},
          {"emulation", text(p.emulation)},
          {"source", text(p.source)},
          {"problem", text(p.problem)},
          {"started_at", text(p.started_at)},
          {"tool_version", text(p.tool_version)},
          {"tls_verified", p.tls_verified},
          {"transport", to_string(p.transport)},
          {"embedded_server", p.embedded_server},
          {"lifetimes", text_list(p.lifetimes)},
          {"totals",
           {{"passed", p.totals.passed},
            {"warned", p.totals.warned},
            {"failed", p.totals.failed},
            {"errored", p.totals.errored},
            {"skipped", p.totals.skipped},
            {"total", p.totals.total()}}}};
}

json cell_json(const Cell& cell, const std::string& provider) {
  json steps = json::array();
  for (const StepBehaviour& step : cell.steps) {
    json observed = json::object();
    for (const Fact& fact : step.facts) {
      observed[display_text(fact.name)] = text(fact.value);
    }
    steps.push_back({{"step", text(step.step)}, {"kind", step.kind}, {"observed", observed}});
  }
  return {{"provider", text(provider)},
          {"verdict", verdict_name(cell)},
          {"behaviour", text(cell.text)},
          {"note", text(cell.note)},
          {"steps", std::move(steps)}};
}

json row_json(const Row& row, const Comparison& comparison) {
  json cells = json::array();
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    cells.push_back(cell_json(row.cells[i], comparison.providers[i].label));
  }
  return {{"suite", text(row.suite)},
          {"id", text(row.id)},
          {"full_id", text(row.full_id())},
          {"title", text(row.title)},
          {"level", level_name(row.level)},
          {"requirements", text_list(row.requirements)},
          {"difference", to_string(row.difference)},
          {"cells", std::move(cells)}};
}

json outcome_json(const std::optional<Outcome>& outcome) {
  return outcome ? json(to_string(*outcome)) : json(nullptr);
}

std::string outcome_word(const std::optional<Outcome>& outcome) {
  return outcome ? std::string(to_string(*outcome)) : std::string("absent");
}

}  // namespace

json comparison_json(const Comparison& comparison) {
  json providers = json::array();
  for (const ProviderColumn& p : comparison.providers) {
    providers.push_back(provider_json(p));
  }
  json rows = json::array();
  for (const Row& row : comparison.rows) {
    rows.push_back(row_json(row, comparison));
  }
  return {{"schema_version", k_comparison_schema_version},
          {"tool", "parity"},
          {"kind", "comparison"},
          {"providers", std::move(providers)},
          {"summary",
           {{"cases", comparison.rows.size()},
            {"differing", comparison.differing()},
            {"ran_vs_skipped", comparison.ran_vs_skipped()},
            {"suites", comparison.suites().size()}}},
          {"rows", std::move(rows)}};
}

json drift_json(const Drift& drift) {
  json changes = json::array();
  for (const CaseChange& change : drift.changes) {
    changes.push_back({{"full_id", text(change.full_id)},
                       {"title", text(change.title)},
                       {"kind", to_string(change.kind)},
                       {"regression", change.regression},
                       {"before", outcome_json(change.before)},
                       {"after", outcome_json(change.after)},
                       {"before_behaviour", text(change.before_text)},
                       {"after_behaviour", text(change.after_text)},
                       {"note", text(change.note)}});
  }
  return {{"schema_version", k_comparison_schema_version},
          {"tool", "parity"},
          {"kind", "drift"},
          {"baseline", text(drift.baseline_label)},
          {"current", text(drift.current_label)},
          {"regressions", drift.regressions()},
          {"unchanged", drift.unchanged},
          {"exit_code", drift_exit_code(drift)},
          {"changes", std::move(changes)}};
}

std::string drift_text(const Drift& drift) {
  std::ostringstream out;
  out << "drift " << terminal_safe(drift.baseline_label) << " -> "
      << terminal_safe(drift.current_label) << ": " << drift.regressions() << " regressions, "
      << drift.changes.size() << " changed, " << drift.unchanged << " unchanged\n";
  for (const CaseChange& change : drift.changes) {
    out << "  " << (change.regression ? "REGRESSION" : "CHANGED   ") << " "
        << terminal_safe(change.full_id) << " (" << to_string(change.kind)
        << "): " << outcome_word(change.before) << " -> " << outcome_word(change.after) << "\n";
    if (change.kind != ChangeKind::added && change.kind != ChangeKind::removed &&
        change.before_text != change.after_text) {
      out << "      before: " << terminal_safe(change.before_text)
          << "\n      after:  " << terminal_safe(change.after_text) << "\n";
    }
  }
  return out.str();
}

}  // namespace parity::compare
