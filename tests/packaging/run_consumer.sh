#!/usr/bin/env bash
# Usage: run_consumer.sh CMAKE BUILD_DIR CONSUMER_SOURCE_DIR [CXX_FLAGS]
set -euo pipefail
cmake=$1 build_dir=$2 consumer=$3 cxx_flags=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cmake" --install "$build_dir" --prefix "$work/prefix" >"$work/install.log"
if [ -z "$(find "$work/prefix" -name logicmockConfig.cmake)" ]; then
    echo "no logicmockConfig.cmake was installed: the top-level CMakeLists.txt must" \
        "include(cmake/Install.cmake)" >&2
    exit 1
fi
# Debug (no optimisation) keeps the one-file consumer quick to compile.
"$cmake" -S "$consumer" -B "$work/build" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_CXX_FLAGS="$cxx_flags" >"$work/configure.log" ||
    { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/build" >"$work/build.log" || { cat "$work/build.log"; exit 1; }
"$work/build/logicmock_consumer"
