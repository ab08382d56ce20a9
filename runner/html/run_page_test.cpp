#include "html/run_page.hpp"

#include "report/test_results.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

namespace parity::html {
namespace {

using report::test_support::k_hostile;
using report::test_support::sample_run;

std::vector<Requirement> catalogue() {
  Requirement core;
  core.id = "RFC9126-2.1-c";
  core.spec = "RFC 9126";
  core.section = "2.1";
  core.level = "MUST";
  core.level_text = "MUST";
  core.binds = "AS";
  core.summary = "The request_uri parameter is refused at the PAR endpoint.";
  Requirement hostile;
  hostile.id = "RFC6749-5.1-c";
  hostile.spec = "RFC 6749";
  hostile.level = "SHOULD";
  hostile.summary = k_hostile;
  return {core, hostile};
}

std::size_t count(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

TEST(RunPage, IsSelfContainedWithAStrictPolicy) {
  const std::string html = render_run_page(sample_run(), catalogue());
  EXPECT_NE(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src "
                      "'unsafe-inline'; img-src 'none'\""),
            std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(count(html, "<script[ >]"), 1U);
}

TEST(RunPage, ShowsTheSummaryAndEveryCase) {
  const std::string html = render_run_page(sample_run(), catalogue());
  EXPECT_NE(html.find("5 cases: 1 passed, 1 warned, 1 failed, 1 errored, 1 skipped"),
            std::string::npos);
  EXPECT_NE(html.find("<td id=\"count-failed\">1</td>"), std::string::npos);
  EXPECT_EQ(count(html, "<details class=\"case "), 5U);
  for (const CaseResult& one : sample_run().cases) {
    EXPECT_NE(html.find("id=\"case-" + one.full_id() + "\""), std::string::npos) << one.full_id();
  }
  // Suites in order of first appearance, each once, although par.basic cases interleave.
  EXPECT_LT(html.find("data-suite=\"par.basic\">"), html.find("data-suite=\"par.errors\">"));
  EXPECT_EQ(count(html, "<section class=\"suite\""), 3U);
}

// profiles/README.md, "Plain-HTTP test rigs": the summary says the transport was plain.
TEST(RunPage, SaysWhenTheTransportWasPlainHttp) {
  EXPECT_EQ(render_run_page(sample_run(), catalogue()).find("id=\"plain-http\""),
            std::string::npos);
  RunResult run = sample_run();
  run.transport = Transport::plain_http;
  const std::string html = render_run_page(run, catalogue());
  EXPECT_NE(html.find("id=\"plain-http\"><strong>Plain HTTP:</strong>"), std::string::npos);
  EXPECT_NE(html.find("<tr><th>transport</th><td>plain HTTP"), std::string::npos);
}

TEST(RunPage, ShowsChecksLocationsExpectedActualAndExchanges) {
  const std::string html = render_run_page(sample_run(), catalogue());
  EXPECT_NE(html.find("<code>status equals 400</code></td><td><code>suites/par/basic.yaml:18:11"
                      "</code></td><td><code>400</code></td><td><code>201</code>"),
            std::string::npos);
  EXPECT_NE(html.find("&gt; Authorization: [redacted]"), std::string::npos);
  EXPECT_NE(html.find("skipped:</strong> profile lacks capability &#39;jar&#39;"),
            std::string::npos);
}

TEST(RunPage, QuotesTheCatalogueTextOfCitedRequirements) {
  const std::string html = render_run_page(sample_run(), catalogue());
  EXPECT_NE(html.find("RFC 9126 §2.1, MUST (binds AS): The request_uri parameter is refused at "
                      "the PAR endpoint."),
            std::string::npos);
  EXPECT_NE(html.find("<code>RFC9126-2.2-a</code></dt><dd>(not in the requirement catalogue)"),
            std::string::npos);
}

TEST(RunPage, GroupsNonPassingCasesByCause) {
  RunResult run = sample_run();
  CaseResult again = run.cases[3];  // the failed case, once more under another id
  again.id = "rejects_request_uri_again";
  run.cases.push_back(again);
  const std::string html = render_run_page(run, catalogue());
  const std::size_t causes = html.find("<section id=\"causes\">");
  ASSERT_NE(causes, std::string::npos);
  // Largest group first: the two failures that share "push: status was 201".
  const std::size_t first_row = html.find("<tr><td class=\"count\">", causes);
  EXPECT_EQ(html.substr(first_row, 34), "<tr><td class=\"count\">2</td><td><s");
  EXPECT_NE(html.find("<code>push: status was 201</code>", causes), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#case-par.basic/rejects_request_uri_again\">", causes),
            std::string::npos);
}

TEST(RunPage, OffersFiltersByOutcomeSuiteAndRequirement) {
  const std::string html = render_run_page(sample_run(), catalogue());
  EXPECT_EQ(count(html, "<input type=\"checkbox\" class=\"outcome\" value=\""), 5U);
  EXPECT_NE(html.find("<option value=\"par.errors\">par.errors</option>"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"RFC9126-2.1-c\">RFC9126-2.1-c</option>"), std::string::npos);
  EXPECT_NE(html.find("data-requirements=\" RFC9126-2.2-a RFC9126-2.2-b \""), std::string::npos);
}

TEST(RunPage, EscapesEverythingAServerOrFileSupplies) {
  RunResult run = sample_run();
  run.profile_id = "<script>alert(1)</script>";
  run.setup_error = "<img src=x onerror=alert(1)>";
  const std::string html = render_run_page(run, catalogue());
  EXPECT_EQ(count(html, "<script[ >]"), 1U);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find('\x1b'), std::string::npos);
  EXPECT_EQ(html.find("]]>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("id=\"setup-error\""), std::string::npos);
}

}  // namespace
}  // namespace parity::html
