#include "compare/html_report.hpp"

#include "compare/escape.hpp"

#include <cctype>
#include <sstream>

namespace parity::compare {
namespace {

constexpr std::size_t k_max_shown = 300;  // bytes of a server-controlled value shown in a cell

constexpr const char* k_style = R"css(
:root { color-scheme: light; --pass:#1a7f37; --warn:#9a6700; --fail:#cf222e; --error:#8250df;
  --skip:#6e7781; --diff:#fff8c5; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 1rem 2rem; color: #1f2328; }
h1 { font-size: 1.4rem; margin: .8rem 0 .2rem; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; padding: .4rem 0; }
table { border-collapse: separate; border-spacing: 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; background: #f6f8fa; z-index: 2; border-bottom: 2px solid #8c959f; }
tr.suite th { background: #eaeef2; position: sticky; left: 0; }
tr.differs > th.case { border-left: 4px solid #d4a72c; }
tr.differs > td, tr.differs > th { background: var(--diff); }
th.case code { font-weight: 600; }
.title { display: block; font-weight: normal; color: #57606a; }
.req { font-size: 12px; color: #57606a; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 1rem; font-size: 12px; border: 1px solid; }
.v { font-weight: 700; display: inline-block; min-width: 4.2em; padding: 0 .3rem; border-radius: 3px; color: #fff; text-align: center; }
.v.passed { background: var(--pass); } .v.warned { background: var(--warn); }
.v.failed { background: var(--fail); } .v.errored { background: var(--error); }
.v.skipped { background: var(--skip); } .v.absent { background: #fff; color: #57606a; border: 1px dashed #8c959f; }
.obs { display: block; font-family: ui-monospace, monospace; font-size: 12px; }
.note { display: block; font-size: 12px; color: #57606a; max-width: 28rem; overflow-wrap: anywhere; }
.diffkind { font-size: 12px; color: #9a6700; font-weight: 600; }
.emulation { background: #ddf4ff; border-color: #54aeff; color: #0969da; }
.problem { color: var(--fail); font-weight: 600; }
table.only-diff tr.same { display: none; }
)css";

constexpr const char* k_script = R"js(
(function () {
  var body = document.body;
  var errors = [];
  window.addEventListener('error', function (event) {
    errors.push(String(event.message));
    body.setAttribute('data-errors', errors.join(' | '));
  });
  var table = document.getElementById('matrix-table');
  var onlyDiff = document.getElementById('only-diff');
  var search = document.getElementById('case-filter');
  var rows = table.querySelectorAll('tbody tr.case');
  function apply() {
    var needle = search.value.trim().toLowerCase();
    var visible = 0;
    table.classList.toggle('only-diff', onlyDiff.checked);
    table.querySelectorAll('tbody').forEach(function (group) {
      var shown = 0;
      group.querySelectorAll('tr.case').forEach(function (row) {
        var hit = needle === '' || row.getAttribute('data-search').indexOf(needle) >= 0;
        var keep = hit && (!onlyDiff.checked || row.classList.contains('differs'));
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      group.hidden = shown === 0;
      visible += shown;
    });
    body.setAttribute('data-visible', String(visible));
    document.getElementById('visible-count').textContent = visible + ' of ' + rows.length + ' cases shown';
  }
  onlyDiff.checked = window.location.hash === '#only-differences';
  onlyDiff.addEventListener('change', apply);
  search.addEventListener('input', apply);
  window.addEventListener('hashchange', function () {
    var hash = window.location.hash;
    if (hash === '#only-differences' || hash === '#matrix') {
      onlyDiff.checked = hash === '#only-differences';
      apply();
      document.getElementById('matrix').scrollIntoView();
    }
  });
  apply();
  body.setAttribute('data-rendered', 'rows=' + rows.length + ' differing=' +
      table.querySelectorAll('tbody tr.case.differs').length);
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
        << "</td><td>" << p.totals.total() << "</td><td>" << html_escape(joined(p.lifetimes))
        << "</td><td><span class=\"note\">" << html_escape(p.source) << "</span></td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void matrix_head(std::ostream& out, const Comparison& comparison) {
  out << "<thead><tr><th>case</th><th>requirements</th>";
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

void row(std::ostream& out, const Row& one, const char* prefix) {
  const bool differs = one.difference != Difference::none;
  std::string requirements;
  for (const std::string& id : one.requirements) {
    requirements += (requirements.empty() ? "" : " ") + id;
  }
  std::string search = one.full_id() + " " + one.title + " " + requirements;
  for (char& c : search) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  out << "<tr class=\"case " << (differs ? "differs" : "same") << "\" id=\""
      << row_anchor(one, prefix) << "\" data-search=\"" << html_escape(search) << "\">"
      << "<th class=\"case\"><code>" << html_escape(one.full_id()) << "</code>";
  if (one.level == Level::should) {
    out << " <span class=\"badge\">should</span>";
  }
  if (differs) {
    out << " <span class=\"diffkind\">" << to_string(one.difference) << " differs</span>";
  }
  out << "<span class=\"title\">" << html_escape(one.title) << "</span></th><td class=\"req\">"
      << html_escape(requirements) << "</td>";
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
  out << "<tr class=\"suite\"><th colspan=\"" << span << "\">" << html_escape(suite) << " — "
      << cases << (cases == 1 ? " case, " : " cases, ") << differing << " differ</th></tr>\n";
}

void matrix(std::ostream& out, const Comparison& comparison) {
  out << "<section id=\"matrix\">\n<h2>Matrix</h2>\n<p><label><input type=\"checkbox\" "
         "id=\"only-diff\"> only differences</label> · <label>filter <input type=\"search\" "
         "id=\"case-filter\" placeholder=\"case id, title or requirement\"></label> · <span "
         "id=\"visible-count\"></span></p>\n<table id=\"matrix-table\">\n";
  matrix_head(out, comparison);
  const std::size_t span = comparison.providers.size() + 2;
  for (std::size_t i = 0; i < comparison.rows.size();) {
    std::size_t end = i;
    std::size_t differing = 0;
    while (end < comparison.rows.size() && comparison.rows[end].suite == comparison.rows[i].suite) {
      differing += comparison.rows[end].difference == Difference::none ? 0 : 1;
      ++end;
    }
    out << "<tbody>\n";
    suite_row(out, comparison.rows[i].suite, span, end - i, differing);
    for (; i < end; ++i) {
      row(out, comparison.rows[i], "case-");
    }
    out << "</tbody>\n";
  }
  out << "</table>\n</section>\n";
}

void differences(std::ostream& out, const Comparison& comparison) {
  out << "<section id=\"differences\">\n<h2>Only differences (" << comparison.differing()
      << ")</h2>\n";
  if (comparison.differing() == 0) {
    out << "<p>Every provider behaved the same in every case.</p>\n</section>\n";
    return;
  }
  out << "<table id=\"differences-table\">\n";
  matrix_head(out, comparison);
  out << "<tbody>\n";
  for (const Row& one : comparison.rows) {
    if (one.difference != Difference::none) {
      row(out, one, "diff-");
    }
  }
  out << "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string render_html(const Comparison& comparison) {
  std::ostringstream out;
  head(out);
  out << "<body data-rows=\"" << comparison.rows.size() << "\" data-differing=\""
      << comparison.differing() << "\">\n<header>\n<h1>parity: PAR conformance across "
      << comparison.providers.size() << " providers</h1>\n<p>" << comparison.rows.size()
      << " cases (RFC 9126 and neighbours), " << comparison.differing()
      << " where providers differ. A verdict is a colour and a word; under it the observed "
         "behaviour per step (status, redirect or page, error code, expires_in, the any_of "
         "alternative that held).</p>\n<nav><a href=\"#summary\">summary</a><a "
         "href=\"#matrix\">matrix</a><a href=\"#only-differences\">matrix, only "
         "differences</a><a href=\"#differences\">differences table</a></nav>\n</header>\n";
  summary(out, comparison);
  matrix(out, comparison);
  differences(out, comparison);
  out << "<script>" << k_script << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace parity::compare
