#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/../.."
runner/scripts/build.sh
# CI opens comparison.html in headless chromium; without it that test must fail, not skip.
export PARITY_REQUIRE_BROWSER=1
# Likewise the load test (ctest load.wrk) needs wrk: fail, not skip, when it is missing.
export PARITY_REQUIRE_WRK=1
ctest --preset default
