#include "core/html_escape.hpp"

#include <gtest/gtest.h>

namespace parity {
namespace {

TEST(HtmlEscapeTest, MarkupCharactersBecomeReferences) {
  EXPECT_EQ(escape_html("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(HtmlEscapeTest, OtherBytesAreKept) {
  EXPECT_EQ(escape_html("tab\tline\n\x01 caf\xc3\xa9"), "tab\tline\n\x01 caf\xc3\xa9");
  EXPECT_EQ(escape_html(""), "");
}

TEST(HtmlEscapeTest, ReferenceIsEmptyForOrdinaryCharacters) {
  EXPECT_EQ(html_reference('&'), "&amp;");
  EXPECT_EQ(html_reference('a'), "");
}

}  // namespace
}  // namespace parity
