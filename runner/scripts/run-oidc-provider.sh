#!/usr/bin/env bash
# Runs the whole suite against node oidc-provider 9 (fixtures/oidc-provider) and checks the
# verdicts: installs Node from Debian when `node` is missing, installs the fixture's pinned
# packages (npm ci), starts the server on 127.0.0.1:9126 (the port the profiles name), runs
# `parity run` with profiles/oidc-provider.yaml (login by HTML forms) and, at the same time,
# profiles/oidc-provider-browser.yaml (the same login in a headless browser; needs chromium and
# chromium-driver, installed from Debian when missing), stops the server, and compares every
# verdict with fixtures/oidc-provider/known-deviations.json (a new failure, an error, or a
# documented deviation that no longer fails makes this script fail).
# Reports: reports/oidc-provider{,-browser}.{json,junit.xml}; server log:
# reports/oidc-provider.server.log.
# Environment: PARITY (default build/parity, built by runner/scripts/build.sh when missing), JOBS (8).
set -euo pipefail
cd "$(dirname "$0")/../.."
start_time=$(date +%s)
fixture=fixtures/oidc-provider
port=9126
parity=${PARITY:-build/parity}
log=reports/oidc-provider.server.log
mkdir -p reports

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
missing=()
for tool in node:nodejs npm:npm chromium:chromium chromedriver:chromium-driver; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "run-oidc-provider: installing ${missing[*]} from Debian"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi
# oidc-provider 9 declares no "engines"; at start-up it warns below Node 22 LTS. It runs on
# Node 20 (CI); older versions lack APIs it uses.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "run-oidc-provider: Node $(node --version) is too old for oidc-provider 9 (need 20 or later)" >&2
  exit 2
fi
echo "run-oidc-provider: node $(node --version), npm $(npm --version 2>/dev/null)"
(cd "$fixture" && npm ci --no-audit --no-fund --loglevel=error)
if [ ! -x "$parity" ]; then
  runner/scripts/build.sh
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "run-oidc-provider: 127.0.0.1:$port is already in use" >&2
  exit 2
fi
node "$fixture/server.mjs" --port "$port" >"$log" 2>&1 &
server_pid=$!
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 300); do
  if grep -q '^parity-oidc-provider ready' "$log"; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if ! grep -q '^parity-oidc-provider ready' "$log"; then
  echo "run-oidc-provider: the server did not start; its log:" >&2
  cat "$log" >&2
  exit 3
fi
echo "run-oidc-provider: $(grep '^parity-oidc-provider ready' "$log")"

run_profile() {  # run_profile NAME [ARGS…]: parity's exit code in reports/NAME.exit
  local name=$1
  shift
  local status=0
  local started
  started=$(date +%s)
  "$parity" run --profile "profiles/$name.yaml" --jobs "${JOBS:-8}" --out reports --no-color \
    "$@" >"reports/$name.console.txt" 2>&1 || status=$?
  echo "$status" >"reports/$name.exit"
  echo "run-oidc-provider: $name: parity exited $status after $(( $(date +%s) - started )) s"
}
run_profile oidc-provider-browser "$@" &
browser_run=$!
run_profile oidc-provider "$@"
wait "$browser_run"
stop_server
trap - EXIT

result=0
for name in oidc-provider oidc-provider-browser; do
  tail -n 3 "reports/$name.console.txt"
  status=$(cat "reports/$name.exit")
  rm -f "reports/$name.exit"
  # 0 all passed, 3 errors, 4 failures: the verdict check decides; anything else is a usage or
  # load problem (exit codes in README.md).
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ] && [ "$status" -ne 4 ]; then
    echo "run-oidc-provider: parity run of $name exited with $status" >&2
    cat "reports/$name.console.txt" >&2
    result=1
    continue
  fi
  node runner/scripts/check-verdicts.mjs "reports/$name.json" "$fixture/known-deviations.json" ||
    result=1
done
echo "run-oidc-provider: wall time $(( $(date +%s) - start_time )) s"
exit "$result"
