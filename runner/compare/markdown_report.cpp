#include "compare/markdown_report.hpp"

#include "compare/escape.hpp"

#include <sstream>

namespace parity::compare {
namespace {

constexpr std::size_t k_max_cell = 160;

std::string symbol(const Cell& cell) {
  if (!cell.present) {
    return "—";
  }
  switch (cell.outcome) {
    case Outcome::passed:
      return "✅";
    case Outcome::warned:
      return "⚠️";
    case Outcome::failed:
      return "❌";
    case Outcome::errored:
      return "💥";
    case Outcome::skipped:
      break;
  }
  return "⏭️";
}

std::string cell_text(const Cell& cell) {
  std::string out = symbol(cell) + " **" + std::string(verdict_label(cell)) + "**";
  if (!cell.text.empty()) {
    out += " " + markdown_escape(shorten(cell.text, k_max_cell));
  } else if (!cell.note.empty()) {
    out += " " + markdown_escape(shorten(cell.note, k_max_cell));
  }
  return out;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    out += (out.empty() ? "" : ", ") + value;
  }
  return out;
}

void summary(std::ostream& out, const Comparison& comparison) {
  out << "| provider | passed | warned | failed | errored | skipped | total | request\\_uri "
         "lifetime \\(s\\) |\n"
      << "|---|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const ProviderColumn& p : comparison.providers) {
    out << "| **" << markdown_escape(p.label) << "**";
    if (!p.emulation.empty()) {
      out << " (emulated: " << markdown_escape(p.emulation) << ")";
    }
    if (!p.problem.empty()) {
      out << " — " << markdown_escape(p.problem);
    }
    out << " | " << p.totals.passed << " | " << p.totals.warned << " | " << p.totals.failed << " | "
        << p.totals.errored << " | " << p.totals.skipped << " | " << p.totals.total() << " | "
        << markdown_escape(joined(p.lifetimes)) << " |\n";
  }
}

void differences(std::ostream& out, const Comparison& comparison, std::size_t max_rows) {
  out << "\n### Cases where providers differ (" << comparison.differing() << ")\n\n";
  if (comparison.differing() == 0) {
    out << "Every provider behaved the same in every case.\n";
    return;
  }
  out << "| case | requirements | differs |";
  for (const ProviderColumn& p : comparison.providers) {
    out << " " << markdown_escape(p.label) << " |";
  }
  out << "\n|---|---|---|";
  for (std::size_t i = 0; i < comparison.providers.size(); ++i) {
    out << "---|";
  }
  out << "\n";
  std::size_t shown = 0;
  for (const Row& row : comparison.rows) {
    if (row.difference == Difference::none) {
      continue;
    }
    if (shown == max_rows) {
      out << "\n… and " << comparison.differing() - shown
          << " more differing cases: see comparison.html or comparison.json.\n";
      return;
    }
    ++shown;
    out << "| " << markdown_escape(row.full_id()) << "<br>" << markdown_escape(row.title) << " | "
        << markdown_escape(joined(row.requirements)) << " | " << to_string(row.difference) << " |";
    for (const Cell& cell : row.cells) {
      out << " " << cell_text(cell) << " |";
    }
    out << "\n";
  }
}

std::string outcome_name(const std::optional<Outcome>& outcome) {
  return outcome ? std::string(to_string(*outcome)) : std::string("—");
}

}  // namespace

std::string render_markdown(const Comparison& comparison, std::size_t max_rows) {
  std::ostringstream out;
  out << "## parity: PAR conformance across " << comparison.providers.size() << " providers\n\n"
      << comparison.rows.size() << " cases, " << comparison.differing()
      << " where providers differ.\n\n";
  summary(out, comparison);
  differences(out, comparison, max_rows);
  return out.str();
}

std::string render_drift_markdown(const Drift& drift) {
  std::ostringstream out;
  out << "## parity drift: " << markdown_escape(drift.baseline_label) << " → "
      << markdown_escape(drift.current_label) << "\n\n"
      << drift.regressions() << " regressions, " << drift.changes.size() << " changed cases, "
      << drift.unchanged << " unchanged.\n";
  if (drift.changes.empty()) {
    return out.str();
  }
  out << "\n| case | change | before | after |\n|---|---|---|---|\n";
  for (const CaseChange& change : drift.changes) {
    out << "| " << markdown_escape(change.full_id) << " | "
        << (change.regression ? "**regression**" : std::string(to_string(change.kind))) << " | "
        << outcome_name(change.before) << " "
        << markdown_escape(shorten(change.before_text, k_max_cell)) << " | "
        << outcome_name(change.after) << " "
        << markdown_escape(shorten(change.after_text, k_max_cell)) << " |\n";
  }
  return out.str();
}

}  // namespace parity::compare
