#include "coverage/coverage_json.hpp"
#include "coverage/coverage_report.hpp"
#include "coverage/coverage_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace parity::coverage {
namespace {

Requirement requirement(const std::string& id,
                        const std::string& spec,
                        const std::string& level,
                        std::vector<std::string> observable) {
  Requirement r;
  r.id = id;
  r.spec = spec;
  r.section = "1";
  r.level = level;
  r.level_text = level;
  r.observable = std::move(observable);
  r.summary = "summary of " + id;
  return r;
}

Case case_citing(const std::string& id, std::vector<std::string> requirements) {
  Case kase;
  kase.id = id;
  kase.suite = "par.t";
  kase.requirements = std::move(requirements);
  return kase;
}

// A tiny catalogue: every kind of row that decides whether a gap blocks.
std::vector<Requirement> tiny_catalogue() {
  return {
      requirement("RFC9126-2.2-a", "RFC 9126", "MUST", {"PAR"}),        // covered
      requirement("RFC9126-2.2-d", "RFC 9126", "MUST", {"AUTHZ"}),      // blocking gap
      requirement("RFC9126-4-b", "RFC 9126", "SHOULD", {"AUTHZ"}),      // covered
      requirement("RFC9126-2.1-c", "RFC 9126", "MAY", {"PAR"}),         // gap, not blocking
      requirement("RFC9126-4-a", "RFC 9126", "MUST", {}),               // not observable
      requirement("RFC9126-5-n1", "RFC 9126", "IMPLICIT", {"META"}),    // gap, not blocking
      requirement("RFC6749-5.2-a", "RFC 6749", "REQUIRED", {"PAR"}),    // covered
      requirement("RFC6749-2.3.1-c", "RFC 6749", "MUST NOT", {"PAR"}),  // gap, other spec
  };
}

std::vector<Suite> tiny_suites() {
  Suite suite{"par.t", "T", "t.yaml", {}};
  suite.cases.push_back(case_citing("a", {"RFC9126-2.2-a", "RFC6749-5.2-a"}));
  suite.cases.push_back(case_citing("b", {"RFC9126-2.2-a", "RFC9126-2.2-a", "RFC9126-4-b"}));
  suite.cases.push_back(case_citing("c", {"NOT-IN-CATALOGUE"}));
  return {suite};
}

TEST(CoverageTest, MapsEachRequirementToTheCasesCitingIt) {
  const CoverageReport report = compute_coverage(tiny_catalogue(), tiny_suites());
  ASSERT_EQ(report.requirements.size(), 8U);
  EXPECT_EQ(report.requirements[0].requirement.id, "RFC9126-2.2-a");
  EXPECT_EQ(report.requirements[0].cases, (std::vector<std::string>{"par.t/a", "par.t/b"}));
  EXPECT_EQ(report.requirements[2].cases, std::vector<std::string>{"par.t/b"});
  EXPECT_TRUE(report.requirements[1].cases.empty());
  EXPECT_FALSE(report.requirements[4].is_gap());  // not observable: never a gap
  EXPECT_EQ(report.gaps,
            (std::vector<std::string>{
                "RFC9126-2.2-d", "RFC9126-2.1-c", "RFC9126-5-n1", "RFC6749-2.3.1-c"}));
}

TEST(CoverageTest, TalliesObservableRequirementsPerSpecAndLevel) {
  const CoverageReport report = compute_coverage(tiny_catalogue(), tiny_suites());
  ASSERT_EQ(report.specs.size(), 2U);
  const SpecFigures& par = report.specs[0];
  EXPECT_EQ(par.spec, "RFC 9126");
  EXPECT_EQ(par.requirements, 6U);
  EXPECT_EQ(par.observable.covered, 2U);
  EXPECT_EQ(par.observable.total, 5U);
  EXPECT_EQ(par.must_level.covered, 1U);
  EXPECT_EQ(par.must_level.total, 2U);  // the unobservable MUST is not counted
  EXPECT_EQ(par.should_level.covered, 1U);
  EXPECT_EQ(par.should_level.total, 1U);
  const SpecFigures& oauth = report.specs[1];
  EXPECT_EQ(oauth.must_level.covered, 1U);  // REQUIRED and MUST NOT are MUST-level
  EXPECT_EQ(oauth.must_level.total, 2U);
  EXPECT_EQ(report.total.observable.covered, 3U);
  EXPECT_EQ(report.total.observable.total, 7U);
}

TEST(CoverageTest, OnlyRfc9126MustAndShouldGapsBlock) {
  const CoverageReport report = compute_coverage(tiny_catalogue(), tiny_suites());
  EXPECT_TRUE(has_blocking_gaps(report));
  EXPECT_EQ(blocking_gaps(report), std::vector<std::string>{"RFC9126-2.2-d"});

  std::vector<Suite> suites = tiny_suites();
  suites[0].cases.push_back(case_citing("d", {"RFC9126-2.2-d"}));
  const CoverageReport covered = compute_coverage(tiny_catalogue(), suites);
  EXPECT_FALSE(has_blocking_gaps(covered));  // MAY, IMPLICIT and RFC 6749 gaps remain
  EXPECT_EQ(covered.gaps.size(), 3U);

  std::vector<Requirement> catalogue = tiny_catalogue();
  catalogue.push_back(requirement("RFC9126-7.3-a", "RFC 9126", "SHOULD", {"AUTHZ"}));
  EXPECT_TRUE(has_blocking_gaps(compute_coverage(catalogue, suites)));
}

TEST(CoverageTest, TextListsCasesGapsAndFigures) {
  std::ostringstream out;
  write_coverage_text(compute_coverage(tiny_catalogue(), tiny_suites()), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("RFC 9126: 6 requirements, 5 observable\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  RFC9126-2.2-a    MUST      PAR         par.t/a\n"
                      "                                         par.t/b\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  RFC9126-2.2-d    MUST      AUTHZ       GAP (blocking)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  RFC9126-2.1-c    MAY       PAR         GAP\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  RFC9126-4-a      MUST      -           -\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  covered: observable 2/5 (40%), MUST-level 1/2 (50%), SHOULD-level "
                      "1/1 (100%)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\ncoverage: 3 of 7 observable requirements have a case; 4 gaps (peer "
                      "checklist included), 1 blocking"),
            std::string::npos)
      << text;
}

TEST(CoverageTest, PeerChecksAreTalliedApartAndOutOfScopeRowsAreNoGaps) {
  std::vector<Requirement> catalogue = tiny_catalogue();
  catalogue.push_back(requirement("PEER-C2", "Peer checklist", "CHECK", {"PAR"}));
  catalogue.push_back(requirement("PEER-H8", "Peer checklist", "CHECK", {"AUTHZ"}));
  catalogue.back().out_of_scope = "Keycloak realms";
  catalogue.push_back(requirement("PEER-E1", "Peer checklist", "CHECK", {"PAR"}));
  std::vector<Suite> suites = tiny_suites();
  suites[0].cases.push_back(case_citing("p", {"PEER-C2"}));
  const CoverageReport report = compute_coverage(catalogue, suites);

  EXPECT_EQ(report.total.observable.total, 7U);  // the specifications only
  EXPECT_EQ(report.peer.observable.covered, 1U);
  EXPECT_EQ(report.peer.observable.total, 2U);  // PEER-H8 is out of scope
  EXPECT_EQ(std::count(report.gaps.begin(), report.gaps.end(), "PEER-E1"), 1);
  EXPECT_EQ(std::count(report.gaps.begin(), report.gaps.end(), "PEER-H8"), 0);
  EXPECT_FALSE(is_blocking_gap(report.requirements.back()));

  std::ostringstream out;
  write_coverage_text(report, out);
  EXPECT_NE(out.str().find("out of scope: Keycloak realms"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("peer checklist: 1 of 2 observable, in-scope checks have a case"),
            std::string::npos)
      << out.str();
  EXPECT_EQ(to_json(report)["peer_checklist"]["observable"],
            nlohmann::json({{"covered", 1}, {"total", 2}}));
}

TEST(CoverageTest, JsonCarriesRowsFiguresAndGaps) {
  const nlohmann::json json = to_json(compute_coverage(tiny_catalogue(), tiny_suites()));
  ASSERT_EQ(json["requirements"].size(), 8U);
  EXPECT_EQ(json["requirements"][0]["cases"], nlohmann::json({"par.t/a", "par.t/b"}));
  EXPECT_EQ(json["requirements"][1]["blocking"], true);
  EXPECT_EQ(json["requirements"][3]["gap"], true);
  EXPECT_EQ(json["requirements"][3]["blocking"], false);
  EXPECT_EQ(json["specs"][0]["observable"], nlohmann::json({{"covered", 2}, {"total", 5}}));
  EXPECT_EQ(json["total"]["observable"]["total"], 7);
  EXPECT_EQ(json["blocking_gaps"], nlohmann::json({"RFC9126-2.2-d"}));
  EXPECT_EQ(json["gaps"].size(), 4U);
}

}  // namespace
}  // namespace parity::coverage
