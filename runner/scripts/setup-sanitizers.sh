#!/usr/bin/env bash
# Installs what the sanitizer and fuzzing builds need on top of runner/scripts/setup-debian.sh:
# clang 14's runtimes (ASan, UBSan, libFuzzer). Used by runner/scripts/sanitize.sh and
# runner/scripts/fuzz.sh only; clang itself is the default build's compiler too.
set -euo pipefail
cd "$(dirname "$0")/../.."
runner/scripts/setup-debian.sh libclang-rt-14-dev
