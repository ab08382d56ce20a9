#include "core/requirement.hpp"

#include <gtest/gtest.h>

namespace parity {
namespace {

Requirement binding(const std::string& binds) {
  Requirement requirement;
  requirement.binds = binds;
  return requirement;
}

TEST(RequirementTest, BindsServerWhenAsIsNamedOutsideRemarks) {
  for (const char* binds :
       {"AS", "AS+C", "C, AS", "C / AS", "AS / C", "AS (for PAR-minted URIs)"}) {
    EXPECT_TRUE(binding(binds).binds_server()) << binds;
  }
  for (const char* binds : {"C", "", "C (AS rejects)", "C (AS checks)", "CLASS"}) {
    EXPECT_FALSE(binding(binds).binds_server()) << binds;
  }
}

TEST(RequirementTest, AbsoluteServerRulesBindTheServerAtMustLevel) {
  Requirement rule = binding("AS");
  for (const char* level : {"MUST", "MUST NOT", "SHALL", "REQUIRED", "IMPLICIT"}) {
    rule.level = level;
    EXPECT_TRUE(rule.is_absolute_server_rule()) << level;
  }
  for (const char* level : {"SHOULD", "MAY", "OPTIONAL", "INFORMATIVE", "CHECK"}) {
    rule.level = level;
    EXPECT_FALSE(rule.is_absolute_server_rule()) << level;
  }
  Requirement client_rule = binding("C (AS rejects)");
  client_rule.level = "MUST NOT";
  EXPECT_FALSE(client_rule.is_absolute_server_rule());
}

TEST(RequirementTest, FindsFacetsById) {
  Requirement requirement;
  requirement.facets = {{"single-use", "used once", {}}, {"short-lived", "expires", {}}};
  ASSERT_NE(requirement.find_facet("short-lived"), nullptr);
  EXPECT_EQ(requirement.find_facet("short-lived")->summary, "expires");
  EXPECT_EQ(requirement.find_facet("client-bound"), nullptr);
}

TEST(RequirementTest, ParsesReferencesToRequirementsAndFacets) {
  EXPECT_EQ(parse_requirement_ref("RFC6749-4.1.2-a#single-use"),
            (RequirementRef{"RFC6749-4.1.2-a", "single-use"}));
  EXPECT_EQ(parse_requirement_ref("RFC9126-2.1-b2"), (RequirementRef{"RFC9126-2.1-b2", ""}));
  EXPECT_EQ(parse_requirement_ref("RFC6749-4.1.2-a#single-use").str(),
            "RFC6749-4.1.2-a#single-use");
  EXPECT_EQ(parse_requirement_ref("FAPI2-5.3.2.2-N2/N3").str(), "FAPI2-5.3.2.2-N2/N3");
}

}  // namespace
}  // namespace parity
