#include "html/run_page.hpp"

#include "compare/escape.hpp"
#include "compare/page_script.hpp"
#include "html/run_page_script.hpp"
#include "html/run_page_style.hpp"
#include "report/cause_groups.hpp"
#include "report/result_text.hpp"

#include <array>
#include <map>
#include <set>
#include <sstream>

namespace parity::html {
namespace {

using compare::html_escape;

constexpr std::size_t k_max_value = 2000;           // bytes of an expected or actual value
constexpr std::size_t k_max_exchange_body = 16384;  // bytes of a body in an exchange dump
constexpr std::array k_outcomes{
    Outcome::failed, Outcome::errored, Outcome::warned, Outcome::passed, Outcome::skipped};

std::string e(std::string_view text) {
  return html_escape(text);
}

std::string verdict(Outcome outcome) {
  static const std::map<Outcome, std::string> k_labels{{Outcome::passed, "PASS"},
                                                       {Outcome::warned, "WARN"},
                                                       {Outcome::failed, "FAIL"},
                                                       {Outcome::errored, "ERROR"},
                                                       {Outcome::skipped, "SKIP"}};
  const std::string name(to_string(outcome));
  return "<span class=\"v " + name + "\">" + k_labels.at(outcome) + "</span>";
}

std::string case_anchor(const std::string& full_id) {
  return "case-" + full_id;
}

/// "RFC 9126 §2.1, MUST: The AS authenticates the client…" for a catalogue row.
std::string requirement_text(const Requirement& requirement) {
  std::string out = requirement.spec;
  if (!requirement.section.empty()) {
    out += " §" + requirement.section;
  }
  out += ", " + (requirement.level_text.empty() ? requirement.level : requirement.level_text);
  if (!requirement.binds.empty()) {
    out += " (binds " + requirement.binds + ")";
  }
  return out + ": " + requirement.summary;
}

void head(std::ostream& out, const RunResult& result) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'none'\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>parity: " << e(result.profile_id) << "</title>\n<style>" << k_run_page_style
      << "</style>\n</head>\n";
}

void summary(std::ostream& out, const RunResult& result) {
  const Totals counts = totals(result);
  out << "<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\"><thead><tr>";
  for (const Outcome outcome :
       {Outcome::passed, Outcome::warned, Outcome::failed, Outcome::errored, Outcome::skipped}) {
    out << "<th>" << verdict(outcome) << " " << to_string(outcome) << "</th>";
  }
  out << "<th>total</th></tr></thead>\n<tbody><tr><td id=\"count-passed\">" << counts.passed
      << "</td><td id=\"count-warned\">" << counts.warned << "</td><td id=\"count-failed\">"
      << counts.failed << "</td><td id=\"count-errored\">" << counts.errored
      << "</td><td id=\"count-skipped\">" << counts.skipped << "</td><td id=\"count-total\">"
      << counts.total() << "</td></tr></tbody></table>\n<table class=\"about\">\n";
  const auto row = [&out](std::string_view name, const std::string& value) {
    if (!value.empty()) {
      out << "<tr><th>" << name << "</th><td>" << e(value) << "</td></tr>\n";
    }
  };
  row("profile",
      result.profile_id + (result.profile_name.empty() ? "" : " — ") + result.profile_name);
  row("emulation", result.emulation);
  row("issuer", result.issuer);
  row("TLS", result.tls_verified ? "verified" : "NOT verified (the profile turned checks off)");
  row("transport",
      result.transport == Transport::plain_http
          ? "plain HTTP (the profile declares a plain-HTTP test rig; https cases skipped)"
          : "https");
  row("started", result.started_at);
  row("elapsed", std::to_string(result.elapsed_ms) + " ms");
  row("host", result.hostname);
  row("parity", result.tool_version);
  out << "</table>\n</section>\n";
}

void banners(std::ostream& out, const RunResult& result) {
  if (!result.setup_error.empty()) {
    out << R"(<p class="banner" id="setup-error"><strong>The run could not start:</strong> )"
        << e(result.setup_error) << " (every selected case is errored with this reason)</p>\n";
  }
  if (!result.tls_verified) {
    out << "<p class=\"banner\"><strong>TLS verification was OFF:</strong> server certificates "
           "were not checked; these results do not show that the deployment is secure.</p>\n";
  }
  if (result.transport == Transport::plain_http) {
    out << "<p class=\"banner\" id=\"plain-http\"><strong>Plain HTTP:</strong> the profile "
           "declares a plain-HTTP test rig (transport: plain_http); the cases that require "
           "https (RFC 9126 §2) were skipped.</p>\n";
  }
  if (!result.emulation.empty()) {
    out << "<p class=\"banner\">Emulated provider: " << e(result.emulation) << "</p>\n";
  }
}

void causes(std::ostream& out, const RunResult& result) {
  const std::vector<report::CauseGroup> groups = report::cause_groups(result);
  out << "<section id=\"causes\">\n<h2>Failures, warnings and errors by cause (" << groups.size()
      << ")</h2>\n";
  if (groups.empty()) {
    out << "<p>No case failed, warned or errored.</p>\n<table><tbody></tbody></table>\n"
        << "</section>\n";
    return;
  }
  out << "<table class=\"causes\">\n<thead><tr><th>cases</th><th>verdict</th><th>cause</th>"
         "<th>which cases</th><th>requirements</th></tr></thead>\n<tbody>\n";
  for (const report::CauseGroup& group : groups) {
    out << "<tr><td class=\"count\">" << group.cases.size() << "</td><td>" << verdict(group.outcome)
        << "</td><td><code>" << e(group.cause) << "</code></td><td>";
    for (std::size_t i = 0; i < group.cases.size(); ++i) {
      out << (i == 0 ? "" : ", ") << "<a href=\"#" << e(case_anchor(group.cases[i])) << "\">"
          << e(group.cases[i]) << "</a>";
    }
    out << "</td><td>";
    for (std::size_t i = 0; i < group.requirements.size(); ++i) {
      out << (i == 0 ? "" : " ") << "<code>" << e(group.requirements[i]) << "</code>";
    }
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
}

void filters(std::ostream& out, const RunResult& result) {
  std::vector<std::string> suites;
  std::set<std::string> requirements;
  for (const CaseResult& one : result.cases) {
    if (suites.empty() || suites.back() != one.suite) {
      suites.push_back(one.suite);
    }
    requirements.insert(one.requirements.begin(), one.requirements.end());
  }
  const Totals counts = totals(result);
  const std::map<Outcome, int> count_of{{Outcome::passed, counts.passed},
                                        {Outcome::warned, counts.warned},
                                        {Outcome::failed, counts.failed},
                                        {Outcome::errored, counts.errored},
                                        {Outcome::skipped, counts.skipped}};
  out << "<form class=\"filters\" id=\"filters\">\n<fieldset><legend>"
         "outcome</legend>";
  for (const Outcome outcome : k_outcomes) {
    const std::string name(to_string(outcome));
    out << R"(<label><input type="checkbox" class="outcome" value=")" << name << R"(" checked> )"
        << verdict(outcome) << " " << count_of.at(outcome) << "</label>";
  }
  out << "</fieldset>\n<fieldset><legend>suite</legend><select id=\"suite-filter\">"
         "<option value=\"\">every suite</option>";
  for (const std::string& suite : suites) {
    out << "<option value=\"" << e(suite) << "\">" << e(suite) << "</option>";
  }
  out << "</select></fieldset>\n<fieldset><legend>requirement</legend><select "
         "id=\"requirement-filter\"><option value=\"\">any requirement</option>";
  for (const std::string& id : requirements) {
    out << "<option value=\"" << e(id) << "\">" << e(id) << "</option>";
  }
  out << "</select></fieldset>\n<span id=\"visible-count\" class=\"note\"></span>\n</form>\n";
}

void checks(std::ostream& out, const CaseResult& one) {
  bool any = false;
  for (const StepResult& step : one.steps) {
    any = any || !step.checks.empty();
  }
  if (!any) {
    return;
  }
  out << "<table class=\"checks\"><thead><tr><th>step</th><th></th><th>check</th><th>where "
         "(YAML)</th><th>expected</th><th>actual</th></tr></thead><tbody>\n";
  for (const StepResult& step : one.steps) {
    for (const Check& check : step.checks) {
      out << "<tr class=\"check " << (check.passed ? "ok" : "bad") << "\"><td>" << e(step.name)
          << "</td><td>" << (check.passed ? "✓" : "✗") << "</td><td><code>" << e(check.description)
          << "</code></td><td><code>" << e(check.where.str()) << "</code></td><td><code>"
          << e(compare::shorten(check.expected, k_max_value)) << "</code></td><td><code>"
          << e(check.actual.empty() ? std::string("(empty)")
                                    : compare::shorten(check.actual, k_max_value))
          << "</code></td></tr>\n";
    }
  }
  out << "</tbody></table>\n";
}

void requirements(std::ostream& out,
                  const CaseResult& one,
                  const std::map<std::string, const Requirement*>& catalogue) {
  if (one.requirements.empty()) {
    return;
  }
  out << "<dl class=\"req\">\n";
  for (const std::string& id : one.requirements) {
    const auto found = catalogue.find(id);
    out << "<dt><code>" << e(id) << "</code></dt><dd>"
        << (found == catalogue.end() ? std::string("(not in the requirement catalogue)")
                                     : e(requirement_text(*found->second)))
        << "</dd>\n";
  }
  out << "</dl>\n";
}

/// Files a case left beside the reports (a failed browser login's screenshot) are linked here.
/// Links, not images: the page loads nothing, and the CSP allows no image.
void artifacts(std::ostream& out, const CaseResult& one) {
  if (one.login_screenshot.empty()) {
    return;
  }
  out << "<p><strong>login screenshot:</strong> <a href=\"" << e(one.login_screenshot) << "\">"
      << e(one.login_screenshot) << "</a> <span class=\"note\">(beside the reports)</span></p>\n";
}

void one_case(std::ostream& out,
              const CaseResult& one,
              const std::map<std::string, const Requirement*>& catalogue) {
  const std::string outcome(to_string(one.outcome));
  std::string cited = " ";
  for (const std::string& id : one.requirements) {
    cited += id + " ";
  }
  const bool open = one.outcome == Outcome::failed || one.outcome == Outcome::errored ||
                    one.outcome == Outcome::warned;
  out << "<details class=\"case " << outcome << "\" id=\"" << e(case_anchor(one.full_id()))
      << "\" data-outcome=\"" << outcome << "\" data-suite=\"" << e(one.suite)
      << "\" data-requirements=\"" << e(cited) << "\"" << (open ? " open" : "") << ">\n<summary>"
      << verdict(one.outcome) << " <code>" << e(one.full_id()) << "</code> <span class=\"title\">"
      << e(one.title) << "</span>"
      << (one.level == Level::should ? " <span class=\"note\">(SHOULD level)</span>" : "");
  if (!one.level_reason.empty()) {
    out << " <span class=\"note\">(" << e(one.level_reason) << ")</span>";
  }
  if (one.outcome != Outcome::skipped) {
    out << " <span class=\"note\">" << one.elapsed_ms << " ms</span>";
  }
  out << "</summary>\n<p class=\"note\">defined in <code>" << e(one.file) << "</code>";
  if (!one.tags.empty()) {
    out << " · tags:";
    for (const std::string& tag : one.tags) {
      out << " <code>" << e(tag) << "</code>";
    }
  }
  out << "</p>\n";
  if (one.outcome == Outcome::skipped) {
    out << "<p><strong>skipped:</strong> " << e(one.skip_reason) << "</p>\n";
  }
  const std::string errors = report::all_errors(one);
  if (!errors.empty()) {
    out << "<pre class=\"error\">" << e(errors) << "</pre>\n";
  }
  const std::string cause = report::cause_of(one);
  if (!cause.empty()) {
    out << "<p><strong>cause:</strong> <code>" << e(cause) << "</code></p>\n";
  }
  checks(out, one);
  requirements(out, one, catalogue);
  artifacts(out, one);
  const std::string exchanges = report::format_exchanges(one, k_max_exchange_body);
  if (!exchanges.empty()) {
    out << "<details class=\"exchanges\"><summary>HTTP exchanges (credentials redacted)"
           "</summary>\n<pre>"
        << e(exchanges) << "</pre></details>\n";
  }
  out << "</details>\n";
}

void cases(std::ostream& out,
           const RunResult& result,
           const std::map<std::string, const Requirement*>& catalogue) {
  out << "<section id=\"cases\">\n<h2>Cases</h2>\n";
  filters(out, result);
  for (const report::SuiteCases& suite : report::cases_by_suite(result)) {
    out << R"(<section class="suite" data-suite=")" << e(suite.suite) << "\">\n<h3>"
        << e(suite.suite) << " <span class=\"note\">" << suite.cases.size()
        << (suite.cases.size() == 1 ? " case" : " cases") << "</span></h3>\n";
    for (const CaseResult* one : suite.cases) {
      one_case(out, *one, catalogue);
    }
    out << "</section>\n";
  }
  out << "</section>\n";
}

}  // namespace

std::string render_run_page(const RunResult& result, const std::vector<Requirement>& catalogue) {
  std::map<std::string, const Requirement*> by_id;
  for (const Requirement& requirement : catalogue) {
    by_id.emplace(requirement.id, &requirement);
  }
  const Totals counts = totals(result);
  std::ostringstream out;
  head(out, result);
  out << "<body data-cases=\"" << result.cases.size()
      << "\">\n<header>\n<h1>parity: " << e(result.profile_id) << " — " << counts.total()
      << " cases: " << counts.passed << " passed, " << counts.warned << " warned, " << counts.failed
      << " failed, " << counts.errored << " errored, " << counts.skipped << " skipped</h1>\n"
      << "<nav><a href=\"#summary\">summary</a><a href=\"#causes\">by cause</a><a "
         "href=\"#cases\">cases</a><a href=\"#outcome=failed,errored,warned\">only failures, "
         "errors and warnings</a></nav>\n</header>\n";
  banners(out, result);
  summary(out, result);
  causes(out, result);
  cases(out, result, by_id);
  out << "<script>" << compare::k_page_script_start << k_run_page_script
      << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace parity::html
