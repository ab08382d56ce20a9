#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace parity::report {

/// Returns `text` shown as core/display_text.hpp shows it (controls, bidirectional formatting
/// characters and ill-formed UTF-8 as visible escapes; CR LF as LF) and reduced to characters
/// allowed by XML 1.0 §2.2 (`Char`): U+FFFE and U+FFFF are dropped.
std::string strip_invalid_xml_chars(std::string_view text);

/// Returns `text` cleaned as strip_invalid_xml_chars() and escaped for character data
/// (`&`, `<`, `>`; CR as `&#xD;` so parsers do not normalize it away).
std::string escape_text(std::string_view text);

/// Returns `text` cleaned as strip_invalid_xml_chars() and escaped for a double-quoted
/// attribute value. Tab, LF and CR become character references, because XML 1.0 §3.3.3
/// attribute-value normalization would otherwise turn them into spaces (GoogleTest does this too).
std::string escape_attr(std::string_view text);

/// Returns `text` cleaned as strip_invalid_xml_chars() and wrapped in CDATA sections. A "]]>"
/// inside is split across two sections ("]]]]><![CDATA[>"), as GoogleTest does.
std::string cdata_section(std::string_view text);

/// A small streaming XML writer with two-space indentation. Element content is either child
/// elements (indented) or text/CDATA (written verbatim so no whitespace is added to it).
/// Element and attribute names are trusted constants; all values are escaped.
class XmlWriter {
 public:
  /// Writes to `out`, which must outlive the writer.
  explicit XmlWriter(std::ostream& out);
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;
  XmlWriter(XmlWriter&&) = delete;
  XmlWriter& operator=(XmlWriter&&) = delete;
  /// Closes any element still open.
  ~XmlWriter();

  /// Writes the `<?xml version="1.0" encoding="UTF-8"?>` declaration; call first.
  void declaration();
  /// Opens element `name`; attributes may follow until content is written.
  void start_element(std::string_view name);
  /// Adds attribute `name`=`value` to the element just opened.
  void attribute(std::string_view name, std::string_view value);
  /// Writes escaped character data into the current element.
  void text(std::string_view value);
  /// Writes `value` as CDATA into the current element.
  void cdata(std::string_view value);
  /// Closes the innermost open element (`<x/>` when it is empty).
  void end_element();
  /// Closes every open element and writes the final newline.
  void finish();

 private:
  struct Open {
    std::string name;
    bool has_children = false;
    bool has_text = false;
  };
  void close_start_tag();
  void newline_indent(std::size_t depth);

  std::ostream& m_out;
  std::vector<Open> m_stack;
  bool m_start_tag_open = false;
  bool m_written = false;
};

/// RAII element: opens `name` on construction and closes it on destruction, so nesting in
/// code mirrors nesting in the document.
class ScopedElement {
 public:
  /// Opens element `name` on `writer`.
  ScopedElement(XmlWriter& writer, std::string_view name);
  ScopedElement(const ScopedElement&) = delete;
  ScopedElement& operator=(const ScopedElement&) = delete;
  ScopedElement(ScopedElement&&) = delete;
  ScopedElement& operator=(ScopedElement&&) = delete;
  /// Closes the element.
  ~ScopedElement();

  /// Adds an attribute; returns *this for chaining.
  ScopedElement& attribute(std::string_view name, std::string_view value);

 private:
  XmlWriter& m_writer;
};

}  // namespace parity::report
