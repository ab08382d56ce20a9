#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
runner/build.sh
ctest --preset default
