#!/usr/bin/env bash
# Bad local inputs and hostile answers, one row per class (README, "Limits"): builds each input
# in a scratch directory, runs parity on it under GNU time and prints a Markdown table with the
# exit code, the message parity gave, the wall time and the peak RSS. Figures, not a test.
# Network: loopback only (the embedded reference server and runner/hostile's server).
# Env: PARITY_BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=${PARITY_BUILD_DIR:-build}
parity=$root/$build/parity
serve=$root/$build/runner/hostile/parity_hostile_serve
if [ ! -x /usr/bin/time ]; then
  echo "measure-inputs: needs GNU time (/usr/bin/time; Debian package 'time')" >&2
  exit 1
fi
if [ ! -x "$parity" ] || [ ! -x "$serve" ]; then
  cmake --build "$build" --target parity parity_hostile_serve
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/parity-inputs.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
ln -s "$root/fixtures" fixtures
mkdir p s

"$serve" >url &
server_pid=$!
for _ in $(seq 50); do
  [ -s url ] && break
  sleep 0.1
done
base=$(head -1 url)

# A profile with one client, `extra` appended (YAML lines).
profile() {
  local name=$1 extra=${2:-}
  {
    echo "id: $name"
    echo "issuer: $base"
    echo "endpoints: {par: $base/ok, authorization: $base/redirect-loop, token: $base/ok}"
    printf '%b\n' "$extra"
    echo "clients:"
    echo "  basic: {client_id: c, auth_method: client_secret_basic, secret: x-secret-value,"
    echo "          redirect_uris: ['https://client.example/cb'], scope: openid}"
  } >"p/$name.yaml"
  echo "p/$name.yaml"
}

# A profile with `count` clients (about 80 bytes each; the first is the default client).
clients_profile() {
  local name=$1 count=$2
  {
    echo "id: $name"
    echo "issuer: $base"
    echo "endpoints: {par: $base/ok, authorization: $base/ok, token: $base/ok}"
    echo "clients:"
    echo "  basic: {roles: [default], client_id: c, auth_method: client_secret_basic, secret: x-secret-value}"
    awk -v n="$count" 'BEGIN { for (i = 1; i < n; i++)
      printf "  c%d: {client_id: c%d, auth_method: client_secret_basic, secret: x-secret-%d}\n", i, i, i }'
  } >"p/$name.yaml"
  echo "p/$name.yaml"
}

# A suite with one case; `expect` is the YAML of its step's expectation (one line).
suite() {
  local name=$1 step=$2 expect=$3 prefix=${4:-}
  {
    printf '%b' "$prefix"
    echo "suite: bounds.${name//-/_}"
    echo "title: $name"
    echo "cases:"
    echo "  - id: c"
    echo "    title: c"
    echo "    requirements: [RFC9126-2.2-a]"
    echo "    steps:"
    printf '      - %b\n' "$step"
    echo "        expect: $expect"
  } >"s/$name.yaml"
  echo "s/$name.yaml"
}

# Nine levels of nine aliases: 9^9 nodes once expanded.
bomb_anchors() {
  local text="anchors:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n" level items i
  for level in 1 2 3 4 5 6 7 8; do
    items="*a$((level - 1))"
    for i in 2 3 4 5 6 7 8 9; do
      items+=", *a$((level - 1))"
    done
    text+="  a$level: &a$level [$items]\n"
  done
  printf '%s' "$text"
}

