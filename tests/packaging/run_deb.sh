#!/usr/bin/env bash
# The Debian package as a user gets it: cpack -G DEB from the build, unpacked with dpkg-deb -x
# into a scratch root; the server runs from there, and the consumer project builds against the
# headers and CMake package in it.
# Usage: run_deb.sh CMAKE CPACK BUILD_DIR CONSUMER_SOURCE_DIR VERSION [CXX_FLAGS]
set -euo pipefail
cmake=$1 cpack=$2 build_dir=$3 consumer=$4 version=$5 cxx_flags=${6:-}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build_dir" && "$cpack" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb="$work/out/logicmock_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "no $(basename "$deb"): $(ls "$work/out")"

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libstdc++6 libssl3; do
    [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/logicmock-server usr/bin/logicmock-client usr/include/logicmock/mock_server.hpp \
    usr/include/logicmock/version.hpp usr/share/doc/logicmock/README.md \
    usr/share/doc/logicmock/docs/reference/flags.md; do
    [ -e "$root/$f" ] || fail "the package lacks /$f"
done
[ -n "$(find "$root" -name logicmockConfig.cmake)" ] || fail "the package lacks logicmockConfig.cmake"

[ "$("$root/usr/bin/logicmock-server" --version)" = "logicmock-server $version" ] ||
    fail "packaged server --version: $("$root/usr/bin/logicmock-server" --version)"
"$root/usr/bin/logicmock-server" --port 0 >"$work/listen" 2>/dev/null &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/listen" 2>/dev/null && break; sleep 0.05; done
[[ "$(head -n1 "$work/listen")" =~ \"url\":\"(http://[^\"]+)\" ]] || fail "no listening line"
health=$(curl -s "${BASH_REMATCH[1]}/_mock/health")
[[ "$health" == *"\"version\":\"$version\""* ]] || fail "packaged server health: $health"
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=

# Debug (no optimisation) keeps the one-file consumer quick to compile.
"$cmake" -S "$consumer" -B "$work/build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_PREFIX_PATH="$root/usr" -DCMAKE_CXX_FLAGS="$cxx_flags" >"$work/configure.log" ||
    { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/build" >"$work/build.log" || { cat "$work/build.log"; exit 1; }
"$work/build/logicmock_consumer"
echo "debian package: all checks passed"
