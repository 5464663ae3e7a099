#!/usr/bin/env bash
# Configures and builds logicmock into ./build (executables in build/bin), warnings as errors.
#   scripts/build.sh              everything, tests included
#   scripts/build.sh TARGET...    only those targets; LOGICMOCK_BUILD_TESTS=OFF configures
#                                 without the test suites (what scripts/serve.sh does)
set -euo pipefail
cd "$(dirname "$0")/.."
build_type=${LOGICMOCK_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DLOGICMOCK_WERROR=ON \
    -DLOGICMOCK_BUILD_TESTS="${LOGICMOCK_BUILD_TESTS:-ON}" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build build -j "$(nproc)" "${targets[@]}"
