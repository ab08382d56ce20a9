#include "login/html_form.hpp"

#include "core/strings.hpp"
#include "http/url.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <memory>

namespace parity::login {
namespace {

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

std::string name_of(const xmlNode* node) {
  return to_lower(reinterpret_cast<const char*>(node->name));
}

bool has_attribute(xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) {
    return "";
  }
  std::string text = reinterpret_cast<const char*>(value);
  xmlFree(value);
  return text;
}

std::string text_of(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) {
    return "";
  }
  std::string text = reinterpret_cast<const char*>(content);
  xmlFree(content);
  return std::string(trim(text, k_blanks_and_line_ends));
}

// HTML §4.10.7: the selected option's value, or the first option's when none is selected.
std::string select_value(xmlNode* select) {
  std::string first;
  bool have_first = false;
  for (xmlNode* child = select->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (name_of(child) == "optgroup") {
      const std::string nested = select_value(child);
      if (!nested.empty()) {
        return nested;
      }
      continue;
    }
    if (name_of(child) != "option") {
      continue;
    }
    const std::string value =
        has_attribute(child, "value") ? attribute(child, "value") : text_of(child);
    if (has_attribute(child, "selected")) {
      return value;
    }
    if (!have_first) {
      first = value;
      have_first = true;
    }
  }
  return first;
}

FormControl control_of(xmlNode* node, const std::string& element) {
  FormControl control;
  control.element = element;
  control.name = attribute(node, "name");
  control.disabled = has_attribute(node, "disabled");
  if (element == "input") {
    control.type = has_attribute(node, "type") ? to_lower(attribute(node, "type")) : "text";
    control.value = attribute(node, "value");
    control.checked = has_attribute(node, "checked");
  } else if (element == "button") {
    control.type = has_attribute(node, "type") ? to_lower(attribute(node, "type")) : "submit";
    control.value = attribute(node, "value");
    control.text = text_of(node);
  } else if (element == "select") {
    control.type = "select";
    control.value = select_value(node);
  } else {
    control.type = "textarea";
    control.value = text_of(node);
  }
  return control;
}

void collect_controls(xmlNode* node, HtmlForm& form) {
  for (xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) {
      continue;
    }
    const std::string element = name_of(child);
    if (element == "input" || element == "button" || element == "select" || element == "textarea") {
      form.controls.push_back(control_of(child, element));
    }
    if (element != "select" && element != "textarea") {
      collect_controls(child, form);
    }
  }
}

HtmlForm form_of(xmlNode* node, const std::string& page_url) {
  HtmlForm form;
  form.id = attribute(node, "id");
  const std::string action(trim(attribute(node, "action"), k_blanks_and_line_ends));
  form.action = action.empty() ? page_url : http::resolve_location(page_url, action);
  form.method = to_lower(attribute(node, "method")) == "post" ? "POST" : "GET";
  form.enctype = to_lower(trim(attribute(node, "enctype"), k_blanks_and_line_ends));
  if (form.enctype.empty()) {
    form.enctype = "application/x-www-form-urlencoded";
  }
  collect_controls(node, form);
  return form;
}

void walk(xmlNode* node, const std::string& page_url, HtmlPage& page) {
  for (xmlNode* child = node; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) {
      continue;
    }
    const std::string element = name_of(child);
    if (element == "title" && page.title.empty()) {
      page.title = text_of(child);
    }
    if (element == "form") {
      page.forms.push_back(form_of(child, page_url));
      continue;  // nested forms are not valid HTML; the parser does not produce them
    }
    walk(child->children, page_url, page);
  }
}

}  // namespace

HtmlPage parse_html_page(std::string_view html, const std::string& page_url) {
  HtmlPage page;
  if (html.empty()) {
    return page;
  }
  const int options =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  const DocPtr doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), page_url.c_str(), nullptr, options));
  if (doc) {
    walk(xmlDocGetRootElement(doc.get()), page_url, page);
  }
  return page;
}

bool is_submit_button(const FormControl& control) {
  return (control.element == "button" && control.type == "submit") ||
         (control.element == "input" && (control.type == "submit" || control.type == "image"));
}

std::string describe_page(const HtmlPage& page) {
  std::string text = "title '" + page.title + "', ";
  if (page.forms.empty()) {
    return text + "no forms";
  }
  text += std::to_string(page.forms.size()) + (page.forms.size() == 1 ? " form" : " forms");
  for (const HtmlForm& form : page.forms) {
    text +=
        "; " + form.method + " " + http::parse_url(form.action).value_or(http::Url{}).path + " [";
    std::string names;
    for (const FormControl& control : form.controls) {
      if (!control.name.empty()) {
        names += (names.empty() ? "" : ", ") + control.name;
      }
    }
    text += names + "]";
  }
  return text;
}

}  // namespace parity::login
