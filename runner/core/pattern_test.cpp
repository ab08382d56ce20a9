#include "core/pattern.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace parity {
namespace {

TEST(PatternTest, SearchesAndMatchesWhole) {
  const Pattern pattern("^urn:ietf:params:oauth:request_uri:");
  ASSERT_EQ(pattern.error(), "");
  EXPECT_TRUE(pattern.search("urn:ietf:params:oauth:request_uri:abc"));
  EXPECT_FALSE(pattern.search("x-urn:ietf:params:oauth:request_uri:abc"));
  EXPECT_TRUE(Pattern("[A-Za-z0-9_~.\\-]{22,}$").search("prefix/abcdefghijklmnopqrstuvwxyz"));
  EXPECT_TRUE(Pattern("^(?:[Bb][Aa][Ss][Ii][Cc])\\b").search("Basic realm=x"));
  EXPECT_TRUE(Pattern("(^|[\\s,])no-store($|[\\s,])").search("private, no-store"));
  EXPECT_TRUE(Pattern("a+").full_match("aaa"));
  EXPECT_FALSE(Pattern("a+").full_match("aab"));
}

TEST(PatternTest, InvalidPatternsSayWhy) {
  EXPECT_NE(Pattern("([").error(), "");
  EXPECT_NE(Pattern("(a)\\1").error(), "");  // backreferences are not linear-time
  EXPECT_NE(Pattern("(?=a)").error(), "");   // nor is lookahead
  EXPECT_FALSE(Pattern("([").search("(["));
}

TEST(PatternTest, AHugePatternIsRefusedNotBuilt) {
  EXPECT_NE(Pattern("((a{1000}){1000}){1000}").error(), "");
}

TEST(PatternTest, BacktrackingPatternsRunInLinearTime) {
  // Exponential for a backtracking engine (2^50 paths); linear here.
  const std::string subject(50, 'a');
  EXPECT_FALSE(Pattern("^(a+)+$").full_match(subject + "b"));
  EXPECT_FALSE(Pattern("(a|aa)*c").search(std::string(100000, 'a')));
  // A long subject does not recurse per character (std::regex overflowed the stack here).
  EXPECT_TRUE(Pattern("^https?://.+$").search("https://" + std::string(1 << 20, 'x')));
}

TEST(PatternTest, ConstantPatternsAreCompiledOnce) {
  EXPECT_TRUE(full_match_constant("[a-z0-9_]+", "min_state_length"));
  EXPECT_FALSE(full_match_constant("[a-z0-9_]+", "Min"));
  EXPECT_THROW(full_match_constant("[", "x"), std::invalid_argument);
}

}  // namespace
}  // namespace parity