echo "| input | exit | message | wall | peak RSS |"
echo "|---|---|---|---|---|"
# measure CLASS PATTERN COMMAND…: runs COMMAND, shows the first output line matching PATTERN
# (else the last line).
measure() {
  local class=$1 pattern=$2
  shift 2
  local status=0
  /usr/bin/time -v -o time.txt "$@" >out.txt 2>&1 || status=$?
  local rss wall message
  rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' time.txt)
  wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' time.txt)
  wall=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f s", s }' <<<"$wall")
  message=$(grep -E -m1 -- "$pattern" out.txt || tail -1 out.txt)
  message=$(sed "s#$work/##g; s#$base#http://127.0.0.1:PORT#g; s/^ *//" <<<"$message" | cut -c1-240)
  message=${message//|/\\|}
  printf '| %s | %s | `%s` | %s | %s MB |\n' "$class" "$status" "$message" "$wall" \
    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')"
}

# Local files that are not regular files, or too large.
measure "profile is /dev/zero" "parity:" "$parity" run --profile /dev/zero
mkdir profile-dir.yaml
measure "profile is a directory" "parity:" "$parity" run --profile profile-dir.yaml
mkfifo s/fifo.yaml
measure "suite is a FIFO" "not a regular" "$parity" validate --suites s/fifo.yaml
measure "key file is /dev/zero" "not a regular" "$parity" validate \
  --profiles "$(profile key-zero "dpop_key: /dev/zero")"
mkfifo ca.pem
measure "CA file is a FIFO" "not a regular" "$parity" validate \
  --profiles "$(profile ca-fifo "tls: {ca_file: ../ca.pem}")"
measure "certificate is a directory" "not a regular" "$parity" validate \
  --profiles "$(profile cert-dir "tls: {client_cert: ../profile-dir.yaml, client_key: ../profile-dir.yaml}")"
measure "50 MB profile (650,000 clients)" "larger than" "$parity" validate \
  --profiles "$(clients_profile clients-650k 650000)"
# Loading is linear: half the clients, half the time (both under the 1 MiB cap).
measure "0.5 MB profile (5,500 clients)" "cases:|parity:" "$parity" list \
  --profile "$(clients_profile clients-5k 5500)" --suites "$root/suites/state.yaml"
measure "1 MB profile (11,000 clients)" "cases:|parity:" "$parity" list \
  --profile "$(clients_profile clients-11k 11000)" --suites "$root/suites/state.yaml"
long_path=$(head -c 102400 /dev/zero | tr '\0' a)
measure "100 KB issuer URL" "cases:|parity:" "$parity" list \
  --profile "$(profile long-issuer "discovery: $base/$long_path")" --suites "$root/suites/state.yaml"
measure "alias bomb in an expectation operand" "alias" "$parity" validate \
  --suites "$(suite alias-bomb "push: {}" "{ json: { equals: *a8 } }" "$(bomb_anchors)")"
measure "alias inside its own node" "alias" "$parity" validate \
  --suites "$(suite alias-cycle "push: {}" "&loop { json: { equals: [*loop] } }")"
measure "invalid pattern (backreference)" "regex" "$parity" validate \
  --suites "$(suite bad-pattern "push: {}" "{ body: { matches: '(a)\\1' } }")"
measure "backtracking pattern on a 1 MiB body" "FAIL|ERROR" "$parity" run \
  --profile "$(profile backtracking)" \
  --suites "$(suite backtracking "push: {url: '\${issuer}/error-page'}" "{ body: { matches: '^(.*a){25}\$' } }")" \
  --out out-backtracking
measure "file name with ESC and U+202E" "not found|not a regular" "$parity" validate \
  --suites "$(printf 's/\033[31mred\342\200\256lmth.yaml')"
measure "--jobs 8x" "parity:" "$parity" run --jobs 8x
measure "--max-wait 1e3" "parity:" "$parity" run --max-wait 1e3
measure "report for drift is /dev/zero" "parity:" "$parity" drift /dev/zero /dev/zero
head -c $((40 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >big.json
measure "40 MB report for compare" "parity:" "$parity" compare --results big.json --results big.json
# Hostile answers (runner/hostile's server).
profile bad-metadata "discovery: $base/bad-metadata" >/dev/null
sed -i '/^endpoints:/d' p/bad-metadata.yaml
measure "metadata missing/wrong-typed endpoints" "parity:" "$parity" run \
  --profile p/bad-metadata.yaml --out out-metadata
measure "redirect loop at /authorize (login)" "redirect loop" "$parity" run \
  --profile "$(profile login-loop "login: {forms: [{match: {form_id: login}, fill: {user: u}}]}")" \
  --filter 'par.flow/full_flow' --out out-loop
measure "server never answers, case deadline 2 s" "deadline" "$parity" run \
  --profile "$(profile slow-server "timeout_ms: 60000\ncase_deadline_ms: 2000")" \
  --suites "$(suite never "push: {url: '\${issuer}/never'}" "{ status: 201 }")" --out out-never
measure "repeat: 40 against a server that never answers" "repetitions" "$parity" run \
  --profile "$(profile repeat "timeout_ms: 1000")" \
  --suites "$(suite repeat "push: {url: '\${issuer}/never'}\n        repeat: 40" "{ status: 201 }")" \
  --out out-repeat
measure "500 with a 64 MiB body (over the cap)" "larger than" "$parity" run --verbose \
  --profile "$(profile huge-error)" \
  --suites "$(suite huge-error "push: {url: '\${issuer}/huge-error'}" "{ status: 201 }")" --out out-huge
measure "body in ISO-8859-1, not JSON" "actual" "$parity" run \
  --profile "$(profile latin1)" \
  --suites "$(suite latin1 "push: {url: '\${issuer}/latin1-json'}" "{ json:/request_uri: { type: string } }")" \
  --out out-latin1
