#!/bin/sh
# The same server gives the same verdicts: runs the whole suite RUNS times (default 2) against
# the embedded reference server with one deliberate fault, cases running concurrently
# (--jobs 4), and requires every run to give each case the same verdict (README, "Parallel
# runs"). Exit 0 when the verdict sets are identical, 1 when they differ (the diff is printed),
# 2 when a run could not produce its JSON report.
# Usage: runner/scripts/check-determinism.sh PARITY PROFILE OUT_DIR [FAULT] [RUNS]
set -eu
if [ $# -lt 3 ]; then
  echo "usage: $0 PARITY PROFILE OUT_DIR [FAULT] [RUNS]" >&2
  exit 2
fi
parity=$1
profile=$2
out=$3
fault=${4:-request_uri_per_client}
runs=${5:-2}
rm -rf "$out"
mkdir -p "$out"
i=1
while [ "$i" -le "$runs" ]; do
  status=0
  "$parity" run --profile "$profile" --fault "$fault" --jobs 4 --out "$out/run$i" \
    --report "json:$out/run$i/report.json" --no-color >"$out/run$i.log" 2>&1 || status=$?
  # 0, 3 (errored) and 4 (failed) are verdicts; anything else means the run itself broke.
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ] && [ "$status" -ne 4 ]; then
    echo "run $i exited $status:" >&2
    tail -n 20 "$out/run$i.log" >&2
    exit 2
  fi
  jq -r '.cases[] | "\(.full_id) \(.outcome)"' "$out/run$i/report.json" | sort >"$out/verdicts$i.txt"
  i=$((i + 1))
done
cases=$(wc -l <"$out/verdicts1.txt")
i=2
while [ "$i" -le "$runs" ]; do
  if ! diff -u "$out/verdicts1.txt" "$out/verdicts$i.txt"; then
    echo "fault $fault: run $i gave other verdicts than run 1 (above)" >&2
    exit 1
  fi
  i=$((i + 1))
done
echo "fault $fault: $runs runs, $cases cases, identical verdicts"
