#!/usr/bin/env bash
# Configures and builds logicmock into ./build (executables in build/bin).
set -euo pipefail
cd "$(dirname "$0")/.."
build_type=${LOGICMOCK_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DLOGICMOCK_WERROR=ON >/dev/null
cmake --build build -j "$(nproc)"
