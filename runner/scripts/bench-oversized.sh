#!/usr/bin/env bash
# Memory and report size under oversized answers (README, "Limits"): runs the whole suite with
# the reference profile's clients against runner/hostile's server, one run per kind of
# oversized answer (every request of the run gets it), and prints the peak RSS of `parity run`
# and the size of each report it wrote. Goal at default settings: RSS <= 64 MB, every report
# <= 5 MB. Figures, not a test: it always exits 0 once the runs are done.
# Env: PARITY_BUILD_DIR (default build), PARITY_BENCH_KINDS (default: every kind below).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${PARITY_BUILD_DIR:-build}
parity=$build/parity
serve=$build/runner/hostile/parity_hostile_serve
if [ ! -x /usr/bin/time ]; then
  echo "bench-oversized: needs GNU time (/usr/bin/time; Debian package 'time')" >&2
  exit 1
fi
if [ ! -x "$parity" ] || [ ! -x "$serve" ]; then
  cmake --build "$build" --target parity parity_hostile_serve
fi

kinds=${PARITY_BENCH_KINDS:-"huge-body huge-error error-page ten-thousand-headers many-headers huge-header"}
work=$(mktemp -d "${TMPDIR:-/tmp}/parity-bench.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$serve" >"$work/url" &
server_pid=$!
for _ in $(seq 50); do
  [ -s "$work/url" ] && break
  sleep 0.1
done
base=$(head -1 "$work/url")

# The profiles live in $work/profiles, so that the reference profile's "../fixtures/…" paths
# resolve through $work/fixtures.
ln -s "$PWD/fixtures" "$work/fixtures"
mkdir "$work/profiles"

kib_to_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }
bytes_to_mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1e6 }'; }

printf '%-22s %5s %9s %9s %10s %10s %s\n' answer exit wall_s rss_MB json_MB junit_MB verdicts
for kind in $kinds; do
  profile=$work/profiles/$kind.yaml
  sed -e "s#^id: reference#id: bench-$kind#" \
      -e "s#^embedded_server: .*#issuer: $base\nendpoints: {par: $base/$kind, authorization: $base/$kind, token: $base/$kind}#" \
      profiles/reference.yaml >"$profile"
  out=$work/out-$kind
  status=0
  /usr/bin/time -v -o "$work/time-$kind" "$parity" run --profile "$profile" --out "$out" \
    --no-color >"$work/log-$kind" 2>&1 || status=$?
  rss_kib=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$work/time-$kind")
  wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$kind")
  wall_s=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }' <<<"$wall")
  json=$(stat -c %s "$out/bench-$kind.json" 2>/dev/null || echo 0)
  junit=$(stat -c %s "$out/bench-$kind.junit.xml" 2>/dev/null || echo 0)
  verdicts=$(grep -E '^parity: profile .* cases?:' "$work/log-$kind" | sed 's/^.*cases\?: //' | tail -1)
  printf '%-22s %5s %9s %9s %10s %10s %s\n' "$kind" "$status" "$wall_s" \
    "$(kib_to_mb "$rss_kib")" "$(bytes_to_mb "$json")" "$(bytes_to_mb "$junit")" "$verdicts"
done
