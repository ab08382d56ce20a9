#!/usr/bin/env bash
# Compares providers side by side (README.md, "Comparing providers"): the embedded reference
# server, the three seed-vendor emulations (built from their documentation) and the
# oidc-provider run that runner/run-oidc-provider.sh wrote to reports/oidc-provider.json.
# Writes reports/comparison.{html,md,json}. CI runs it after run-oidc-provider.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
parity=${PARITY:-build/parity}
if [ ! -x "$parity" ]; then
  runner/build.sh
fi
results=()
if [ -f reports/oidc-provider.json ]; then
  results=(--results reports/oidc-provider.json)
else
  echo "compare-providers: no reports/oidc-provider.json (run runner/run-oidc-provider.sh first)" >&2
  exit 2
fi
"$parity" compare --profile profiles/reference.yaml \
  --profile profiles/emulated/auth0.yaml \
  --profile profiles/emulated/ibm-verify.yaml \
  --profile profiles/emulated/pingone.yaml \
  "${results[@]}" --jobs 8 --out reports/
for output in reports/comparison.html reports/comparison.md reports/comparison.json; do
  test -s "$output" || { echo "compare-providers: $output missing" >&2; exit 3; }
done
