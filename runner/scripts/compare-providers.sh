#!/usr/bin/env bash
# Compares providers side by side (README.md, "Comparing providers"): the embedded reference
# server, the three seed-vendor emulations (built from their documentation), and the runs of
# the independent servers: node oidc-provider (runner/scripts/run-oidc-provider.sh wrote
# reports/oidc-provider.json) and Glewlwyd, PAR allowed and PAR required
# (runner/scripts/run-glewlwyd.sh wrote reports/glewlwyd.json and reports/glewlwyd-par-required.json).
# Writes reports/comparison.{html,md,json}. CI runs it after those two scripts.
set -euo pipefail
cd "$(dirname "$0")/../.."
parity=${PARITY:-build/parity}
if [ ! -x "$parity" ]; then
  runner/scripts/build.sh
fi
results=()
for run in oidc-provider:run-oidc-provider glewlwyd:run-glewlwyd \
  glewlwyd-par-required:run-glewlwyd; do
  report="reports/${run%%:*}.json"
  if [ ! -f "$report" ]; then
    echo "compare-providers: no $report (run runner/scripts/${run#*:}.sh first)" >&2
    exit 2
  fi
  results+=(--results "$report")
done
"$parity" compare --profile profiles/reference.yaml \
  --profile profiles/emulated/auth0.yaml \
  --profile profiles/emulated/ibm-verify.yaml \
  --profile profiles/emulated/pingone.yaml \
  "${results[@]}" --jobs 8 --out reports/
for output in reports/comparison.html reports/comparison.md reports/comparison.json; do
  test -s "$output" || { echo "compare-providers: $output missing" >&2; exit 3; }
done
