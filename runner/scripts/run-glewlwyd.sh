#!/usr/bin/env bash
# Runs the whole suite against Glewlwyd 2.7.5 (Debian's `glewlwyd` package) and checks the
# verdicts: installs the packages it needs when missing, builds a throw-away instance on
# 127.0.0.1 (a free port, HTTPS with parity's test certificate, SQLite from the package's init
# script: fixtures/glewlwyd/start.sh), configures it through the admin REST API
# (fixtures/glewlwyd/configure.sh), runs profiles/glewlwyd.yaml (PAR allowed, browser login on
# login.html) and profiles/glewlwyd-par-required.yaml (PAR required, login through HTTP steps)
# one after the other, stops the server by its pid, and compares every verdict with
# fixtures/glewlwyd/known-deviations.json (a new failure, an error, or a documented deviation
# that no longer has its verdict makes this script fail).
# Reports: reports/glewlwyd.*, reports/glewlwyd-par-required.*; server log:
# reports/glewlwyd.server.log. Environment: PARITY (default build/parity, built by
# runner/scripts/build.sh when missing), JOBS (2; see run_profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
start_time=$(date +%s)
fixture=fixtures/glewlwyd
parity=${PARITY:-build/parity}
log=reports/glewlwyd.server.log
mkdir -p reports

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
missing=()
for tool in glewlwyd:glewlwyd sqlite3:sqlite3 jq:jq curl:curl openssl:openssl node:nodejs \
  chromium:chromium chromedriver:chromium-driver; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "run-glewlwyd: installing ${missing[*]} from Debian"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi
echo "run-glewlwyd: $(glewlwyd --version 2>&1 | grep -m1 -i version || echo glewlwyd)"
if [ ! -x "$parity" ]; then
  runner/scripts/build.sh
fi

# In memory when it can be (/dev/shm): SQLite's commits then take microseconds, which keeps
# Glewlwyd's concurrent writes from colliding (it sets no busy timeout; see run_profile).
scratch=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  scratch=/dev/shm
fi
work=$(mktemp -d "$scratch/parity-glewlwyd.XXXXXX")
port=$(node -e 'const s = require("net").createServer();
s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
export PARITY_GLEWLWYD_PORT=$port
PARITY_GLEWLWYD_PASSWORD=$(openssl rand -hex 16)
export PARITY_GLEWLWYD_PASSWORD
base=https://127.0.0.1:$port

"$fixture/start.sh" "$port" "$work" >"$log" 2>&1 &
server_pid=$!
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap stop_server EXIT
for _ in $(seq 1 100); do
  if curl -fsS --cacert fixtures/tls/ca.pem "$base/config" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if ! curl -fsS --cacert fixtures/tls/ca.pem "$base/config" >/dev/null 2>&1; then
  echo "run-glewlwyd: the server did not start; its log:" >&2
  cat "$log" >&2
  exit 3
fi
"$fixture/configure.sh" "$base"
echo "run-glewlwyd: Glewlwyd (pid $server_pid) on $base"

# profiles/glewlwyd*.yaml take the port from ${env:PARITY_GLEWLWYD_PORT:-4593} in their URLs
# (exported above).

# Two cases at a time, one profile after the other: Glewlwyd writes to SQLite without a busy
# timeout, and more concurrent writes make some of them fail ("Error executing sql query" in
# its log, then a 403 at /authorize or a login page without scope): verdicts would change
# from run to run. Each run still waits out the request_uri lifetime (30 s) only once.
run_profile() {  # run_profile NAME: parity's exit code in reports/NAME.exit
  local status=0
  local started
  started=$(date +%s)
  "$parity" run --profile "profiles/$1.yaml" --jobs "${JOBS:-2}" --out reports --no-color \
    >"reports/$1.console.txt" 2>&1 || status=$?
  echo "$status" >"reports/$1.exit"
  echo "run-glewlwyd: $1: parity exited $status after $(( $(date +%s) - started )) s"
}
run_profile glewlwyd
run_profile glewlwyd-par-required
stop_server
trap - EXIT

result=0
for name in glewlwyd glewlwyd-par-required; do
  tail -n 3 "reports/$name.console.txt"
  status=$(cat "reports/$name.exit")
  rm -f "reports/$name.exit"
  # 0 all passed, 3 errors, 4 failures: the verdict check decides; anything else is a usage or
  # load problem (exit codes in README.md).
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ] && [ "$status" -ne 4 ]; then
    echo "run-glewlwyd: parity run of $name exited with $status" >&2
    cat "reports/$name.console.txt" >&2
    result=1
    continue
  fi
  node runner/scripts/check-verdicts.mjs "reports/$name.json" "$fixture/known-deviations.json" || result=1
done
sql_errors=$(grep -c "Error executing sql query" "$log" || true)
if [ "$sql_errors" -gt 0 ]; then
  echo "run-glewlwyd: Glewlwyd logged $sql_errors database errors ($log): a verdict that" \
    "differs may come from them" >&2
fi
echo "run-glewlwyd: wall time $(( $(date +%s) - start_time )) s"
exit "$result"
