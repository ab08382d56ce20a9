#include "compare/html_report.hpp"

#include "compare/escape.hpp"
#include "compare/page_script.hpp"
#include "core/strings.hpp"

#include <sstream>

namespace parity::compare {
namespace {

constexpr std::size_t k_max_shown = 300;  // bytes of a server-controlled value shown in a cell

constexpr const char* k_style = R"css(
:root { color-scheme: light; --pass:#1a7f37; --warn:#9a6700; --fail:#cf222e; --error:#8250df;
  --skip:#6e7781; --diff:#fff8c5; --skiponly:#f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1rem 2rem; color: #1f2328; }
h1 { font-size: 1.4rem; margin: .8rem 0 .2rem; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; padding: .4rem 0; }
table { border-collapse: separate; border-spacing: 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; vertical-align: top; text-align: left; }
/* The matrix scrolls inside its box, both ways: the header row and the case column stay. */
.scroll { overflow: auto; max-width: 100%; max-height: 85vh; border: 1px solid #d0d7de; }
.scroll thead th { position: sticky; top: 0; background: #f6f8fa; z-index: 2; border-bottom: 2px solid #8c959f; }
.scroll th.case, .scroll tr.suite th { position: sticky; left: 0; z-index: 1; background: #fff; }
.scroll thead th.case { z-index: 3; background: #f6f8fa; }
th.case { min-width: 15rem; max-width: 19rem; overflow-wrap: anywhere; border-right: 1px solid #d0d7de; }
td.cell { min-width: 10rem; max-width: 15rem; overflow-wrap: anywhere; }
tr.suite th { background: #eaeef2; }
tr.differs > th.case { border-left: 4px solid #d4a72c; }
tr.differs > td, tr.differs > th { background: var(--diff); }
tr.skiponly > td, tr.skiponly > th { background: var(--skiponly); }
th.case code { font-weight: 600; }
.title { display: block; font-weight: normal; color: #57606a; }
.req { display: block; font-size: 12px; font-weight: normal; color: #57606a; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 1rem; font-size: 12px; border: 1px solid; }
.v { font-weight: 700; display: inline-block; min-width: 4.2em; padding: 0 .3rem; border-radius: 3px; color: #fff; text-align: center; }
.v.passed { background: var(--pass); } .v.warned { background: var(--warn); }
.v.failed { background: var(--fail); } .v.errored { background: var(--error); }
.v.skipped { background: var(--skip); } .v.absent { background: #fff; color: #57606a; border: 1px dashed #8c959f; }
.obs { display: block; font-family: ui-monospace, monospace; font-size: 12px; }
.note { display: block; font-size: 12px; color: #57606a; overflow-wrap: anywhere; }
.diffkind { font-size: 12px; color: #9a6700; font-weight: 600; }
tr.skiponly .diffkind { color: #57606a; }
.emulation { background: #ddf4ff; border-color: #54aeff; color: #0969da; }
.problem { color: var(--fail); font-weight: 600; }
h2.inline { display: inline; }
)css";

/// The matrix's own script, after compare/page_script.hpp's start.
constexpr const char* k_script = R"js(
  var table = document.getElementById('matrix-table');
  var view = document.getElementById('view');
  var search = document.getElementById('case-filter');
  var rows = table.querySelectorAll('tbody tr.case');
  // What each view shows: real differences (the default), plus ran-vs-skipped, or all.
  var shows = {
    differences: function (row) { return row.classList.contains('differs'); },
    'with-skips': function (row) { return !row.classList.contains('same'); },
    all: function () { return true; }
  };
  var hashes = { '#only-differences': 'differences', '#with-skips': 'with-skips', '#all': 'all',
                 '#matrix': 'all' };
  function apply() {
    var needle = search.value.trim().toLowerCase();
    var keepView = shows[view.value];
    var visible = 0;
    table.querySelectorAll('tbody').forEach(function (group) {
      var shown = 0;
      group.querySelectorAll('tr.case').forEach(function (row) {
        var hit = needle === '' || row.getAttribute('data-search').indexOf(needle) >= 0;
        var keep = hit && keepView(row);
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      group.hidden = shown === 0;
      visible += shown;
    });
    body.setAttribute('data-visible', String(visible));
    document.getElementById('visible-count').textContent = visible + ' of ' + rows.length + ' cases shown';
  }
  function fromHash() {
    var chosen = hashes[window.location.hash];
    if (chosen) {
      view.value = chosen;
      apply();
      if (window.location.hash !== '') { document.getElementById('matrix').scrollIntoView(); }
    }
  }
  view.addEventListener('change', apply);
  search.addEventListener('input', apply);
  window.addEventListener('hashchange', fromHash);
  view.value = hashes[window.location.hash] || 'differences';
  apply();
  body.setAttribute('data-rendered', 'rows=' + rows.length + ' differing=' +
      table.querySelectorAll('tbody tr.case.differs').length + ' ran-vs-skipped=' +
      table.querySelectorAll('tbody tr.case.skiponly').length);
  // For the layout check: the page itself never scrolls sideways; the matrix box does.
  body.setAttribute('data-page-width', String(document.documentElement.scrollWidth));
})();
)js";

void head(std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>parity: provider comparison</title>\n<style>" << k_style << "</style>\n"
      << "</head>\n";
}

std::string provider_badges(const ProviderColumn& provider) {
  std::string out;
  if (!provider.emulation.empty()) {
    out += " <span class=\"badge emulation\" title=\"" + html_escape(provider.emulation) +
           "\">emulated</span>";
  }
  if (provider.embedded_server) {
    out += " <span class=\"badge\">embedded</span>";
  }
  if (!provider.tls_verified) {
    out += " <span class=\"badge problem\">TLS unverified</span>";
  }
  if (provider.transport == Transport::plain_http) {
    out +=
        " <span class=\"badge problem\" title=\"the profile declares a plain-HTTP test rig; "
        "the https cases (RFC 9126 §2) were skipped\">plain HTTP</span>";
  }
  return out;
}

void summary(std::ostream& out, const Comparison& comparison) {
  out << "<section id=\"summary\">\n<h2>Summary per provider</h2>\n<table>\n<thead><tr>"
      << "<th>provider</th><th>name</th><th>passed</th><th>warned</th><th>failed</th>"
      << "<th>errored</th><th>skipped</th><th>total</th><th>request_uri lifetime (s)</th>"
      << "<th>source</th></tr></thead>\n<tbody>\n";
  for (const ProviderColumn& p : comparison.providers) {
    out << "<tr class=\"provider\"><th>" << html_escape(p.label) << provider_badges(p)
        << "</th><td>" << html_escape(p.name);
    if (!p.emulation.empty()) {
      out << "<span class=\"note\">" << html_escape(p.emulation) << "</span>";
    }
    if (!p.problem.empty()) {
      out << "<span class=\"note problem\">" << html_escape(p.problem) << "</span>";
    }
    out << "<span class=\"note\">" << html_escape(p.issuer) << "</span></td>"
        << "<td>" << p.totals.passed << "</td><td>" << p.totals.warned << "</td><td>"
        << p.totals.failed << "</td><td>" << p.totals.errored << "</td><td>" << p.totals.skipped
        << "</td><td>" << p.totals.total() << "</td><td>" << html_escape(join(p.lifetimes, ", "))
        << "</td><td><span class=\"note\">" << html_escape(p.source) << "</span></td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void matrix_head(std::ostream& out, const Comparison& comparison) {
  out << "<thead><tr><th class=\"case\">case</th>";
  for (const ProviderColumn& p : comparison.providers) {
    out << "<th>" << html_escape(p.label) << provider_badges(p) << "</th>";
  }
  out << "</tr></thead>\n";
}

void cell(std::ostream& out, const Cell& one) {
  const std::string name(verdict_name(one));
  out << "<td class=\"cell " << name << "\"><span class=\"v " << name << "\">" << verdict_label(one)
      << "</span>";
  for (const StepBehaviour& step : one.steps) {  // one line per step
    const std::string text = behaviour_text({step});
    if (!text.empty()) {
      out << "<span class=\"obs\">" << html_escape(shorten(text, k_max_shown)) << "</span>";
    }
  }
  for (const StepBehaviour& step : one.steps) {
    for (const Fact& fact : step.facts) {
      if (!fact.compared && fact.name != "content_type") {
        out << "<span class=\"note\">" << html_escape(step.step + " " + fact.name) << ": "
            << html_escape(shorten(fact.value, k_max_shown)) << "</span>";
      }
    }
  }
  if (!one.note.empty()) {
    out << "<span class=\"note\">" << html_escape(shorten(one.note, k_max_shown)) << "</span>";
  }
  out << "</td>";
}

std::string row_anchor(const Row& row, const char* prefix) {
  return html_escape(prefix + row.full_id());
}

/// The class of a row: "differs" (a real difference), "skiponly" (ran vs skipped) or "same".
const char* row_class(Difference difference) {
  if (is_real(difference)) {
    return "differs";
  }
  return difference == Difference::ran_vs_skipped ? "skiponly" : "same";
}

void row(std::ostream& out, const Row& one, const char* prefix) {
  const std::string requirements = join(one.requirements, " ");
  const std::string search = to_lower(one.full_id() + " " + one.title + " " + requirements);
  out << "<tr class=\"case " << row_class(one.difference) << "\" id=\"" << row_anchor(one, prefix)
      << "\" data-search=\"" << html_escape(search) << "\">"
      << "<th class=\"case\"><code>" << html_escape(one.full_id()) << "</code>";
  if (one.level == Level::should) {
    out << " <span class=\"badge\">should</span>";
  }
  if (is_real(one.difference)) {
    out << " <span class=\"diffkind\">" << to_string(one.difference) << " differs</span>";
  } else if (one.difference == Difference::ran_vs_skipped) {
    out << " <span class=\"diffkind\">ran here, skipped there</span>";
  }
  out << "<span class=\"title\">" << html_escape(one.title) << "</span><span class=\"req\">"
      << html_escape(requirements) << "</span></th>";
  for (const Cell& c : one.cells) {
    cell(out, c);
  }
  out << "</tr>\n";
}

void suite_row(std::ostream& out,
               const std::string& suite,
               std::size_t span,
               std::size_t cases,
               std::size_t differing) {
  out << "<tr class=\"suite\"><th>" << html_escape(suite) << " — " << cases
      << (cases == 1 ? " case, " : " cases, ") << differing << " differ</th><td colspan=\""
      << span - 1 << "\"></td></tr>\n";
}

void matrix(std::ostream& out, const Comparison& comparison) {
  out << "<section id=\"matrix\">\n<h2>Matrix</h2>\n<p><label>show <select id=\"view\">"
         "<option value=\"differences\">real differences ("
      << comparison.differing()
      << ")</option><option value=\"with-skips\">and cases ran on some, skipped on others ("
      << comparison.ran_vs_skipped() << ")</option><option value=\"all\">every case ("
      << comparison.rows.size()
      << ")</option></select></label> · <label>filter <input type=\"search\" "
         "id=\"case-filter\" placeholder=\"case id, title or requirement\"></label> · <span "
         "id=\"visible-count\"></span></p>\n<div class=\"scroll\">\n<table id=\"matrix-table\">\n";
  matrix_head(out, comparison);
  const std::size_t span = comparison.providers.size() + 1;
  for (std::size_t i = 0; i < comparison.rows.size();) {
    std::size_t end = i;
    std::size_t differing = 0;
    while (end < comparison.rows.size() && comparison.rows[end].suite == comparison.rows[i].suite) {
      differing += is_real(comparison.rows[end].difference) ? 1 : 0;
      ++end;
    }
    out << "<tbody>\n";
    suite_row(out, comparison.rows[i].suite, span, end - i, differing);
    for (; i < end; ++i) {
      row(out, comparison.rows[i], "case-");
    }
    out << "</tbody>\n";
  }
  out << "</table>\n</div>\n</section>\n";
}

/// A static table of the rows of class `kind` (works without script).
void rows_table(std::ostream& out,
                const Comparison& comparison,
                const std::string& id,
                const char* prefix,
                bool (*wanted)(Difference)) {
  out << "<div class=\"scroll\">\n<table id=\"" << id << "\">\n";
  matrix_head(out, comparison);
  out << "<tbody>\n";
  for (const Row& one : comparison.rows) {
    if (wanted(one.difference)) {
      row(out, one, prefix);
    }
  }
  out << "</tbody>\n</table>\n</div>\n";
}

void differences(std::ostream& out, const Comparison& comparison) {
  out << "<section id=\"differences\">\n<h2>Real differences (" << comparison.differing()
      << ")</h2>\n";
  if (comparison.differing() == 0) {
    out << "<p>Where the providers ran a case, they behaved the same.</p>\n";
  } else {
    rows_table(out, comparison, "differences-table", "diff-", is_real);
  }
  out << "</section>\n";
  if (comparison.ran_vs_skipped() == 0) {
    return;
  }
  out << "<section id=\"ran-vs-skipped\">\n<details>\n<summary><h2 class=\"inline\">"
         "Ran on some providers, skipped on others ("
      << comparison.ran_vs_skipped()
      << ")</h2></summary>\n<p>Where these cases ran, the verdict and the behaviour agree; the "
         "others lack a client, a capability or a login to run them (see each cell).</p>\n";
  rows_table(out, comparison, "ran-vs-skipped-table", "skip-", [](Difference difference) {
    return difference == Difference::ran_vs_skipped;
  });
  out << "</details>\n</section>\n";
}

}  // namespace

std::string render_html(const Comparison& comparison) {
  std::ostringstream out;
  head(out);
  out << "<body data-rows=\"" << comparison.rows.size() << "\" data-differing=\""
      << comparison.differing() << "\" data-ran-vs-skipped=\"" << comparison.ran_vs_skipped()
      << "\">\n<header>\n<h1>parity: PAR conformance across " << comparison.providers.size()
      << " providers</h1>\n<p>" << comparison.rows.size()
      << " cases (RFC 9126 and neighbours): " << comparison.differing()
      << " where providers really differ, " << comparison.ran_vs_skipped()
      << " that ran on some providers and were skipped on others (hidden unless asked for). "
         "A verdict is a colour and a word; under it the observed behaviour per step (status, "
         "redirect or page, error code, expires_in, the any_of alternative that held).</p>\n"
         "<nav><a href=\"#differences\">real differences</a><a href=\"#summary\">summary</a><a "
         "href=\"#only-differences\">matrix, real differences</a><a href=\"#with-skips\">matrix, "
         "with ran-vs-skipped</a><a href=\"#all\">matrix, every case</a></nav>\n</header>\n";
  differences(out, comparison);
  summary(out, comparison);
  matrix(out, comparison);
  out << "<script>" << k_page_script_start << k_script << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace parity::compare
