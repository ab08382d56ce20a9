#include "compare/markdown_report.hpp"

#include "compare/escape.hpp"
#include "core/strings.hpp"

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
        << markdown_escape(join(p.lifetimes, ", ")) << " |\n";
  }
}

std::string table_head(const Comparison& comparison) {
  std::string out = "| case | requirements | differs |";
  for (const ProviderColumn& p : comparison.providers) {
    out += " " + markdown_escape(p.label) + " |";
  }
  out += "\n|---|---|---|";
  for (std::size_t i = 0; i < comparison.providers.size(); ++i) {
    out += "---|";
  }
  return out + "\n";
}

std::string table_row(const Row& row) {
  std::string out =
      "| " + markdown_escape(row.full_id()) + "<br>" + markdown_escape(row.title) + " | " +
      markdown_escape(join(row.requirements, ", ")) + " | " +
      std::string(row.difference == Difference::ran_vs_skipped ? "ran vs skipped"
                                                               : to_string(row.difference)) +
      " |";
  for (const Cell& cell : row.cells) {
    out += " " + cell_text(cell) + " |";
  }
  return out + "\n";
}

/// Appends the rows `wanted` picks while they fit in `budget` bytes and `max_rows` rows; then
/// a line saying how many more there are and where to find them.
void rows_within(std::string& out,
                 const Comparison& comparison,
                 bool (*wanted)(Difference),
                 std::size_t total,
                 std::size_t max_rows,
                 std::size_t budget,
                 const std::string& what) {
  // Room for the line that points at the other reports.
  constexpr std::size_t k_reserve = 300;
  out += table_head(comparison);
  std::size_t shown = 0;
  for (const Row& row : comparison.rows) {
    if (!wanted(row.difference)) {
      continue;
    }
    const std::string line = table_row(row);
    if (shown == max_rows || out.size() + line.size() + k_reserve > budget) {
      out += "\n… and " + std::to_string(total - shown) + " more " + what +
             ": see comparison.html (every case, filterable) or comparison.json.\n";
      return;
    }
    out += line;
    ++shown;
  }
}

std::string outcome_name(const std::optional<Outcome>& outcome) {
  return outcome ? std::string(to_string(*outcome)) : std::string("—");
}

}  // namespace

std::string render_markdown(const Comparison& comparison, std::size_t max_rows) {
  std::ostringstream head;
  head << "## parity: PAR conformance across " << comparison.providers.size() << " providers\n\n"
       << comparison.rows.size() << " cases: " << comparison.differing()
       << " where providers really differ, " << comparison.ran_vs_skipped()
       << " that ran on some providers and were skipped on others.\n\n";
  summary(head, comparison);
  std::string out = head.str();
  out += "\n### Cases where providers differ (" + std::to_string(comparison.differing()) + ")\n\n";
  if (comparison.differing() == 0) {
    out += "Where the providers ran a case, they behaved the same.\n";
  } else {
    rows_within(out,
                comparison,
                is_real,
                comparison.differing(),
                max_rows,
                k_max_markdown_chars,
                "differing cases");
  }
  if (comparison.ran_vs_skipped() == 0) {
    return out;
  }
  out += "\n### Ran on some providers, skipped on others (" +
         std::to_string(comparison.ran_vs_skipped()) +
         ")\n\nWhere these cases ran, verdict and behaviour agree.\n\n<details><summary>" +
         std::to_string(comparison.ran_vs_skipped()) + " cases</summary>\n\n";
  const std::string close = "\n</details>\n";
  rows_within(
      out,
      comparison,
      [](Difference difference) { return difference == Difference::ran_vs_skipped; },
      comparison.ran_vs_skipped(),
      max_rows,
      k_max_markdown_chars - close.size(),
      "ran-vs-skipped cases");
  return out + close;
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
