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

TEST(CoverageTest, TextListsStatusSummaryCasesAndFigures) {
  std::ostringstream out;
  write_coverage_text(compute_coverage(tiny_catalogue(), tiny_suites()), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("RFC 9126: 6 requirements, 5 observable\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  RFC9126-2.2-a    MUST      -      PAR         CITED, NOT PROVEN\n"
                      "      summary of RFC9126-2.2-a\n      cases: par.t/a, par.t/b\n"
                      "      NOT PROVEN (no fault breaks it)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  RFC9126-2.2-d    MUST      -      AUTHZ       GAP (blocking)\n"
                      "      summary of RFC9126-2.2-d\n  RFC9126-4-b"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  RFC9126-2.1-c    MAY       -      PAR         GAP\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("  RFC9126-4-a      MUST      -      -           not observable\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  cited/proven/gap: observable 2/0/3 of 5, MUST-level 1/0/1 of 2 "
                      "(AS-side -), SHOULD-level 1/0/0 of 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\ncoverage: 3 of 7 observable requirements have a case; 4 gaps (peer "
                      "checklist included), 1 blocking"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nproof: 0 of 7 observable requirements proven"), std::string::npos) << text;
}

// Requirements that bind the server, one with facets, and evidence from a selftest run.
std::vector<Requirement> proof_catalogue() {
  std::vector<Requirement> catalogue = tiny_catalogue();
  for (Requirement& r : catalogue) {
    r.binds = "AS";
  }
  catalogue[0].facets = {{"created", "201", {}}, {"json", "JSON body", {}}};
  return catalogue;
}

ProofEvidence selftest_evidence() {
  ProofEvidence evidence;
  evidence.verified = true;
  evidence.source = "selftest.json";
  evidence.faults = {
      {"push_returns_200", {"RFC9126-2.2-a#created"}, {"par.t/a"}, {}, false},
      // c does not cite 2.2-a; b does, but a warning does not catch a MUST fault
      {"push_text_plain", {"RFC9126-2.2-a#json"}, {"par.t/c"}, {"par.t/b"}, false},
      // a warning proves a SHOULD requirement
      {"reusable", {"RFC9126-4-b"}, {}, {"par.t/b"}, false},
      {"bad_status", {"RFC6749-5.2-a"}, {}, {}, false},  // not caught
      // a SHOULD-level fault is caught by a warning whatever it breaks
      {"explicit_should", {"RFC6749-5.2-a"}, {}, {"par.t/a"}, true},
      {"typo",
       {"RFC9126-2.2-a#jsn", "RFC9126-2.2-a", "RFC9126-4-b#x", "NOPE-1"},
       {"par.t/a"},
       {},
       false},
  };
  return evidence;
}

TEST(CoverageTest, AFacetIsProvenByAFaultThatACitingCaseCaught) {
  const CoverageReport report =
      compute_coverage(proof_catalogue(), tiny_suites(), selftest_evidence());
  const RequirementCoverage& response = report.requirements[0];
  ASSERT_EQ(response.proofs.size(), 2U);
  EXPECT_EQ(response.proofs[0].facet, "created");
  EXPECT_EQ(response.proofs[0].faults, std::vector<std::string>{"push_returns_200"});
  EXPECT_FALSE(response.proofs[1].proven());
  EXPECT_EQ(response.proofs[1].caught_elsewhere, std::vector<std::string>{"push_text_plain"});
  EXPECT_FALSE(response.is_proven());  // one facet without proof
  EXPECT_EQ(response.status(), Status::cited);
  EXPECT_TRUE(report.requirements[2].is_proven());  // RFC9126-4-b, no facets
  EXPECT_EQ(report.requirements[6].proofs[0].missed, std::vector<std::string>{"bad_status"});
  EXPECT_EQ(report.requirements[6].proofs[0].faults, std::vector<std::string>{"explicit_should"});
  EXPECT_EQ(
      report.evidence_problems,
      (std::vector<std::string>{"typo: RFC9126-2.2-a has no facet 'jsn' (did you mean 'json'?)",
                                "typo: RFC9126-2.2-a has facets (created, json): name one",
                                "typo: RFC9126-4-b has no facets, so no facet 'x'",
                                "typo: NOPE-1 is not in the requirement catalogue"}));
  EXPECT_EQ(report.specs[0].observable.proven, 1U);
  EXPECT_EQ(report.total.observable.proven, 2U);
}

TEST(CoverageTest, OnlyUnprovenRfc9126ServerMustsBlock) {
  ProofEvidence evidence = selftest_evidence();
  const CoverageReport report = compute_coverage(proof_catalogue(), tiny_suites(), evidence);
  // RFC9126-2.2-a (a facet unproven) and RFC9126-2.2-d (a gap); SHOULD, MAY and other specs
  // never block.
  EXPECT_EQ(blocking_unproven(report),
            (std::vector<std::string>{"RFC9126-2.2-a", "RFC9126-2.2-d"}));
  evidence.faults[1].failed = {"par.t/b"};
  std::vector<Suite> suites = tiny_suites();
  suites[0].cases.push_back(case_citing("d", {"RFC9126-2.2-d"}));
  evidence.faults.push_back({"unbound", {"RFC9126-2.2-d"}, {"par.t/d"}, {}, false});
  EXPECT_TRUE(blocking_unproven(compute_coverage(proof_catalogue(), suites, evidence)).empty());

  std::vector<Requirement> client_rules = proof_catalogue();
  client_rules[1].binds = "C (AS rejects)";  // not a server rule: never blocks unproven
  EXPECT_EQ(blocking_unproven(compute_coverage(client_rules, tiny_suites(), selftest_evidence())),
            std::vector<std::string>{"RFC9126-2.2-a"});
}

TEST(CoverageTest, TextAndJsonShowProofs) {
  const CoverageReport report =
      compute_coverage(proof_catalogue(), tiny_suites(), selftest_evidence());
  std::ostringstream out;
  write_coverage_text(report, out);
  const std::string text = out.str();
  EXPECT_NE(text.find("      facet created: proven by push_returns_200\n      facet json: NOT "
                      "PROVEN (caught only by cases that do not cite it: push_text_plain)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  RFC9126-4-b      SHOULD    AS     AUTHZ       PROVEN\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("as the selftest run selftest.json showed\nunproven RFC 9126 AS-side MUST "
                      "requirements: 2 (blocking): RFC9126-2.2-a, RFC9126-2.2-d\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("evidence problem: typo: NOPE-1 is not in the requirement catalogue\n"),
            std::string::npos)
      << text;
  const nlohmann::json json = to_json(report);
  EXPECT_EQ(json["requirements"][0]["status"], "cited");
  EXPECT_EQ(json["requirements"][0]["proofs"][0]["faults"], nlohmann::json({"push_returns_200"}));
  EXPECT_EQ(json["requirements"][0]["blocking_unproven"], true);
  EXPECT_EQ(json["requirements"][2]["status"], "proven");
  EXPECT_EQ(json["proof"]["verified"], true);
  EXPECT_EQ(json["proof"]["blocking_unproven"], nlohmann::json({"RFC9126-2.2-a", "RFC9126-2.2-d"}));
  EXPECT_EQ(json["specs"][0]["observable"],
            nlohmann::json({{"covered", 2}, {"proven", 1}, {"gaps", 3}, {"total", 5}}));
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
            nlohmann::json({{"covered", 1}, {"proven", 0}, {"gaps", 1}, {"total", 2}}));
}

TEST(CoverageTest, JsonCarriesRowsFiguresAndGaps) {
  const nlohmann::json json = to_json(compute_coverage(tiny_catalogue(), tiny_suites()));
  ASSERT_EQ(json["requirements"].size(), 8U);
  EXPECT_EQ(json["requirements"][0]["cases"], nlohmann::json({"par.t/a", "par.t/b"}));
  EXPECT_EQ(json["requirements"][1]["blocking"], true);
  EXPECT_EQ(json["requirements"][3]["gap"], true);
  EXPECT_EQ(json["requirements"][3]["blocking"], false);
  EXPECT_EQ(json["specs"][0]["observable"],
            nlohmann::json({{"covered", 2}, {"proven", 0}, {"gaps", 3}, {"total", 5}}));
  EXPECT_EQ(json["total"]["observable"]["total"], 7);
  EXPECT_EQ(json["blocking_gaps"], nlohmann::json({"RFC9126-2.2-d"}));
  EXPECT_EQ(json["gaps"].size(), 4U);
}

}  // namespace
}  // namespace parity::coverage
