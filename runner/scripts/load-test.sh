#!/usr/bin/env bash
# The reference server under load (README.md "Load test"): starts `parity serve`
# with fixtures/load/server.yaml (HTTPS, store_capacity 2000, 2 s lifetimes) on a free
# loopback port, runs wrk against the metadata document, the PAR endpoint and push+/authorize
# redemptions, samples the server's memory, and prints a table of figures.
#
# Exits non-zero when: wrk reports a socket error (connect, read, write, timeout); a response is
# not one the phase expects (fixtures/load/*.lua); a phase has no successful request; the server
# dies; or its peak RSS exceeds the bound below. A store refusal (503 / error
# temporarily_unavailable while full) is expected, not an error.
#
# Usage: runner/scripts/load-test.sh [--no-install]
#   Without wrk, runner/scripts/setup-debian.sh installs it; with --no-install
#   (ctest load.wrk) it exits 77 ("skipped") instead, or 1 when PARITY_REQUIRE_WRK=1.
# Environment: PARITY_LOAD_SECONDS (per phase, default 10), PARITY_LOAD_CONNECTIONS (32),
#   PARITY_LOAD_THREADS (2), PARITY_BIN (build/parity), PARITY_LOAD_CONFIG.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${PARITY_LOAD_SECONDS:-10}
connections=${PARITY_LOAD_CONNECTIONS:-32}
threads=${PARITY_LOAD_THREADS:-2}
parity=${PARITY_BIN:-build/parity}
config=${PARITY_LOAD_CONFIG:-fixtures/load/server.yaml}
export PARITY_LOAD_LUA="$PWD/fixtures/load"

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  if [ "${1:-}" = "--no-install" ]; then
    if [ "${PARITY_REQUIRE_WRK:-0}" = "1" ]; then
      echo "load-test: wrk is not installed and PARITY_REQUIRE_WRK=1 (runner/scripts/setup-debian.sh)" >&2
      exit 1
    fi
    echo "SKIPPED: wrk is not installed (runner/scripts/setup-debian.sh installs it)"
    exit 77
  fi
  runner/scripts/setup-debian.sh  # lists wrk
}

ensure_wrk "${1:-}"
if [ ! -x "$parity" ]; then
  echo "load-test: $parity not found; build first (runner/scripts/build.sh) or set PARITY_BIN" >&2
  exit 1
fi

# Capacity and lifetimes come from the config, so the bound follows it.
config_value() {
  sed -n "s/^$1: *\([0-9][0-9]*\).*/\1/p" "$config"
}
capacity=$(config_value store_capacity)
lifetime=$(config_value request_uri_lifetime)
capacity=${capacity:-100000}
lifetime=${lifetime:-3}

