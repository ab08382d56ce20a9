#!/usr/bin/env bash
# Installs the Debian packages parity needs (once), then configures and builds it in build/.
# With --run: only the packages and the build of the `parity` executable (configure preset
# `run`, tests off; runner/scripts/run-suite.sh). Without it: everything, tests included (preset
# `default`; runner/scripts/test.sh). Both use build/, so the second builds only what the first did not.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--run" ]; then
  runner/scripts/setup-debian.sh --run
  cmake --preset run >/dev/null
  cmake --build --preset run
else
  runner/scripts/setup-debian.sh
  cmake --preset default >/dev/null
  cmake --build --preset default
fi
