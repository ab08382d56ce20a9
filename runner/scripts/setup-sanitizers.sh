#!/usr/bin/env bash
# Installs what the sanitizer and fuzzing builds need on top of runner/scripts/setup-debian.sh:
# clang 14 and its runtimes (ASan, UBSan, libFuzzer). Used by runner/scripts/sanitize.sh and
# runner/scripts/fuzz.sh only, so the default build does not need clang.
set -euo pipefail
cd "$(dirname "$0")/../.."
runner/scripts/setup-debian.sh clang libclang-rt-14-dev