work=$(mktemp -d)
server_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$parity" serve --config "$config" >"$work/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^ready on \(https\{0,1\}:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/serve.log")
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "load-test: the server did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

# /proc/PID/status fields in KiB (VmRSS: resident now; VmHWM: the peak since start).
memory_kib() {
  sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$server_pid/status" 2>/dev/null || true
}
mib() {
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# Samples VmRSS every 100 ms into $work/rss.<phase> until killed.
start_sampler() {
  (while kill -0 "$server_pid" 2>/dev/null; do
    memory_kib VmRSS >>"$work/rss.$1"
    sleep 0.1
  done) &
  sampler_pid=$!
}
stop_sampler() {
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
}

field() {
  sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"
}

failures=()
rows=()
baseline_kib=$(memory_kib VmRSS)

# run_phase NAME SCRIPT PATH: one wrk run; appends a table row and any failure.
run_phase() {
  local name=$1 script=$2 path=$3
  local before after peak line
  before=$(memory_kib VmRSS)
  : >"$work/rss.$name"
  start_sampler "$name"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "fixtures/load/$script" \
    "$url$path" >"$work/wrk.$name" 2>&1 || true
  stop_sampler
  if ! kill -0 "$server_pid" 2>/dev/null; then
    failures+=("$name: the server died")
    return
  fi
  after=$(memory_kib VmRSS)
  peak=$(sort -n "$work/rss.$name" | tail -n 1)
  line=$(grep '^PARITY_LOAD ' "$work/wrk.$name" || true)
  if [ -z "$line" ]; then
    failures+=("$name: wrk printed no figures: $(tr '\n' ' ' <"$work/wrk.$name")")
    return
  fi
  local requests duration p50 p99 socket expected full unexpected
  requests=$(field requests "$line")
  duration=$(field duration_us "$line")
  p50=$(field p50_us "$line")
  p99=$(field p99_us "$line")
  expected=$(field expected "$line")
  full=$(field full "$line")
  unexpected=$(field unexpected "$line")
  socket=$(($(field connect_errors "$line") + $(field read_errors "$line") +
    $(field write_errors "$line") + $(field timeouts "$line")))
  rows+=("$(awk -v n="$name" -v r="$requests" -v d="$duration" -v a="$p50" -v b="$p99" \
    -v e="$expected" -v f="$full" -v u="$unexpected" -v s="$socket" \
    -v s0="$before" -v pk="$peak" -v s1="$after" 'BEGIN {
      printf "%-9s %9d %9.0f %8.2f %8.2f %9d %8d %10d %7d   %6.1f / %6.1f / %6.1f\n",
        n, r, r / (d / 1e6), a / 1000, b / 1000, e, f, u, s, s0 / 1024, pk / 1024, s1 / 1024 }')")
  [ "$socket" -eq 0 ] || failures+=("$name: $socket socket errors (connect/read/write/timeout)")
  [ "$unexpected" -eq 0 ] ||
    failures+=("$name: $unexpected unexpected responses, first: $(field first_unexpected "$line")")
  [ "$expected" -gt 0 ] || failures+=("$name: no successful request")
  if [ "$name" = push ]; then
    accepted_pushes=$expected
    refused_pushes=$full
  fi
}

accepted_pushes=0
refused_pushes=0
echo "load-test: $url ($config: store_capacity $capacity, lifetime ${lifetime}s);" \
  "wrk -t$threads -c$connections, ${seconds}s per phase"
run_phase metadata metadata.lua /.well-known/oauth-authorization-server
run_phase push push.lua /par
# Let the pushed requests expire (at most 5 s) so the redemption phase starts with a store
# that can purge.
sleep $((lifetime < 5 ? lifetime : 5))
run_phase redeem redeem.lua /authorize

peak_kib=$(memory_kib VmHWM)
# The bound (generous on purpose): the RSS before any load, plus 8 KiB for each entry the
# three maps may hold (a pushed request is ~1 KiB of strings and hash node; 8x covers
# allocator slack), plus 64 MiB for what does not depend on the store: TLS state and buffers of
# the open connections, worker thread stacks and glibc's per-thread malloc arenas.
bound_kib=$((${baseline_kib:-0} + capacity * 3 * 8 + 64 * 1024))
if [ -z "$peak_kib" ]; then
  failures+=("the server died")
elif [ "$peak_kib" -gt "$bound_kib" ]; then
  failures+=("peak RSS $(mib "$peak_kib") MiB exceeds the bound $(mib "$bound_kib") MiB")
fi

echo
echo "phase      requests     req/s  p50 ms   p99 ms   expected  refused unexpected  socket   RSS MiB start / peak / end"
printf '%s\n' "${rows[@]}"
echo
echo "expected: metadata 200; push 201; redeem 201 push + 302 with code. refused: 503 or error"
echo "  redirect temporarily_unavailable while the store holds store_capacity ($capacity) live entries."
echo "peak RSS (VmHWM) $(mib "${peak_kib:-0}") MiB; bound $(mib "$bound_kib") MiB" \
  "(start $(mib "${baseline_kib:-0}") MiB + $capacity x 3 maps x 8 KiB + 64 MiB)"
if [ "$accepted_pushes" -gt "$capacity" ]; then
  echo "purge: $accepted_pushes pushes accepted in the push phase > capacity $capacity," \
    "so expired entries were purged ($refused_pushes refused while full)"
else
  echo "purge: not exercised ($accepted_pushes pushes accepted <= capacity $capacity)"
fi
if [ ${#failures[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "load test passed"
