#include "report/xml_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace parity::report {
namespace {

TEST(XmlWriterTest, EscapesTextAndAttributesDifferently) {
  EXPECT_EQ(escape_text("<a href=\"x\">&'</a>"), "&lt;a href=\"x\"&gt;&amp;'&lt;/a&gt;");
  EXPECT_EQ(escape_attr("<\"&'>"), "&lt;&quot;&amp;&apos;&gt;");
  // Attribute-value normalization would turn raw whitespace into spaces.
  EXPECT_EQ(escape_attr("a\tb\nc\rd"), "a&#x9;b&#xA;c&#xD;d");
  EXPECT_EQ(escape_text("a\tb\nc\rd"), "a\tb\nc&#xD;d");
}

TEST(XmlWriterTest, StripsCharactersInvalidInXml) {
  EXPECT_EQ(strip_invalid_xml_chars(std::string("a\x00"
                                                "b\x01\x08\x0b\x0c\x1b"
                                                "c",
                                                9)),
            "abc");
  EXPECT_EQ(strip_invalid_xml_chars("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
  EXPECT_EQ(strip_invalid_xml_chars("x\xef\xbf\xbey"), "xy");  // U+FFFE is not a Char
  EXPECT_EQ(strip_invalid_xml_chars("x\xed\xa0\x80y"), "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdy");
  EXPECT_EQ(strip_invalid_xml_chars("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(XmlWriterTest, SplitsCdataTerminator) {
  EXPECT_EQ(cdata_section("a]]>b"), "<![CDATA[a]]]]><![CDATA[>b]]>");
  EXPECT_EQ(cdata_section("]]>]]>"), "<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>");
  EXPECT_EQ(cdata_section("x\x01y"), "<![CDATA[xy]]>");
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
