#pragma once

#include <string_view>

namespace parity::compare {

/// The start of the inline script of both HTML pages, the comparison matrix and the run page
/// (html/run_page_script.hpp): a function, called at once, that records every script error on
/// <body> (data-errors) for the headless-browser check. Each page's own script follows it and
/// closes the function.
inline constexpr std::string_view k_page_script_start = R"js(
(function () {
  var body = document.body;
  var errors = [];
  window.addEventListener('error', function (event) {
    errors.push(String(event.message));
    body.setAttribute('data-errors', errors.join(' | '));
  });)js";

}  // namespace parity::compare
