#include "compare/escape.hpp"

#include <gtest/gtest.h>

namespace parity::compare {
namespace {

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
}

TEST(HtmlEscape, ShowsControlCharactersBidiAndBadUtf8) {
  EXPECT_EQ(html_escape(std::string("a\x01"
                                    "b\xff",
                                    4)),
            "a\\x01b\\xff");
  EXPECT_EQ(html_escape("x\xe2\x80\xaey"), "x\\u202Ey");
  EXPECT_EQ(html_escape("tab\tline\n"), "tab\tline\n");
}

TEST(MarkdownEscape, NeutralizesTablesLinksAndHtml) {
  const std::string out = markdown_escape("a|b [x](http://evil) <img src=x> *bold*\nnext");
  EXPECT_EQ(out.find('\n'), std::string::npos);
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_NE(out.find("a\\|b"), std::string::npos);
  EXPECT_NE(out.find("\\[x\\]\\(http&#8203;://evil\\)"), std::string::npos);
  EXPECT_NE(out.find("\\*bold\\*"), std::string::npos);
  EXPECT_NE(out.find("&lt;img src=x&gt;"), std::string::npos);
}

TEST(MarkdownEscape, NoUnescapedPipeSurvives) {
  const std::string out = markdown_escape("|||\\|");
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '|') {
      ASSERT_GT(i, 0U);
      EXPECT_EQ(out[i - 1], '\\');
    }
  }
}

TEST(MarkdownEscape, BreaksMentions) {
  EXPECT_EQ(markdown_escape("@admin"), "@&#8203;admin");
}

TEST(TerminalSafe, ShowsEscapeC1AndBidiControls) {
  const std::string out = terminal_safe(
      "a\x1b[2Jb\xC2\x9B"
      "c\xe2\x81\xa6");
  EXPECT_EQ(out, "a\\x1b[2Jb\\u009Bc\\u2066");
}

TEST(Shorten, CutsOnACodePointBoundary) {
  EXPECT_EQ(shorten("abc", 5), "abc");
  EXPECT_EQ(shorten("ab\xC3\xA9z", 3), "ab\xE2\x80\xA6");
}

}  // namespace
}  // namespace parity::compare
