#pragma once

#include "core/result.hpp"

#include <ostream>

namespace parity::report {

/// Writes `result` as JUnit XML that validates against the Jenkins xUnit "JUnit 10" schema
/// (fixtures/junit/junit-10.xsd). The mapping follows GoogleTest's XML output:
///
/// - `<testsuites name="parity:<profile>" tests failures errors time>`: the whole run. The
///   schema allows no `skipped` attribute here, so skips are counted per `<testsuite>` only.
/// - `<testsuite name="<profile>.<suite id>" tests failures errors skipped time timestamp
///   hostname>`, one per suite in first-appearance order (the profile id keeps the suites of two
///   profiles apart when a viewer merges files), each starting with `<properties>` (profile,
///   issuer, tool_version, tls_verified, transport, embedded_server, setup_error, …) so every
///   suite says whether TLS verification was off and whether the rig was plain HTTP.
/// - a run that could not start (RunResult::setup_error) has each selected case errored with
///   the reason; when no case was selected, one `<testsuite name="<profile>.setup">` holds one
///   errored testcase `setup`.
/// - `<testcase classname="<profile>.<suite>" name="<case id>" time>`; times are seconds with
///   three decimals (the schema's SUREFIRE_TIME).
/// - failed: `<failure type="conformance" message="<first failing check>">` listing every
///   failing check as `file:line:col: description` with expected and actual.
/// - errored: `<error type="error" message="<first error>">` listing every error.
/// - skipped: `<skipped message="<reason>"/>`.
/// - warned (a SHOULD-level case whose checks failed): reported as a *passing* testcase, because
///   CI must not go red for a recommendation, but its `<system-out>` starts with
///   "WARNING (SHOULD-level requirement not met): …" and lists the failing checks, so the
///   warning stays visible in every JUnit viewer.
///
/// Every case with requirement ids gets `<system-out>` with "requirements: A, B"; failed,
/// errored and warned cases add their (already redacted) HTTP exchanges there, bodies cut to
/// 16 KiB. Text from the server is cleaned so the document stays well-formed whatever it sent.
void write_junit(const RunResult& result, std::ostream& out);

}  // namespace parity::report
