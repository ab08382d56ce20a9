#include "core/display_text.hpp"

#include <gtest/gtest.h>

namespace parity {
namespace {

TEST(DisplayTextTest, PlainTextIsUnchanged) {
  const std::string text = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92 line\n\tindented";
  EXPECT_EQ(display_text(text), text);
  EXPECT_FALSE(needs_display_escape(text));
}

TEST(DisplayTextTest, ControlCharactersAreShownAsEscapes) {
  EXPECT_EQ(display_text("a\x1b[31mred\x07\x7f"), "a\\x1b[31mred\\x07\\x7f");
  EXPECT_EQ(display_text("nul\0end"), "nul");  // a C string stops at NUL
  EXPECT_EQ(display_text(std::string_view("nul\0end", 7)), "nul\\x00end");
  EXPECT_EQ(display_text("crlf\r\nlone\rcr"), "crlf\nlone\\rcr");
}

TEST(DisplayTextTest, C1ControlsAreShownAsCodePoints) {
  EXPECT_EQ(display_text("a\xc2\x85"
                         "b\xc2\x9b"),
            "a\\u0085b\\u009B");
}

TEST(DisplayTextTest, BidiFormattingCharactersAreShown) {
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+200F RIGHT-TO-LEFT MARK,
  // U+2028 LINE SEPARATOR.
  EXPECT_EQ(display_text("evil\xe2\x80\xaetxt.exe"), "evil\\u202Etxt.exe");
  EXPECT_EQ(display_text("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u2066x\\u2069");
  EXPECT_EQ(display_text("\xe2\x80\x8f\xe2\x80\xa8"), "\\u200F\\u2028");
  EXPECT_TRUE(needs_display_escape("\xe2\x80\xae"));
}

TEST(DisplayTextTest, IllFormedUtf8IsShownByteByByte) {
  EXPECT_EQ(display_text("ok\xff\xc3"), "ok\\xff\\xc3");
  EXPECT_EQ(display_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // an encoded surrogate
  EXPECT_EQ(display_text("\xc0\xaf"), "\\xc0\\xaf");           // an overlong '/'
}

TEST(DisplayTextTest, OneLineEscapesLineBreaksAndCuts) {
  EXPECT_EQ(display_line("a\nb\tc"), "a\\nb\\tc");
  EXPECT_EQ(display_line("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac", 2), "\xe2\x82\xac\xe2\x82\xac…");
  EXPECT_EQ(display_line("abc", 3), "abc");
}

TEST(DisplayTextTest, PrefixLengthBoundsTheShownSize) {
  EXPECT_EQ(display_prefix_length("abcdef", 4), 4U);
  EXPECT_EQ(display_prefix_length("abc", 10), 3U);
  // Each control byte takes four bytes shown: only two fit in 9.
  EXPECT_EQ(display_prefix_length("\x01\x02\x03", 9), 2U);
  // Never between CR and LF: the CR alone would show as "\\r".
  EXPECT_EQ(display_prefix_length("ab\r\ncd", 2), 2U);
  EXPECT_EQ(display_prefix_length("ab\r\ncd", 3), 4U);
  // Never inside a code point.
  EXPECT_EQ(display_prefix_length("a\xe2\x82\xac", 3), 1U);
  const std::string hostile(1000, '\x1b');
  EXPECT_LE(display_text(hostile.substr(0, display_prefix_length(hostile, 100))).size(), 100U);
}

}  // namespace
}  // namespace parity
