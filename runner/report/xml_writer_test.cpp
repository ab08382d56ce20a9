#include "report/xml_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::report {
namespace {

TEST(XmlWriterTest, EscapesTextAndAttributesDifferently) {
  EXPECT_EQ(escape_text("<a href=\"x\">&'</a>"), "&lt;a href=\"x\"&gt;&amp;'&lt;/a&gt;");
  EXPECT_EQ(escape_attr("<\"&'>"), "&lt;&quot;&amp;&apos;&gt;");
  // Attribute-value normalization would turn raw whitespace into spaces.
  EXPECT_EQ(escape_attr("a\tb\nc\r\nd"), "a&#x9;b&#xA;c&#xA;d");
  EXPECT_EQ(escape_text("a\tb\nc\r\nd"), "a\tb\nc\nd");
  // A lone CR is shown, not passed on (core/display_text.hpp).
  EXPECT_EQ(escape_text("c\rd"), "c\\rd");
}

TEST(XmlWriterTest, ShowsCharactersInvalidInXmlAndDropsNoncharacters) {
  EXPECT_EQ(strip_invalid_xml_chars(std::string("a\x00"
                                                "b\x01\x08\x0b\x0c\x1b"
                                                "c",
                                                9)),
            "a\\x00b\\x01\\x08\\x0b\\x0c\\x1bc");
  EXPECT_EQ(strip_invalid_xml_chars("tab\tlf\ncrlf\r\n"), "tab\tlf\ncrlf\n");
  EXPECT_EQ(strip_invalid_xml_chars("x\xef\xbf\xbey"), "xy");  // U+FFFE is not a Char
  EXPECT_EQ(strip_invalid_xml_chars("x\xed\xa0\x80y"), "x\\xed\\xa0\\x80y");
  EXPECT_EQ(strip_invalid_xml_chars("caf\xc3\xa9 \xe2\x80\xae"), "caf\xc3\xa9 \\u202E");
}

TEST(XmlWriterTest, SplitsCdataTerminator) {
  EXPECT_EQ(cdata_section("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
  EXPECT_EQ(cdata_section("]]>]]>"), "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
  EXPECT_EQ(cdata_section("x\x01y"), "<![CDATA[x\\x01y]]>");
}

TEST(XmlWriterTest, NestsScopedElementsWithIndentation) {
  std::ostringstream out;
  {
    XmlWriter xml(out);
    xml.declaration();
    {
      ScopedElement root(xml, "root");
      root.attribute("name", "a&b");
      {
        ScopedElement child(xml, "child");
        xml.text("1 < 2");
      }
      ScopedElement(xml, "empty").attribute("x", "\"");
      {
        ScopedElement data(xml, "data");
        xml.cdata("]]>");
      }
    }
    xml.finish();
  }
  EXPECT_EQ(out.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<root name=\"a&amp;b\">\n"
            "  <child>1 &lt; 2</child>\n"
            "  <empty x=\"&quot;\"/>\n"
            "  <data><![CDATA[]]]]><![CDATA[>]]></data>\n"
            "</root>\n");
}

TEST(XmlWriterTest, DestructorClosesOpenElements) {
  std::ostringstream out;
  {
    XmlWriter xml(out);
    xml.start_element("a");
    xml.start_element("b");
  }
  EXPECT_EQ(out.str(), "<a>\n  <b/>\n</a>\n");
}

}  // namespace
}  // namespace parity::report
