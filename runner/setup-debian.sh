#!/usr/bin/env bash
# Installs everything parity needs to build and test on Debian 12 (bookworm), plus any
# packages given as arguments (runner/setup-sanitizers.sh adds clang this way).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libyaml-cpp-dev nlohmann-json3-dev libssl-dev libcurl4-openssl-dev
  libcli11-dev libcpp-httplib-dev libgtest-dev libxml2-dev libxml2-utils openssl clang-format
  chromium  # headless browser for the comparison page test (ctest compare.browser_*)
  wrk       # HTTP load generator for the reference server's load test (ctest load.wrk)
  "$@"
)

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
