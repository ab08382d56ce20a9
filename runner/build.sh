#!/usr/bin/env bash
# Installs the Debian packages parity needs (once), then configures and builds it in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
runner/setup-debian.sh
cmake --preset default >/dev/null
cmake --build --preset default
