#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parity::login {

/// One control of an HTML form (HTML Living Standard §4.10): input, button, select or textarea.
struct FormControl {
  std::string element;  ///< "input", "button", "select" or "textarea"
  std::string type;     ///< lower-case type ("text" for a plain input, "submit" for a button)
  std::string name;
  std::string value;  ///< value attribute; the selected option; the textarea's text
  std::string text;   ///< a button's text content (trimmed)
  bool checked = false;
  bool disabled = false;
};

/// An HTML form as a browser would submit it.
struct HtmlForm {
  std::string id;
  std::string action;                 ///< resolved against the page URL (the page URL when empty)
  std::string method;                 ///< "GET" or "POST"
  std::string enctype;                ///< lower-case; application/x-www-form-urlencoded by default
  std::vector<FormControl> controls;  ///< in document order
};

/// What the login automation needs from a page: its title and its forms.
struct HtmlPage {
  std::string title;
  std::vector<HtmlForm> forms;
};

/// Parses `html` with libxml2's HTML parser (error-tolerant, no network access) and returns
/// its title and forms; `page_url` resolves relative form actions (RFC 3986 §5.2).
HtmlPage parse_html_page(std::string_view html, const std::string& page_url);

/// Whether `control` is a submit button (`<button>` without a type, type=submit or image).
bool is_submit_button(const FormControl& control);

/// A short description of the page for error messages: title and each form's method, action
/// and control names (values are left out: they may be secrets or one-time tokens).
std::string describe_page(const HtmlPage& page);

}  // namespace parity::login
