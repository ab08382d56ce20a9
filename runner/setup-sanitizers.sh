#!/usr/bin/env bash
# Installs what the sanitizer and fuzzing builds need on top of runner/setup-debian.sh:
# clang 14 and its runtimes (ASan, UBSan, libFuzzer). Used by runner/sanitize.sh and
# runner/fuzz.sh only, so the default build does not need clang.
set -euo pipefail
cd "$(dirname "$0")/.."
runner/setup-debian.sh

packages=(clang libclang-rt-14-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "parity: installing ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
