#!/usr/bin/env bash
# Builds the Debian package of parity from build/ (`cpack -G DEB`; builds `parity` first if
# needed) into OUT_DIR (default build/package) and checks it: the runtime dependencies are
# declared (dpkg-shlibdeps), /usr/bin/parity is there and so are the suites, profiles and
# fixtures under /usr/share/parity. Prints the package's path last.
# Usage: runner/scripts/package-deb.sh [OUT_DIR]   Env: PARITY_BUILD_DIR (default build).
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${PARITY_BUILD_DIR:-build}
out=$(realpath -m "${1:-$build_dir/package}")
if [ ! -f "$build_dir/CPackConfig.cmake" ]; then
  cmake --preset run >/dev/null
fi
cmake --build "$build_dir" --target parity
mkdir -p "$out"
rm -f "$out"/parity_*.deb
(cd "$build_dir" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || {
  cat "$out/cpack.log" >&2
  exit 1
}
deb=$(ls "$out"/parity_*.deb)

fail() {
  echo "package-deb: $deb: $*" >&2
  exit 1
}
depends=$(dpkg-deb -f "$deb" Depends)
for library in libc6 libcurl4 libssl3 libyaml-cpp0.7 libre2-9 libxml2; do
  grep -q "\b$library\b" <<<"$depends" || fail "Depends lacks $library: $depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/parity ./usr/share/parity/suites/par_core.yaml \
  ./usr/share/parity/suites/catalogue/ ./usr/share/parity/profiles/reference.yaml \
  ./usr/share/parity/fixtures/reference/default.yaml ./usr/share/parity/fixtures/tls/ca.pem; do
  grep -qxF "$path" <<<"$contents" || fail "has no $path"
done
echo "package-deb: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)" \
  "$(dpkg-deb -f "$deb" Architecture), $(du -k "$deb" | cut -f1) KiB," \
  "$(wc -l <<<"$contents") entries; Depends: $depends"
echo "$deb"
