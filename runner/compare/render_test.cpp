#include "compare/html_report.hpp"
#include "compare/json_output.hpp"
#include "compare/markdown_report.hpp"
#include "compare/test_runs.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace parity::compare {
namespace {

using test_support::one_case;
using test_support::provider;
using test_support::step;

constexpr const char* k_hostile = "<script>alert(1)</script>|[x](javascript:alert(1))";

Comparison sample() {
  ProviderRun a =
      provider("ref",
               {one_case("par.core",
                         "push",
                         Outcome::passed,
                         {step(StepKind::push, {{"status", "201"}, {"expires_in", "60"}})}),
                one_case("par.core", "same", Outcome::passed)});
  ProviderRun b = provider("vendor",
                           {one_case("par.core",
                                     "push",
                                     Outcome::failed,
                                     {step(StepKind::push,
                                           {{"status", "400"},
                                            {"error", "invalid_request"},
                                            {"error_description", k_hostile}})}),
                            one_case("par.core", "same", Outcome::passed)});
  b.emulation = "built from documentation <b>not</b> the live service";
  return build_comparison({a, b});
}

TEST(HtmlReport, EscapesServerControlledValues) {
  const std::string html = render_html(sample());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<b>not</b>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("built from documentation &lt;b&gt;not&lt;/b&gt;"), std::string::npos);
}

TEST(HtmlReport, IsSelfContained) {
  const std::string html = render_html(sample());
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  // Exactly one script element: ours.
  int scripts = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) {
    const char next = at + 7 < html.size() ? html[at + 7] : '\0';
    scripts += next == ' ' || next == '>' ? 1 : 0;
  }
  EXPECT_EQ(scripts, 1);
}

TEST(HtmlReport, MarksDifferingRowsAndShowsVerdictsAsText) {
  const std::string html = render_html(sample());
  EXPECT_NE(html.find("<tr class=\"case differs\" id=\"case-par.core/push\""), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"case same\" id=\"case-par.core/same\""), std::string::npos);
  EXPECT_NE(html.find("<span class=\"v failed\">FAIL</span>"), std::string::npos);
  EXPECT_NE(html.find("data-rows=\"2\" data-differing=\"1\""), std::string::npos);
  EXPECT_NE(html.find("id=\"diff-par.core/push\""), std::string::npos);
  EXPECT_EQ(html.find("id=\"diff-par.core/same\""), std::string::npos);
  EXPECT_NE(html.find("position: sticky"), std::string::npos);
  EXPECT_NE(html.find(">emulated</span>"), std::string::npos);
  EXPECT_NE(html.find("RFC9126-2.2-a"), std::string::npos);
}

/// Three providers; `rows` cases each passing on two and skipped on the third, and one real
/// difference.
Comparison mostly_skips(int rows) {
  std::vector<CaseResult> a;
  std::vector<CaseResult> b;
  std::vector<CaseResult> c;
  for (int i = 0; i < rows; ++i) {
    const std::string id = "case_with_a_long_descriptive_name_" + std::to_string(i);
    CaseResult ran = one_case("par.suite",
                              id,
                              Outcome::passed,
                              {step(StepKind::push, {{"status", "201"}, {"expires_in", "60"}})});
    ran.title = "A long title that says what the case checks, as real titles do " + id;
    ran.requirements = {"RFC9126-2.1-a", "RFC9126-2.2-a", "PEER-H4"};
    CaseResult skipped = ran;
    skipped.outcome = Outcome::skipped;
    skipped.steps.clear();
    skipped.skip_reason = "client 'default': environment variable VENDOR_SECRET is not set";
    a.push_back(ran);
    b.push_back(ran);
    c.push_back(skipped);
  }
  a.push_back(one_case("par.core", "real", Outcome::passed));
  b.push_back(one_case("par.core", "real", Outcome::failed));
  c.push_back(one_case("par.core", "real", Outcome::passed));
  return build_comparison({provider("a", a), provider("b", b), provider("c", c)});
}

TEST(HtmlReport, OpensOnRealDifferencesAndKeepsRanVsSkippedApart) {
  const Comparison comparison = mostly_skips(3);
  const std::string html = render_html(comparison);
  EXPECT_NE(html.find("data-differing=\"1\" data-ran-vs-skipped=\"3\""), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"case skiponly\" id=\"case-par.suite/"), std::string::npos);
  EXPECT_NE(html.find("ran here, skipped there"), std::string::npos);
  // The real differences come before the summary and the matrix; the script opens the matrix
  // on them too.
  EXPECT_LT(html.find("<section id=\"differences\">"), html.find("<section id=\"summary\">"));
  EXPECT_EQ(html.find("id=\"diff-par.suite/"), std::string::npos);
  EXPECT_NE(html.find("view.value = hashes[window.location.hash] || 'differences';"),
            std::string::npos);
  // The case column stays while the providers scroll sideways.
  EXPECT_NE(html.find(".scroll th.case, .scroll tr.suite th { position: sticky; left: 0;"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"scroll\">\n<table id=\"matrix-table\">"), std::string::npos);
}

