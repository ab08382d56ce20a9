#include "core/strings.hpp"

#include <gtest/gtest.h>

namespace parity {
namespace {

TEST(StringsTest, TrimRemovesBlanksOnlyByDefault) {
  EXPECT_EQ(trim(" \t value \t"), "value");
  EXPECT_EQ(trim("\r\nvalue\r\n"), "\r\nvalue\r\n");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("a b"), "a b");
}

TEST(StringsTest, TrimRemovesTheGivenCharacters) {
  EXPECT_EQ(trim("\r\n value\t\r\n", k_blanks_and_line_ends), "value");
  EXPECT_EQ(trim("\r\n", k_blanks_and_line_ends), "");
}

TEST(StringsTest, ToLowerFoldsAsciiLettersOnly) {
  EXPECT_EQ(to_lower("Content-Type: ABC"), "content-type: abc");
  EXPECT_EQ(to_lower("caf\xc3\x89"), "caf\xc3\x89");
}

TEST(StringsTest, EqualsIgnoringCaseComparesWholeTexts) {
  EXPECT_TRUE(equals_ignoring_case("Set-Cookie", "set-cookie"));
  EXPECT_FALSE(equals_ignoring_case("Set-Cookie", "set-cookie2"));
  EXPECT_FALSE(equals_ignoring_case("set", "sex"));
  EXPECT_TRUE(equals_ignoring_case("", ""));
}

TEST(StringsTest, JoinPutsTheSeparatorBetweenItems) {
  EXPECT_EQ(join({}, ", "), "");
  EXPECT_EQ(join({"a"}, ", "), "a");
  EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(join({"", "a", "", "b"}, " "), "a  b");
}

}  // namespace
}  // namespace parity
