#!/usr/bin/env bash
# One command from a fresh Debian 12 machine: install, build, and run the whole suite against
# the embedded reference server. Reports go to reports/. Extra arguments go to `parity run`.
set -euo pipefail
cd "$(dirname "$0")/../.."
runner/scripts/build.sh --run
exec build/parity run "$@"
