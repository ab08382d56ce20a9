#pragma once

namespace parity::html {

/// The run page's own script, after compare/page_script.hpp's start: the outcome, suite and
/// requirement filters, also read from the URL fragment
/// (`#outcome=failed,errored&suite=par.core&requirement=RFC9126-2.1-a`). It records what it
/// rendered on <body> (data-rendered, data-visible, data-errors) for the headless-browser check.
inline constexpr const char* k_run_page_script = R"js(
  var cases = document.querySelectorAll('details.case');
  var outcomes = document.querySelectorAll('input.outcome');
  var suite = document.getElementById('suite-filter');
  var requirement = document.getElementById('requirement-filter');
  function apply() {
    var wanted = {};
    outcomes.forEach(function (box) { wanted[box.value] = box.checked; });
    var visible = 0;
    cases.forEach(function (one) {
      var keep = wanted[one.getAttribute('data-outcome')] &&
          (suite.value === '' || one.getAttribute('data-suite') === suite.value) &&
          (requirement.value === '' ||
           one.getAttribute('data-requirements').indexOf(' ' + requirement.value + ' ') >= 0);
      one.hidden = !keep;
      if (keep) { visible += 1; }
    });
    document.querySelectorAll('section.suite').forEach(function (section) {
      section.hidden = section.querySelectorAll('details.case:not([hidden])').length === 0;
    });
    body.setAttribute('data-visible', String(visible));
    document.getElementById('visible-count').textContent =
        visible + ' of ' + cases.length + ' cases shown';
  }
  function fromHash() {
    var hash = window.location.hash.slice(1);
    if (hash.indexOf('case-') === 0) {
      var target = document.getElementById(decodeURIComponent(hash));
      if (target) { target.open = true; }
      return;
    }
    if (hash.indexOf('=') < 0) { return; }
    var params = new URLSearchParams(hash);
    if (params.has('outcome')) {
      var chosen = params.get('outcome').split(',');
      outcomes.forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
    }
    if (params.has('suite')) { suite.value = params.get('suite'); }
    if (params.has('requirement')) { requirement.value = params.get('requirement'); }
    apply();
  }
  outcomes.forEach(function (box) { box.addEventListener('change', apply); });
  suite.addEventListener('change', apply);
  requirement.addEventListener('change', apply);
  window.addEventListener('hashchange', fromHash);
  apply();
  fromHash();
  body.setAttribute('data-rendered', 'cases=' + cases.length + ' causes=' +
      document.querySelectorAll('#causes tbody tr').length);
  // For the layout check: the page itself never scrolls sideways.
  body.setAttribute('data-page-width', String(document.documentElement.scrollWidth));
})();
)js";

}  // namespace parity::html
