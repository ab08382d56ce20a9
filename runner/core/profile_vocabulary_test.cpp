#include "core/profile_vocabulary.hpp"

#include "core/build_info.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace parity {
namespace {

std::string profiles_readme() {
  std::ifstream file(build_info::source_path("profiles/README.md"));
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(ProfileVocabulary, EveryPolicyAndCapabilityIsDocumentedInTheProfilesReadme) {
  const std::string readme = profiles_readme();
  ASSERT_FALSE(readme.empty());
  for (const std::string& name : policy_names()) {
    EXPECT_NE(readme.find("| `" + name + "` |"), std::string::npos) << name;
  }
  for (const std::string& name : capability_names()) {
    EXPECT_NE(readme.find("| `" + name + "` |"), std::string::npos) << name;
  }
}

TEST(ProfileVocabulary, FindsKnownPoliciesOnly) {
  ASSERT_NE(find_policy("min_state_length"), nullptr);
  EXPECT_EQ(find_policy("min_state_length")->type, PolicyType::count);
  EXPECT_EQ(find_policy("request_uri_lifetime")->type, PolicyType::seconds);
  EXPECT_EQ(find_policy("min_state_lenght"), nullptr);
}

}  // namespace
}  // namespace parity
