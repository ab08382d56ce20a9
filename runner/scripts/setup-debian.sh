#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages parity needs. With --run: only what building and
# running the `parity` executable needs (runner/scripts/run-suite.sh, the README's first command).
# Without it: that plus everything the tests need (runner/scripts/test.sh), plus any packages given as
# arguments (runner/scripts/setup-sanitizers.sh adds clang this way).
set -euo pipefail

run_only=false
if [ "${1:-}" = "--run" ]; then
  run_only=true
  shift
fi

# Building and running parity.
packages=(
  build-essential clang cmake ninja-build pkg-config ccache
  libyaml-cpp-dev nlohmann-json3-dev libssl-dev libcurl4-openssl-dev
  libcli11-dev libcpp-httplib-dev libre2-dev libxml2-dev
)
# Testing it.
if ! $run_only; then
  packages+=(
    git libgtest-dev libxml2-utils openssl clang-format
    chromium  # headless browser for the comparison page test (ctest compare.browser_*) and
              # browser logins (ctest login.browser_*, runner/scripts/run-*.sh)
    chromium-driver  # W3C WebDriver for browser logins (profiles/README.md, "Browser login")
    glewlwyd sqlite3 jq  # the second independent server (runner/scripts/run-glewlwyd.sh), test only
    wrk       # HTTP load generator for the reference server's load test (ctest load.wrk)
    python3-junitparser python3-yaml  # a real JUnit consumer, and YAML for the CI recipes' test
    dpkg-dev file  # the Debian package: cpack's shlibdeps (dpkg-shlibdeps) and its test
    "$@"
  )
fi

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
