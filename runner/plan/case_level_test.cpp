#include "plan/case_level.hpp"

#include "plan/test_cases.hpp"

#include <gtest/gtest.h>

namespace parity::run {

using namespace test_support;  // the shared case builders and fakes of plan/ and run/
namespace {

Case fapi2_case() {
  Case spec = make_case("s", "fapi", {});
  spec.level = Level::should;
  spec.must_under_fapi2 = true;
  return spec;
}

TEST(CaseLevelTest, FixedLevelsIgnoreTheProfile) {
  Profile profile = test_profile();
  profile.capabilities.insert("fapi2");
  Case spec = make_case("s", "plain", {});
  EXPECT_EQ(effective_level(spec, profile).level, Level::must);
  EXPECT_EQ(effective_level(spec, profile).reason, "");
  spec.level = Level::should;
  EXPECT_EQ(effective_level(spec, profile).level, Level::should);
}

TEST(CaseLevelTest, Fapi2LevelFailsOnlyOnProfilesThatDeclareFapi2) {
  Profile plain = test_profile();
  plain.capabilities.erase("fapi2");
  const EffectiveLevel elsewhere = effective_level(fapi2_case(), plain);
  EXPECT_EQ(elsewhere.level, Level::should);
  EXPECT_EQ(elsewhere.reason,
            "should: a FAPI 2.0 or peer-suite expectation, and the profile does not declare "
            "'fapi2'");

  Profile fapi2 = test_profile();
  fapi2.capabilities.insert("fapi2");
  const EffectiveLevel declared = effective_level(fapi2_case(), fapi2);
  EXPECT_EQ(declared.level, Level::must);
  EXPECT_EQ(declared.reason,
            "must: a FAPI 2.0 or peer-suite expectation, and the profile declares 'fapi2'");
}

}  // namespace
}  // namespace parity::run
