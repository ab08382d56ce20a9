#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace parity {
namespace {

const std::string k_fffd = "\xef\xbf\xbd";

TEST(Utf8Test, ValidTextIsUnchanged) {
  const std::string text = "plain ascii, caf\xc3\xa9, \xe2\x82\xac, \xf0\x9f\x94\x92";
  EXPECT_EQ(sanitize_utf8(text), text);
}

TEST(Utf8Test, DecodesCodePoints) {
  const Decoded euro = decode_utf8("\xe2\x82\xac", 0);
  EXPECT_TRUE(euro.valid);
  EXPECT_EQ(euro.code_point, U'\u20AC');
  EXPECT_EQ(euro.length, 3U);
  const Decoded lock = decode_utf8("\xf0\x9f\x94\x92", 0);
  EXPECT_EQ(lock.code_point, U'\U0001F512');
}

TEST(Utf8Test, IllFormedSequencesBecomeReplacementCharacters) {
  EXPECT_EQ(sanitize_utf8("a\xff"
                          "b"),
            "a" + k_fffd + "b");
  EXPECT_EQ(sanitize_utf8("\x80"), k_fffd);                            // stray continuation
  EXPECT_EQ(sanitize_utf8("\xc0\xaf"), k_fffd + k_fffd);               // overlong '/'
  EXPECT_EQ(sanitize_utf8("\xed\xa0\x80"), k_fffd + k_fffd + k_fffd);  // lone surrogate D800
  EXPECT_EQ(sanitize_utf8("\xf4\x90\x80\x80"), k_fffd + k_fffd + k_fffd + k_fffd);  // > U+10FFFF
  // A truncated sequence is one maximal subpart: one U+FFFD, and the next byte survives.
  EXPECT_EQ(sanitize_utf8("\xe2\x82x"), k_fffd + "x");
  EXPECT_EQ(sanitize_utf8("\xf0\x9f\x94"), k_fffd);
}

TEST(Utf8Test, TruncateNeverSplitsASequence) {
  const std::string text = "ab\xe2\x82\xac";
  EXPECT_EQ(truncate_utf8(text, 10), text);
  EXPECT_EQ(truncate_utf8(text, 5), text);
  EXPECT_EQ(truncate_utf8(text, 4), "ab");
  EXPECT_EQ(truncate_utf8(text, 3), "ab");
  EXPECT_EQ(truncate_utf8(text, 2), "ab");
  EXPECT_EQ(truncate_utf8(text, 1), "a");
}

}  // namespace
}  // namespace parity
