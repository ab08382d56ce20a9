#!/usr/bin/env bash
# Prints the figures of "time to a verdict" (README, "Performance"): the default run, the
# selftest, the size of the binary and of the build tree, and the reference server's push
# throughput (wrk, runner/scripts/load-test.sh); with --fresh, the README's first command in a fresh
# clone with the compiler cache disabled (/usr/bin/time -v); with --oidc-provider, the whole
# suite against oidc-provider (runner/scripts/run-oidc-provider.sh; its request_uri lifetime is 60 s).
# Wall seconds depend on what else the machine runs, so each timed figure also gives its
# user+sys CPU seconds. It prints, it does not judge: CI runs it for the record (.ci/run).
# Usage: runner/scripts/benchmark.sh [--fresh] [--oidc-provider]
# Env: PARITY_BIN (default build/parity), PARITY_BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
fresh=false
oidc=false
for argument in "$@"; do
  case $argument in
    --fresh) fresh=true ;;
    --oidc-provider) oidc=true ;;
    *)
      echo "benchmark: unknown argument $argument (--fresh, --oidc-provider)" >&2
      exit 1
      ;;
  esac
done
parity=${PARITY_BIN:-build/parity}
build_dir=${PARITY_BUILD_DIR:-build}
if [ ! -x "$parity" ]; then
  echo "benchmark: $parity not found; build first (runner/scripts/build.sh --run) or set PARITY_BIN" >&2
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/parity-benchmark.XXXXXX")
trap 'rm -rf "$work"' EXIT
rows=()
failed_logs=()

# timed NAME COMMAND…: runs COMMAND (output in $work/NAME.log), adds a row of wall seconds,
# user+sys CPU seconds and exit code.
timed() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -o "$work/$name.time" -f '%e %U %S' "$@" >"$work/$name.log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || failed_logs+=("$work/$name.log")
  local wall user sys
  read -r wall user sys < <(tail -n 1 "$work/$name.time")
  rows+=("$(printf '%-34s %9.1f %9.1f %6s   %s' "$name" "$wall" "$(echo "$user + $sys" | bc)" \
    "$status" "$*")")
}

if $fresh; then
  # The README's first command on a fresh clone: packages already installed (apt's download
  # time is the network's), no compiler cache, nothing built.
  git clone -q . "$work/fresh"
  timed "first run (fresh clone, no ccache)" env CCACHE_DISABLE=1 "$work/fresh/runner/scripts/run-suite.sh" \
    --out "$work/fresh-reports" --no-color
fi
timed "default run (parity run)" "$parity" run --out "$work/run" --no-color
timed "parity selftest" "$parity" selftest
if $oidc; then
  timed "oidc-provider script (npm ci, 2 runs)" runner/scripts/run-oidc-provider.sh
fi

echo "parity benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-34s %9s %9s %6s   %s\n' figure "wall s" "CPU s" exit command
printf '%s\n' "${rows[@]}"
if $oidc; then
  grep -h "parity exited" "$work/oidc-provider script (npm ci, 2 runs).log" || true
fi
echo
# Lines a verdict is read from, for the record.
grep -h "^parity: profile .* cases:" "$work/default run (parity run).log" || true
grep -h "^score:" "$work/parity selftest.log" || true
echo "binary: $(du -h "$parity" | cut -f1) ($parity); build tree: $(du -sh "$build_dir" | cut -f1) ($build_dir)"
if $fresh; then
  echo "fresh clone build tree: $(du -sh "$work/fresh/build" | cut -f1);" \
    "binary $(du -h "$work/fresh/build/parity" | cut -f1)"
fi

# The reference server's throughput under wrk (runner/scripts/load-test.sh, 5 s a phase).
if command -v wrk >/dev/null; then
  PARITY_BIN=$parity PARITY_LOAD_SECONDS=${PARITY_LOAD_SECONDS:-5} runner/scripts/load-test.sh --no-install \
    >"$work/load.log" 2>&1 || echo "benchmark: the load test failed (see its table)"
  echo
  echo "reference server under wrk (runner/scripts/load-test.sh, ${PARITY_LOAD_SECONDS:-5} s a phase;" \
    "push: 201 expected, 503 refused while the store is full):"
  sed -n '/^phase /,/^$/p' "$work/load.log"
else
  echo "push throughput: wrk is not installed (runner/scripts/setup-debian.sh installs it)"
fi
for log in "${failed_logs[@]}"; do
  echo
  echo "--- the end of $(basename "$log") (exit not 0)"
  tail -n 20 "$log"
done
