#include "load/level_rule.hpp"

#include "core/build_info.hpp"
#include "load/catalogue_loader.hpp"
#include "load/suite_loader.hpp"
#include "load/test_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace parity::load {
namespace {

using test_support::TempDir;

Requirement rule(const std::string& id,
                 const std::string& spec,
                 const std::string& level,
                 const std::string& binds) {
  Requirement requirement;
  requirement.id = id;
  requirement.spec = spec;
  requirement.level = level;
  requirement.binds = binds;
  return requirement;
}

class LevelRuleTest : public ::testing::Test {
 protected:
  /// The errors for one case citing `ids` at `level` ("" for the default level).
  std::vector<LoadError> errors_for(const std::string& ids, const std::string& level) {
    const std::string path = m_dir.write(
        "suite.yaml",
        "suite: par.x\ntitle: X\ncases:\n  - id: a\n    title: A\n    requirements: " + ids + "\n" +
            (level.empty() ? "" : "    level: " + level + "\n") + "    steps: [{discover: {}}]\n");
    m_file = path;
    return case_level_errors(load_suites({path}), m_catalogue);
  }

  TempDir m_dir;
  std::string m_file;
  std::vector<Requirement> m_catalogue{
      rule("AS-MUST", "RFC 9126", "MUST", "AS"),
      rule("AS-SHOULD", "RFC 9126", "SHOULD", "AS"),
      rule("C-MUST-NOT", "RFC 9101", "MUST NOT", "C (AS rejects)"),
      rule("BOTH-SHALL", "RFC 6749", "SHALL", "C, AS"),
      rule("FAPI-SHALL", "FAPI 2.0", "SHALL", "AS"),
      rule("PEER-X1", "Peer checklist", "CHECK", "AS"),
  };
};

TEST_F(LevelRuleTest, MustCaseCitingAnAbsoluteServerRulePasses) {
  EXPECT_TRUE(errors_for("[C-MUST-NOT, AS-MUST]", "").empty());
  EXPECT_TRUE(errors_for("[BOTH-SHALL]", "must").empty());
}

TEST_F(LevelRuleTest, MustCaseCitingOnlyClientRulesIsAnErrorAtItsFirstRequirement) {
  const std::vector<LoadError> errors = errors_for("[C-MUST-NOT, AS-SHOULD, PEER-X1]", "");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(std::string(errors[0].what()),
            m_file +
                ":6:20: case 'par.x/a' is level must but none of its requirements binds the "
                "server at an absolute level (C-MUST-NOT (MUST NOT, binds C (AS rejects)), "
                "AS-SHOULD (SHOULD, binds AS), PEER-X1 (CHECK, binds AS)); make it 'level: "
                "should', or cite the server rule that makes the server reject");
}

TEST_F(LevelRuleTest, ExplicitMustIsReportedAtTheLevel) {
  const std::vector<LoadError> errors = errors_for("[AS-SHOULD]", "must");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].where().str(), m_file + ":7:12");
}

TEST_F(LevelRuleTest, ShouldCaseMayCiteAnything) {
  EXPECT_TRUE(errors_for("[C-MUST-NOT]", "should").empty());
  EXPECT_TRUE(errors_for("[AS-MUST]", "should").empty());
}

TEST_F(LevelRuleTest, MustCaseOnFapi2RulesAloneMustBeLevelFapi2) {
  const std::vector<LoadError> errors = errors_for("[FAPI-SHALL, PEER-X1]", "");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(std::string(errors[0].what())
                .find("its only absolute server rules are FAPI 2.0 rules (FAPI-SHALL (SHALL, "
                      "binds AS), PEER-X1 (CHECK, binds AS)), which bind only profiles that "
                      "declare fapi2; make it 'level: fapi2'"),
            std::string::npos)
      << errors[0].what();
  EXPECT_TRUE(errors_for("[FAPI-SHALL, PEER-X1]", "fapi2").empty());
}

TEST_F(LevelRuleTest, Fapi2CaseNeedsAnAbsoluteServerRuleAndAFapi2OrPeerRow) {
  EXPECT_TRUE(errors_for("[AS-MUST, PEER-X1]", "fapi2").empty());
  const std::vector<LoadError> no_server_rule = errors_for("[PEER-X1, C-MUST-NOT]", "fapi2");
  ASSERT_EQ(no_server_rule.size(), 1U);
  EXPECT_NE(std::string(no_server_rule[0].what()).find("is level fapi2 but none of its"),
            std::string::npos);
  const std::vector<LoadError> no_fapi2_row = errors_for("[AS-MUST]", "fapi2");
  ASSERT_EQ(no_fapi2_row.size(), 1U);
  EXPECT_NE(std::string(no_fapi2_row[0].what()).find("cites no FAPI 2.0 or peer-checklist row"),
            std::string::npos);
}

TEST_F(LevelRuleTest, UnknownIdsAreLeftToTheIdCheck) {
  EXPECT_TRUE(errors_for("[RFC9126-9-z]", "").empty());
}

TEST_F(LevelRuleTest, CheckRequirementIdsThrowsTheFirstLevelError) {
  const std::string path = m_dir.write(
      "suite.yaml",
      "suite: par.x\ntitle: X\ncases:\n  - id: a\n    title: A\n    requirements: [C-MUST-NOT]\n"
      "    steps: [{discover: {}}]\n");
  EXPECT_THROW(check_requirement_ids(load_suites({path}), m_catalogue), LoadError);
}

// Every committed case passes the rule against the committed catalogue.
TEST(CommittedSuitesLevelTest, EveryLevelIsJustified) {
  const std::filesystem::path root{std::string(parity::build_info::source_dir())};
  const std::vector<Requirement> catalogue = load_catalogue((root / "suites/catalogue").string());
  const std::vector<Suite> suites = load_suites({(root / "suites").string()});
  for (const LoadError& error : case_level_errors(suites, catalogue)) {
    ADD_FAILURE() << error.what();
  }
}

}  // namespace
}  // namespace parity::load
