#include "report/xml_writer.hpp"

#include "core/display_text.hpp"
#include "report/utf8.hpp"

#include <cassert>

namespace parity::report {
namespace {

constexpr char32_t k_replacement = 0xFFFD;

/// XML 1.0 §2.2 `Char`, restricted to scalar values (surrogates never decode as valid).
bool is_xml_char(char32_t code_point) {
  if (code_point < 0x20) {
    return code_point == 0x9 || code_point == 0xA || code_point == 0xD;
  }
  return code_point != 0xFFFE && code_point != 0xFFFF;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
}

}  // namespace

std::string strip_invalid_xml_chars(std::string_view text) {
  // The one display escaping first: what could act on a viewer becomes visible text.
  const std::string shown = display_text(text);
  std::string out;
  out.reserve(shown.size());
  std::size_t pos = 0;
  while (pos < shown.size()) {
    const Decoded one = decode_utf8(shown, pos);
    if (!one.valid) {
      append_utf8(out, k_replacement);
    } else if (is_xml_char(one.code_point)) {
      out.append(std::string_view(shown).substr(pos, one.length));
    }
    pos += one.length;
  }
  return out;
}

std::string escape_text(std::string_view text) {
  std::string out;
  for (const char c : strip_invalid_xml_chars(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        out += "&#xD;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_attr(std::string_view text) {
  std::string out;
  for (const char c : escape_text(text)) {
    switch (c) {
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#x9;";
        break;
      case '\n':
        out += "&#xA;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string cdata_section(std::string_view text) {
  std::string body = strip_invalid_xml_chars(text);
  replace_all(body, "]]>", "]]]]><![CDATA[>");
  return "<![CDATA[" + body + "]]>";
}

XmlWriter::XmlWriter(std::ostream& out) : m_out(out) {}

XmlWriter::~XmlWriter() {
  if (!m_stack.empty()) {
    finish();
  }
}

void XmlWriter::declaration() {
  assert(!m_written);
  m_out << R"(<?xml version="1.0" encoding="UTF-8"?>)";
  m_written = true;
}

void XmlWriter::start_element(std::string_view name) {
  close_start_tag();
  if (!m_stack.empty()) {
    m_stack.back().has_children = true;
  }
  // Never indent inside text content: the whitespace would become part of it.
  if (m_written && (m_stack.empty() || !m_stack.back().has_text)) {
    newline_indent(m_stack.size());
  }
  m_out << '<' << name;
  m_stack.push_back({std::string(name)});
  m_start_tag_open = true;
  m_written = true;
}

void XmlWriter::attribute(std::string_view name, std::string_view value) {
  assert(m_start_tag_open);
  m_out << ' ' << name << "=\"" << escape_attr(value) << '"';
}

void XmlWriter::text(std::string_view value) {
  assert(!m_stack.empty());
  close_start_tag();
  m_stack.back().has_text = true;
  m_out << escape_text(value);
}

void XmlWriter::cdata(std::string_view value) {
  assert(!m_stack.empty());
  close_start_tag();
  m_stack.back().has_text = true;
  m_out << cdata_section(value);
}

void XmlWriter::end_element() {
  assert(!m_stack.empty());
  const Open closing = std::move(m_stack.back());
  m_stack.pop_back();
  if (m_start_tag_open) {
    m_out << "/>";
    m_start_tag_open = false;
    return;
  }
  if (!closing.has_text) {
    newline_indent(m_stack.size());
  }
  m_out << "</" << closing.name << '>';
}

void XmlWriter::finish() {
  while (!m_stack.empty()) {
    end_element();
  }
  m_out << '\n';
  m_out.flush();
}

void XmlWriter::close_start_tag() {
  if (m_start_tag_open) {
    m_out << '>';
    m_start_tag_open = false;
  }
}

void XmlWriter::newline_indent(std::size_t depth) {
  m_out << '\n' << std::string(depth * 2, ' ');
}

ScopedElement::ScopedElement(XmlWriter& writer, std::string_view name) : m_writer(writer) {
  m_writer.start_element(name);
}

ScopedElement::~ScopedElement() {
  m_writer.end_element();
}

ScopedElement& ScopedElement::attribute(std::string_view name, std::string_view value) {
  m_writer.attribute(name, value);
  return *this;
}

}  // namespace parity::report
