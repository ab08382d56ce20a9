#!/usr/bin/env bash
# The tests under AddressSanitizer and UndefinedBehaviorSanitizer: builds the
# `asan` preset (clang; PARITY_SANITIZE and PARITY_FUZZ) and runs ctest there, leaks detected
# and any UB fatal. Left out, being slow and not about memory: the selftest (one whole-suite
# run per fault), the live provider comparison, the browser checks, the wrk load test (its
# memory bound does not hold under ASan), the style check and the Debian package, with the tests
# needing an excluded test's results; the oidc-provider run is not a
# ctest. The fuzz.*.replay tests replay every fuzz corpus and its
# regressions. Env: PARITY_ASAN_BUILD_DIR (default build-asan), extra ctest arguments as $@.
set -euo pipefail
cd "$(dirname "$0")/../.."
runner/scripts/setup-sanitizers.sh

build_dir=${PARITY_ASAN_BUILD_DIR:-build-asan}
start=$(date +%s)
cmake --preset asan -B "$build_dir" >/dev/null
cmake --build "$build_dir"
built=$(date +%s)
echo "sanitize: build $((built - start)) s"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# ctest adds back the fixture set-up of any selected test, so the tests that need the results of
# an excluded set-up test (FIXTURES_REQUIRED: coverage.proven on cli.selftest,
# docs.no_outside_pointers on cli.compare_live) are excluded with it. The Debian package test
# (package.deb_installed) is about packaging, not memory.
excluded='^cli\.selftest$|^coverage\.proven$|^cli\.compare_live$|^docs\.no_outside_pointers$|^compare\.browser_|^login\.[Bb]rowser|^load\.|^style\.clang_format$|^package\.'
# Three tests at once on two cores: many of them mostly wait (expiries, the emulated vendors'
# 60 s lifetimes), and a third keeps the cores busy (323 s with two, 252 s with three, idle).
status=0
ctest --test-dir "$build_dir" --output-on-failure -j 3 --timeout 900 -E "$excluded" "$@" ||
  status=$?
echo "sanitize: ctest $(($(date +%s) - built)) s, exit $status (excluded: $excluded)"
exit "$status"
