#pragma once

#include "core/http_message.hpp"
#include "core/profile.hpp"
#include "login/html_form.hpp"

#include <string>

namespace parity::login {

/// Whether `form` satisfies every match condition of `rule` (profiles/README.md, "Login").
bool form_matches(const HtmlForm& form, const LoginForm& rule);

/// The first rule of `script` (in order) that matches a form of `page`, and that form.
struct FormChoice {
  const LoginForm* rule = nullptr;  ///< null when no rule matches any form
  const HtmlForm* form = nullptr;
};

/// Tries the rules in order; for each rule, the page's forms in document order.
FormChoice choose_form(const HtmlPage& page, const LoginScript& script);

/// A form submission, or why it cannot be made.
struct Submission {
  http::Request request;
  std::string error;  ///< non-empty: nothing to send
};

/// Builds what a browser sends when the user fills `form` as `rule` says and presses its
/// submit button (HTML Living Standard §4.10.21.3–4, for application/x-www-form-urlencoded):
/// enabled named controls in document order, checkboxes and radios only when checked,
/// only the chosen submit button; `fill` values replace a control's value or are appended.
/// GET replaces the action URL's query; POST sends a form-encoded body.
Submission build_submission(const HtmlForm& form, const LoginForm& rule);

}  // namespace parity::login
