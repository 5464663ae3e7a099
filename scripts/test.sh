#!/usr/bin/env bash
# The test command. Installs what is missing, builds into ./build and runs every CTest suite.
#   scripts/test.sh          the whole suite (unit, HTTP, hostile input, client, contract, SDK)
#   scripts/test.sh --all    also, as CI does: the Release preset build, the suite under
#                            AddressSanitizer + UBSan, the concurrency tests under
#                            ThreadSanitizer, and a libFuzzer smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
all=false
[ "${1:-}" = "--all" ] && { all=true; shift; }
jobs=$(nproc)

scripts/install-deps.sh
scripts/build.sh
(cd build && ctest --output-on-failure -j "$jobs" "$@")
$all || exit 0

echo "== Release preset, as a user builds it (default flags, no -Werror): server and client" >&2
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs" --target logicmock-server logicmock_client_cli

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: whole suite" >&2
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j "$jobs")

echo "== ThreadSanitizer: concurrency tests" >&2
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs" --target core_tests
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build-tsan/bin/core_tests "[concurrency],[http]"

echo "== libFuzzer smoke (clang)" >&2
CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOGICMOCK_FUZZ=ON \
    -DLOGICMOCK_BUILD_CLIENT=OFF \
    "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" >/dev/null
cmake --build build-fuzz -j "$jobs" --target pipeline_fuzzer
(cd build-fuzz && ctest --output-on-failure -R '^fuzz')
