#!/usr/bin/env bash
# The Debian package as installed (README, "Debian package"): builds it (runner/scripts/package-deb.sh),
# extracts it into a scratch root with dpkg-deb -x, and from a directory that is neither the
# source nor the build tree runs the extracted usr/bin/parity: `validate` and `run` must find
# the suites, profiles and fixtures of usr/share/parity (not the source tree) and write the
# reports to ./reports. Usage: deb_installed.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source_dir=$1 build_dir=$2 work=$3
if ! command -v dpkg-shlibdeps >/dev/null; then
  echo "deb_installed: dpkg-shlibdeps is missing (Debian package dpkg-dev; runner/scripts/setup-debian.sh)" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work/root" "$work/elsewhere"
deb=$(PARITY_BUILD_DIR=$build_dir "$source_dir/runner/scripts/package-deb.sh" "$work/package" | tail -1)
dpkg-deb -x "$deb" "$work/root"
parity=$work/root/usr/bin/parity
cd "$work/elsewhere"
"$parity" --version
"$parity" validate
# The data must come from the package, not from the source tree this binary was built from:
# a suite removed from the extracted data must be gone from the plan.
rm "$work/root/usr/share/parity/suites/rar.yaml"
"$parity" list >list.log || true
if ! grep -q "would run" list.log || grep -q "par\.rar/" list.log; then
  echo "deb_installed: the installed parity did not read its own data ($work/root/usr/share/parity)" >&2
  cat list.log >&2
  exit 1
fi
cp "$source_dir/suites/rar.yaml" "$work/root/usr/share/parity/suites/"
"$parity" run --no-color | tee run.log
grep -q "issuer https://127.0.0.1" run.log
test -s reports/reference.junit.xml && test -s reports/reference.json
if grep -qE "$source_dir/(suites|profiles|fixtures)/" reports/reference.json; then
  echo "deb_installed: the installed run read files of the source tree $source_dir" >&2
  exit 1
fi
echo "deb_installed: the extracted package ran the suite from $work/elsewhere"
