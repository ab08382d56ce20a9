#include "load/catalogue_loader.hpp"

#include "core/build_info.hpp"
#include "load/suite_loader.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace parity::load {
namespace {

using test_support::TempDir;

constexpr const char* k_catalogue = R"(spec_source: "baseline"
requirements:
  - id: RFC9126-2.2-a
    spec: RFC 9126
    section: "2.2"
    level: MUST
    level_text: "MUST"
    binds: AS
    observable: [PAR]
    summary: "201 with request_uri and expires_in."
  - id: "RFC9126-2.2-b"
    spec: RFC 9126
    section: "2.2"
    level: MUST
    observable: [PAR, AUTHZ]
    partial: true
    summary: "request_uri is unguessable."
  - id: "FAPI2-5.3.2.2-N2/N3"
    spec: FAPI 2.0
    section: "5.3.2.2 NOTE 2–3"
    level: INFORMATIVE
    observable: []
    summary: "A note."
)";

// A catalogue with one entry whose body is `entry` (indented under "- ").
std::string one_entry(const std::string& entry) {
  return "requirements:\n  - id: X-1\n" + entry;
}

std::string load_error(const std::string& text) {
  TempDir dir;
  const std::string path = dir.write("catalogue.yaml", text);
  try {
    load_catalogue(path);
  } catch (const LoadError& error) {
    const std::string what = error.what();
    return what.substr(path.size() + 1);
  }
  return "no error";
}

TEST(CatalogueLoaderTest, LoadsEveryFieldInFileOrder) {
  TempDir dir;
  const std::string path = dir.write("catalogue.yaml", k_catalogue);
  const std::vector<Requirement> catalogue = load_catalogue(path);
  ASSERT_EQ(catalogue.size(), 3U);
  const Requirement& first = catalogue[0];
  EXPECT_EQ(first.id, "RFC9126-2.2-a");
  EXPECT_EQ(first.spec, "RFC 9126");
  EXPECT_EQ(first.section, "2.2");
  EXPECT_EQ(first.level, "MUST");
  EXPECT_EQ(first.level_text, "MUST");
  EXPECT_EQ(first.binds, "AS");
  EXPECT_EQ(first.observable, std::vector<std::string>{"PAR"});
  EXPECT_FALSE(first.partial);
  EXPECT_TRUE(first.is_observable());
  EXPECT_EQ(first.summary, "201 with request_uri and expires_in.");
  EXPECT_EQ(first.where.str(), path + ":3:5");
  EXPECT_EQ(catalogue[1].observable, (std::vector<std::string>{"PAR", "AUTHZ"}));
  EXPECT_TRUE(catalogue[1].partial);
  EXPECT_EQ(catalogue[1].level_text, "MUST");  // defaults to the level
  EXPECT_EQ(catalogue[2].id, "FAPI2-5.3.2.2-N2/N3");
  EXPECT_FALSE(catalogue[2].is_observable());
}

TEST(CatalogueLoaderTest, RejectsBadEntriesAtTheOffendingNode) {
  EXPECT_EQ(load_error(one_entry("    spec: S\n    section: '1'\n    level: MUST\n"
                                 "    sumary: x\n")),
            "6:5: unknown key 'sumary' in requirement (did you mean 'summary'?)");
  EXPECT_EQ(load_error(one_entry("    spec: S\n    section: '1'\n    level: MUST\n")),
            "2:5: missing required key 'summary' in requirement");
  EXPECT_EQ(load_error(one_entry("    spec: S\n    section: '1'\n    level: MUTS\n"
                                 "    summary: x\n"))
                .substr(0, 60),
            "5:12: unknown level 'MUTS' (did you mean 'MUST'?); expected ");
  EXPECT_EQ(load_error(one_entry("    spec: S\n    section: '1'\n    level: MAY\n"
                                 "    observable: [PAR, AUHTZ]\n    summary: x\n"))
                .substr(0, 63),
            "6:23: unknown observation point 'AUHTZ' (did you mean 'AUTHZ'?)");
  EXPECT_EQ(load_error(one_entry("    spec: S\n    section: '1'\n    level: MAY\n"
                                 "    observable: [PAR, PAR]\n    summary: x\n")),
            "6:23: observation point 'PAR' is listed twice");
  EXPECT_EQ(load_error(one_entry("    spec: S\n    section: '1'\n    level: MAY\n"
                                 "    partial: maybe\n    summary: x\n")),
            "6:14: 'partial' must be true or false");
  EXPECT_EQ(load_error("requirements: []\n"), "1:15: 'requirements' must be a non-empty list");
  EXPECT_EQ(load_error("requirement: []\n"),
            "1:1: unknown key 'requirement' in requirement catalogue (did you mean "
            "'requirements'?)");
}

