#!/usr/bin/env bash
# No browser outlives the run that started it (profiles/README.md, "Browser login"): runs
# parity with a browser-login profile (fixtures/browser/reference-browser.yaml) three times,
# under an environment marker every process it starts inherits, and fails when a process
# carrying the marker (zombies aside: they have ended) is left once parity has exited:
#   1. a run that ends normally, whose authorizations must all pass;
#   2. a run interrupted with SIGINT (Ctrl-C) while its browsers are open;
#   3. the same with SIGTERM.
# Usage: browser_processes.sh PARITY PROFILE OUT_DIR
# Without chromium or chromedriver it prints "SKIPPED: …" (ctest skips), unless
# PARITY_REQUIRE_BROWSER is set (CI), where that is a failure.
set -euo pipefail
parity=$1
profile=$2
out=$3
mkdir -p "$out"

for tool in chromium chromedriver; do
  if ! command -v "$tool" >/dev/null; then
    if [ -n "${PARITY_REQUIRE_BROWSER:-}" ]; then
      echo "FAILED: $tool is not installed and PARITY_REQUIRE_BROWSER is set" >&2
      exit 1
    fi
    echo "SKIPPED: $tool is not installed (runner/scripts/setup-debian.sh installs it)"
    exit 0
  fi
done

marker="PARITY_PROCESS_TEST=$$-$RANDOM-$RANDOM"

# The profile's server with a 30 s request_uri and a 60 s code lifetime instead of 1 s: this test
# is about processes, and its /proc scans load the machine enough to delay a browser past 1 s.
fixtures=$(cd "$(dirname "$profile")/.." && pwd)
sed -e 's/^request_uri_lifetime: .*/request_uri_lifetime: 30/' \
  -e 's/^code_lifetime: .*/code_lifetime: 60/' -e "s#\.\./#$fixtures/#g" \
  "$fixtures/reference/default.yaml" >"$out/server.yaml"
sed -e "s#\.\./reference/default.yaml#$out/server.yaml#" -e "s#\.\./#$fixtures/#g" \
  "$profile" >"$out/profile.yaml"
profile=$out/profile.yaml

# The live processes whose environment holds the marker (a zombie's is empty), or whose
# process group is one of $groups (Chromium's zygote gives its children a cleaned environment, but they stay
# in the group of the driver that parity started, whose id is the driver's pid).
groups=" "
left_over() {
  local pid
  {
    # (one grep and one awk for all of /proc: a fork per process is too slow on a busy machine)
    # (a process may end between the glob and the read: awk and grep then fail on its file,
    # which must not end this script under `set -e -o pipefail`)
    { grep -lzxF "$marker" /proc/[0-9]*/environ 2>/dev/null || true; } |
      sed -e 's#^/proc/##' -e 's#/environ$##'
    awk -v groups="$groups" 'FNR == 1 {
        line = $0; sub(/^.*\) /, "", line); split(line, field, " ")
        if (field[1] != "Z" && index(groups, " " field[3] " ") > 0) {
          split(FILENAME, path, "/"); print path[3]
        }
      }' /proc/[0-9]*/stat 2>/dev/null || true
  } | sort -u | while read -r pid; do
    local command
    # a process that has ended meanwhile is not left over
    command=$( (tr '\0' ' ' <"/proc/$pid/cmdline") 2>/dev/null) || continue
    [ -n "$command" ] || continue  # a zombie's or a kernel thread's command line is empty
    echo "$pid ${command:0:100}"
  done
}

# Waits until parity (pid $1) has a browser open, and records the driver's process group.
wait_for_browser() {
  local current found command
  for _ in $(seq 1 100); do
    current=$(left_over)
    if [[ "$current" == *chromium* ]]; then
      while read -r found command _; do
        if [[ "$command" == *chromedriver* ]]; then
          groups+="$found "
        fi
      done <<<"$current"
      return 0
    fi
    if ! kill -0 "$1" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" || true
  echo "FAILED: no browser started" >&2
  return 1
}

check_none_left() {  # check_none_left WHAT
  local left
  left=$(left_over)
  if [ -n "$left" ]; then
    echo "FAILED: after $1, processes started by parity are still running:" >&2
    echo "$left" >&2
    while read -r pid _; do kill -9 "$pid" 2>/dev/null || true; done <<<"$left"
    exit 1
  fi
  echo "ok: nothing left after $1 (driver process groups:$groups)"
}

# 1. A normal run: the flows pass through the browser, then everything is gone.
env "$marker" "$parity" run --profile "$profile" --filter 'par.flow/*' --filter 'par.authorize/*' \
  --out "$out/normal" --no-color >"$out/normal.log" 2>&1 &
pid=$!
wait_for_browser "$pid" || { cat "$out/normal.log" >&2; exit 1; }
status=0
wait "$pid" || status=$?
cat "$out/normal.log"
if [ "$status" -ne 0 ]; then
  echo "FAILED: the browser run exited with $status" >&2
  exit 1
fi
check_none_left "a normal run"

# 2 and 3. Interrupted while the browsers are open.
for signal in INT TERM; do
  env "$marker" "$parity" run --profile "$profile" --jobs 4 --out "$out/$signal" --no-color \
    >"$out/$signal.log" 2>&1 &
  pid=$!
  wait_for_browser "$pid" || { cat "$out/$signal.log" >&2; exit 1; }
  kill "-$signal" "$pid"
  wait "$pid" || true
  check_none_left "SIG$signal"
done