TEST(MarkdownReport, StaysUnderTheSizeOfAPullRequestComment) {
  const Comparison comparison = mostly_skips(2000);
  const std::string md = render_markdown(comparison);
  EXPECT_LT(md.size(), k_max_markdown_chars);
  // Summary and the real difference first, then the ran-vs-skipped rows, cut with a pointer.
  EXPECT_LT(md.find("| **a** |"), md.find("### Cases where providers differ (1)"));
  EXPECT_LT(md.find("par.core/real"),
            md.find("### Ran on some providers, skipped on others (2000)"));
  EXPECT_NE(md.find("more ran-vs-skipped cases: see comparison.html"), std::string::npos);
  EXPECT_NE(md.find("</details>"), std::string::npos);
}

TEST(HtmlReport, IsDeterministic) {
  EXPECT_EQ(render_html(sample()), render_html(sample()));
}

TEST(MarkdownReport, HasSummaryAndOnlyDifferingRows) {
  const std::string md = render_markdown(sample());
  EXPECT_NE(md.find("| **ref** | 2 | 0 | 0 | 0 | 0 | 2 | 60 |"), std::string::npos);
  EXPECT_NE(md.find("### Cases where providers differ (1)"), std::string::npos);
  EXPECT_NE(md.find("par.core/push"), std::string::npos);
  EXPECT_EQ(md.find("par.core/same"), std::string::npos);
  EXPECT_NE(md.find("(emulated: built from documentation &lt;b&gt;not&lt;/b&gt;"),
            std::string::npos);
}

TEST(MarkdownReport, EveryTableLineHasTheSameNumberOfCells) {
  Comparison c = sample();
  c.rows[0].title = k_hostile;
  const std::string md = render_markdown(c);
  std::size_t pos = md.find("| case |");
  ASSERT_NE(pos, std::string::npos);
  const auto cells = [](const std::string& line) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      count += line[i] == '|' && (i == 0 || line[i - 1] != '\\') ? 1 : 0;
    }
    return count;
  };
  std::size_t expected = 0;
  while (pos < md.size() && md[pos] == '|') {
    const std::size_t end = md.find('\n', pos);
    const std::string line = md.substr(pos, end - pos);
    expected = expected == 0 ? cells(line) : expected;
    EXPECT_EQ(cells(line), expected) << line;
    pos = end + 1;
  }
  EXPECT_EQ(expected, 6U);  // case, requirements, differs, 2 providers: 6 separators
}

TEST(MarkdownReport, CapsTheDifferencesTable) {
  std::vector<CaseResult> a;
  std::vector<CaseResult> b;
  for (int i = 0; i < 5; ++i) {
    a.push_back(one_case("s", "c" + std::to_string(i), Outcome::passed));
    b.push_back(one_case("s", "c" + std::to_string(i), Outcome::failed));
  }
  const std::string md = render_markdown(build_comparison({provider("a", a), provider("b", b)}), 2);
  EXPECT_NE(md.find("… and 3 more differing cases"), std::string::npos);
  EXPECT_EQ(md.find("s/c2"), std::string::npos);
}

TEST(ComparisonJson, CarriesProvidersRowsAndCells) {
  const nlohmann::json doc = comparison_json(sample());
  EXPECT_EQ(doc["kind"], "comparison");
  EXPECT_EQ(doc["summary"]["cases"], 2);
  EXPECT_EQ(doc["summary"]["differing"], 1);
  EXPECT_EQ(doc["providers"][1]["label"], "vendor");
  EXPECT_EQ(doc["providers"][1]["totals"]["failed"], 1);
  EXPECT_EQ(doc["providers"][0]["lifetimes"][0], "60");
  const nlohmann::json& row = doc["rows"][0];
  EXPECT_EQ(row["full_id"], "par.core/push");
  EXPECT_EQ(row["difference"], "verdict");
  EXPECT_EQ(row["requirements"][0], "RFC9126-2.2-a");
  EXPECT_EQ(row["cells"][1]["verdict"], "failed");
  EXPECT_EQ(row["cells"][1]["steps"][0]["observed"]["error"], "invalid_request");
  EXPECT_EQ(row["cells"][1]["steps"][0]["observed"]["error_description"], k_hostile);
  EXPECT_EQ(row["cells"][0]["behaviour"], "push: 201, expires_in 60");
}

}  // namespace
}  // namespace parity::compare