TEST(CatalogueLoaderTest, LoadsFacets) {
  TempDir dir;
  const std::string path =
      dir.write("catalogue.yaml",
                one_entry("    spec: S\n    section: '1'\n    level: MUST\n    summary: x\n"
                          "    facets:\n      - { id: single-use, summary: once }\n"
                          "      - id: short-lived\n        summary: expires\n"));
  const std::vector<Requirement> catalogue = load_catalogue(path);
  ASSERT_EQ(catalogue.size(), 1U);
  ASSERT_EQ(catalogue[0].facets.size(), 2U);
  EXPECT_EQ(catalogue[0].facets[0].id, "single-use");
  EXPECT_EQ(catalogue[0].facets[0].summary, "once");
  EXPECT_EQ(catalogue[0].facets[1].id, "short-lived");
  EXPECT_EQ(catalogue[0].facets[1].where.str(), path + ":9:9");
}

TEST(CatalogueLoaderTest, RejectsBadFacetsAtTheOffendingNode) {
  const std::string entry = "    spec: S\n    section: '1'\n    level: MUST\n    summary: x\n";
  EXPECT_EQ(load_error(one_entry(entry + "    facets:\n      - { id: a, summary: x }\n"
                                         "      - { id: a, summary: y }\n")),
            "9:15: facet 'a' is listed twice");
  EXPECT_EQ(load_error(one_entry(entry + "    facets:\n      - { id: Single_Use, summary: x }\n"
                                         "      - { id: b, summary: y }\n"))
                .substr(0, 45),
            "8:15: invalid facet id 'Single_Use' (lowercas");
  EXPECT_EQ(load_error(one_entry(entry + "    facets:\n      - { id: a, sumary: x }\n"
                                         "      - { id: b, summary: y }\n")),
            "8:18: unknown key 'sumary' in facet (did you mean 'summary'?)");
  EXPECT_EQ(load_error(one_entry(entry + "    facets: [{ id: a, summary: x }]\n")).substr(0, 46),
            "7:13: 'facets' must be a list of at least two ");
}

TEST(CatalogueLoaderTest, RejectsADuplicateIdAtTheSecondEntry) {
  const std::string entry =
      "  - id: X-1\n    spec: S\n    section: '1'\n    level: MAY\n"
      "    summary: x\n";
  const std::string error = load_error("requirements:\n" + entry + entry);
  EXPECT_EQ(error.substr(0, 54), "7:5: duplicate requirement id 'X-1' (first defined at ");
  EXPECT_EQ(error.substr(error.size() - 20), "/catalogue.yaml:2:5)");
}

TEST(CatalogueLoaderTest, LoadsEveryFileOfADirectoryAndRejectsIdsRepeatedAcrossFiles) {
  TempDir dir;
  dir.write("catalogue/a-peer.yaml",
            "requirements:\n  - id: PEER-C2\n    spec: Peer checklist\n    section: C\n"
            "    level: CHECK\n    observable: [PAR]\n    summary: request_uri in the body\n"
            "    sources: OIDF2, NOP\n    expected: 400\n    out_of_scope: not here\n");
  dir.write("catalogue/b-spec.yaml", k_catalogue);
  const std::vector<Requirement> catalogue = load_catalogue(dir.path() + "/catalogue");
  ASSERT_EQ(catalogue.size(), 4U);
  EXPECT_EQ(catalogue[0].id, "PEER-C2");
  EXPECT_TRUE(catalogue[0].is_peer_check());
  EXPECT_EQ(catalogue[0].sources, "OIDF2, NOP");
  EXPECT_EQ(catalogue[0].out_of_scope, "not here");
  EXPECT_FALSE(catalogue[0].is_testable());
  EXPECT_EQ(catalogue[1].id, "RFC9126-2.2-a");

  dir.write("catalogue/c-again.yaml", k_catalogue);
  try {
    load_catalogue(dir.path() + "/catalogue");
    ADD_FAILURE() << "a repeated id across files must be rejected";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("c-again.yaml:3:5: duplicate requirement id"),
              std::string::npos)
        << error.what();
  }
}

class RequirementIdsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_catalogue = load_catalogue(m_dir.write("catalogue.yaml", k_catalogue));
  }
  std::vector<Suite> suite_citing(const std::string& ids) {
    const std::string path = m_dir.write("suite.yaml",
                                         "suite: par.x\ntitle: X\ncases:\n  - id: a\n"
                                         "    title: A\n    requirements: " +
                                             ids + "\n    steps: [{discover: {}}]\n");
    return load_suites({path});
  }

  TempDir m_dir;
  std::vector<Requirement> m_catalogue;
};

TEST_F(RequirementIdsTest, KnownIdsPass) {
  const auto suites = suite_citing("[RFC9126-2.2-a, FAPI2-5.3.2.2-N2/N3]");
  EXPECT_TRUE(unknown_requirement_ids(suites, m_catalogue).empty());
  EXPECT_NO_THROW(check_requirement_ids(suites, m_catalogue));
}

TEST_F(RequirementIdsTest, UnknownIdIsReportedAtTheIdWithASuggestion) {
  const auto suites = suite_citing("[RFC9126-2.2-a, RFC9126-2.2-z, NOPE-1]");
  const std::vector<LoadError> errors = unknown_requirement_ids(suites, m_catalogue);
  ASSERT_EQ(errors.size(), 2U);
  const std::string file = m_dir.path() + "/suite.yaml";
  EXPECT_EQ(std::string(errors[0].what()),
            file +
                ":6:35: requirement 'RFC9126-2.2-z' is not in the requirement catalogue (did "
                "you mean 'RFC9126-2.2-a'?)");
  EXPECT_EQ(std::string(errors[1].what()),
            file + ":6:50: requirement 'NOPE-1' is not in the requirement catalogue");
  try {
    check_requirement_ids(suites, m_catalogue);
    FAIL() << "no error";
  } catch (const LoadError& error) {
    EXPECT_EQ(error.where().str(), file + ":6:35");
  }
}

TEST_F(RequirementIdsTest, CaseLocationIsUsedWhenTheIdsHaveNone) {
  Suite suite{"s", "S", "s.yaml", {}};
  Case kase;
  kase.id = "c";
  kase.suite = "s";
  kase.requirements = {"RFC9126-9-a"};
  kase.where = {"s.yaml", 4, 5};
  suite.cases.push_back(kase);
  const std::vector<LoadError> errors = unknown_requirement_ids({suite}, m_catalogue);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].where().str(), "s.yaml:4:5");
}

// The committed catalogue loads, and every committed case cites ids it holds.
TEST(CommittedCatalogueTest, LoadsAndCoversEveryCitedId) {
  const std::filesystem::path root{std::string(parity::build_info::source_dir())};
  const std::vector<Requirement> catalogue = load_catalogue((root / "suites/catalogue").string());
  EXPECT_GE(catalogue.size(), 250U);
  std::set<std::string> specs;
  for (const Requirement& requirement : catalogue) {
    specs.insert(requirement.spec);
  }
  EXPECT_TRUE(specs.contains("RFC 9126"));
  EXPECT_TRUE(specs.contains("Peer checklist"));
  const std::vector<Suite> suites = load_suites({(root / "suites").string()});
  for (const LoadError& error : unknown_requirement_ids(suites, catalogue)) {
    ADD_FAILURE() << error.what();
  }
}

}  // namespace
}  // namespace parity::load
