#pragma once

#include "cli/options.hpp"

namespace parity::cli {

/// `parity run`: runs the suites against each profile and writes reports. Returns the
/// documented exit code (the worst over all profiles).
int run_command(const RunOptionsCli& options);
/// `parity list`: prints the plan (what would run, and skip reasons) for each profile.
int list_command(const RunOptionsCli& options);
/// `parity validate`: loads every suite and profile; prints every error found.
int validate_command(const ValidateOptions& options);
/// `parity coverage`: prints which cases check each catalogued requirement. Returns 4
/// (ExitCode::failed) when an observable RFC 9126 MUST or SHOULD requirement has no case.
int coverage_command(const CoverageOptions& options);
/// `parity serve`: runs the reference server in the foreground until interrupted.
int serve_command(const ServeOptions& options);
/// `parity selftest`: runs the whole suite against the clean reference server and once per
/// fault; prints the fault → catching cases table and the score. Returns 4 unless the clean
/// server passes and every fault is caught.
int selftest_command(const SelftestOptionsCli& options);
/// `parity compare`: runs profiles concurrently and/or reads earlier JSON results, and writes
/// comparison.html, comparison.md and comparison.json. Returns 0, or 3 when a provider could
/// not be run at all; with --baseline, the drift exit code (0 / 4 regression / 5 changed).
int compare_command(const CompareOptionsCli& options);
/// `parity drift OLD NEW`: lists what changed between two runs of one provider. Returns 0
/// when nothing changed, 4 when a case regressed, 5 for changes without a regression.
int drift_command(const DriftOptions& options);
/// `parity faults`: lists the reference server's fault catalogue.
int faults_command();

}  // namespace parity::cli
