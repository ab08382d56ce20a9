#include "login/form_fill.hpp"

#include "http/url.hpp"

#include <algorithm>

namespace parity::login {
namespace {

const FormControl* find_control(const HtmlForm& form, const std::string& name) {
  const auto it = std::find_if(form.controls.begin(),
                               form.controls.end(),
                               [&](const FormControl& control) { return control.name == name; });
  return it == form.controls.end() ? nullptr : &*it;
}

// The submit button `rule.submit` names (by name, value or text), or the first one.
const FormControl* find_submitter(const HtmlForm& form, const std::string& wanted) {
  for (const FormControl& control : form.controls) {
    if (!is_submit_button(control) || control.disabled) {
      continue;
    }
    if (wanted.empty() || control.name == wanted || control.value == wanted ||
        control.text == wanted) {
      return &control;
    }
  }
  return nullptr;
}

bool is_entry(const FormControl& control, const FormControl* submitter) {
  if (control.disabled || control.name.empty()) {
    return false;
  }
  if (is_submit_button(control) || control.element == "button") {
    return &control == submitter;
  }
  if (control.type == "checkbox" || control.type == "radio") {
    return control.checked;
  }
  return control.type != "file" && control.type != "reset";
}

void add_entry(http::Params& entries, const FormControl& control) {
  if (control.type == "image") {
    entries.emplace_back(control.name + ".x", "0");
    entries.emplace_back(control.name + ".y", "0");
    return;
  }
  const bool checkable = control.type == "checkbox" || control.type == "radio";
  entries.emplace_back(control.name, checkable && control.value.empty() ? "on" : control.value);
}

void apply_fill(http::Params& entries, const LoginForm& rule) {
  for (const auto& [name, value] : rule.fill) {
    const auto it =
        std::find_if(entries.begin(), entries.end(), [&fill_name = name](const auto& entry) {
          return entry.first == fill_name;  // clang 14 cannot capture a structured binding
        });
    if (it != entries.end()) {
      it->second = value;
    } else {
      entries.emplace_back(name, value);
    }
  }
}

}  // namespace

bool form_matches(const HtmlForm& form, const LoginForm& rule) {
  if (!rule.form_id.empty() && form.id != rule.form_id) {
    return false;
  }
  if (!rule.action_contains.empty() &&
      form.action.find(rule.action_contains) == std::string::npos) {
    return false;
  }
  for (const std::string& name : rule.has_fields) {
    if (find_control(form, name) == nullptr) {
      return false;
    }
  }
  for (const auto& [name, value] : rule.field_values) {
    const FormControl* control = find_control(form, name);
    if (control == nullptr || control->value != value) {
      return false;
    }
  }
  return true;
}

FormChoice choose_form(const HtmlPage& page, const LoginScript& script) {
  for (const LoginForm& rule : script.forms) {
    for (const HtmlForm& form : page.forms) {
      if (form_matches(form, rule)) {
        return {&rule, &form};
      }
    }
  }
  return {};
}

Submission build_submission(const HtmlForm& form, const LoginForm& rule) {
  Submission submission;
  if (form.enctype != "application/x-www-form-urlencoded") {
    submission.error = "form enctype '" + form.enctype + "' is not supported";
    return submission;
  }
  const FormControl* submitter = find_submitter(form, rule.submit);
  if (submitter == nullptr && !rule.submit.empty()) {
    submission.error = "the form has no submit button '" + rule.submit + "'";
    return submission;
  }
  http::Params entries;
  for (const FormControl& control : form.controls) {
    if (is_entry(control, submitter)) {
      add_entry(entries, control);
    }
  }
  apply_fill(entries, rule);
  http::Request& request = submission.request;
  request.method = form.method;
  if (form.method == "GET") {
    const std::string base = form.action.substr(0, form.action.find_first_of("?#"));
    request.url = http::append_query(base, entries);
  } else {
    request.url = form.action.substr(0, form.action.find('#'));
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    request.body = http::form_encode(entries);
  }
  return submission;
}

}  // namespace parity::login
