#!/usr/bin/env bash
# Fuzzes every libFuzzer target of runner/fuzz for a bounded time each: builds the
# `asan` preset (clang, ASan + UBSan + libFuzzer), copies each seed corpus of fixtures/fuzz/ to
# a scratch directory (fixtures/ is never written), runs the target there and prints a table:
# target, executions, exec/s, seconds, corpus size, findings. Exits 1 on any crash, leak,
# timeout or out-of-memory, naming each reproducer (replay: <binary> <reproducer>; keep it
# as fixtures/fuzz/<target>/regressions/<name> once fixed).
# Env: PARITY_FUZZ_SECONDS (default 60 per target), PARITY_FUZZ_TARGETS (default all),
# PARITY_ASAN_BUILD_DIR (default build-asan), PARITY_FUZZ_WORK (default a new temp dir),
# PARITY_FUZZ_JOBS (targets fuzzed at once; default one per core).
set -euo pipefail
cd "$(dirname "$0")/../.."
runner/scripts/setup-sanitizers.sh

seconds=${PARITY_FUZZ_SECONDS:-60}
build_dir=${PARITY_ASAN_BUILD_DIR:-build-asan}
work=${PARITY_FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/parity-fuzz.XXXXXX")}
cmake --preset asan -B "$build_dir" >/dev/null
cmake --build "$build_dir" --target parity_fuzz_all

targets=${PARITY_FUZZ_TARGETS:-}
if [ -z "$targets" ]; then
  targets=$(cd fixtures/fuzz && find . -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# fuzz_one TARGET: fuzzes TARGET; prints its table row; returns non-zero on a finding.
fuzz_one() {
  local target=$1 dir=$work/$1
  local binary=$build_dir/runner/fuzz/parity_fuzz_$target
  mkdir -p "$dir/corpus" "$dir/findings"
  cp -r "fixtures/fuzz/$target/." "$dir/corpus/"
  local options=(-max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
                 -artifact_prefix="$dir/findings/")
  if [ -f "fixtures/fuzz/$target.dict" ]; then
    options+=(-dict="fixtures/fuzz/$target.dict")
  fi
  local status=0 started
  started=$(date +%s)
  "$binary" "${options[@]}" "$dir/corpus" >"$dir/log" 2>&1 || status=$?
  local execs rate files findings
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log" | tail -1)
  files=$(find "$dir/corpus" -type f | wc -l)
  findings=$(find "$dir/findings" -type f | wc -l)
  if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
    findings=1  # died without an artifact (e.g. a crash in the initial corpus)
  fi
  printf '%-16s %12s %8s %8s %8s %9s\n' "$target" "${execs:-?}" "${rate:-?}" \
    "$(($(date +%s) - started))" "$files" "$findings"
  [ "$findings" -eq 0 ]
}

printf '%-16s %12s %8s %8s %8s %9s\n' target executions exec/s seconds corpus findings
# PARITY_FUZZ_JOBS targets at a time (default: one per core); rows print as targets end.
jobs=${PARITY_FUZZ_JOBS:-$(nproc)}
failed=()
declare -A running=()  # pid -> target
reap() {  # waits for one running target to end; records it if it found something
  local pid status=0
  wait -n -p pid "${!running[@]}" || status=$?
  [ "$status" -eq 0 ] || failed+=("${running[$pid]}")
  unset "running[$pid]"
}
for target in $targets; do
  while [ ${#running[@]} -ge "$jobs" ]; do reap; done
  fuzz_one "$target" &
  running[$!]=$target
done
while [ ${#running[@]} -gt 0 ]; do reap; done
if [ ${#failed[@]} -ne 0 ]; then
  for target in "${failed[@]}"; do
    echo "fuzz: $target FAILED; log: $work/$target/log"
    find "$work/$target/findings" -type f -printf "  reproducer: %p\n"
    # Its first bytes, escaped, so that a CI log alone shows the input.
    find "$work/$target/findings" -type f | head -1 | xargs -r head -c 300 | od -An -c |
      head -8 | sed 's/^/  bytes:/' || true
    grep -m1 -E "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|terminate called" \
      "$work/$target/log" | sed 's/^/  /' || true
    echo "  replay: $build_dir/runner/fuzz/parity_fuzz_$target <reproducer>"
  done
  exit 1
fi
echo "fuzz: ${seconds} s per target, no findings (work: $work)"
