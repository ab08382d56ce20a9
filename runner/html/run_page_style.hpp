#pragma once

namespace parity::html {

/// The inline style sheet of the run page (no url(), no @import: the CSP forbids both).
inline constexpr const char* k_run_page_style = R"css(
:root { color-scheme: light; --pass:#1a7f37; --warn:#9a6700; --fail:#cf222e; --error:#8250df;
  --skip:#6e7781; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 1rem 2rem; color: #1f2328; max-width: 100rem; }
h1 { font-size: 1.4rem; margin: .8rem 0 .2rem; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; padding: .4rem 0; }
table { border-collapse: collapse; }
th, td { border-bottom: 1px solid #d0d7de; padding: .25rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f6f8fa; }
code, pre { font-family: ui-monospace, monospace; font-size: 12px; }
pre { background: #f6f8fa; padding: .5rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 30rem; }
.v { font-weight: 700; display: inline-block; min-width: 4.2em; padding: 0 .3rem; border-radius: 3px; color: #fff; text-align: center; }
.v.passed { background: var(--pass); } .v.warned { background: var(--warn); }
.v.failed { background: var(--fail); } .v.errored { background: var(--error); }
.v.skipped { background: var(--skip); }
.counts td { font-size: 1.2rem; font-weight: 600; text-align: center; }
.banner { border: 2px solid var(--fail); background: #ffebe9; padding: .5rem .8rem; margin: .5rem 0; }
.note { color: #57606a; font-size: 12px; }
details.case { border: 1px solid #d0d7de; border-radius: 6px; margin: .3rem 0; padding: .2rem .6rem; }
details.case > summary { cursor: pointer; list-style-position: outside; }
details.case.failed, details.case.errored { border-left: 4px solid var(--fail); }
details.case.warned { border-left: 4px solid var(--warn); }
.title { color: #57606a; }
.check.bad td { background: #ffebe9; } .check.ok td { color: #57606a; }
.req dt { font-weight: 600; } .req dd { margin: 0 0 .3rem 1rem; }
.filters label { margin-right: .6rem; white-space: nowrap; }
.filters fieldset { display: inline-block; border: 1px solid #d0d7de; margin: .2rem; }
.causes td.count { text-align: right; font-weight: 600; }
table.checks, table.causes { width: 100%; }
td, th { overflow-wrap: anywhere; }
thead th, .causes td.count { overflow-wrap: normal; white-space: nowrap; }
)css";

}  // namespace parity::html
