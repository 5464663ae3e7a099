#!/usr/bin/env bash
# @azure/identity 4.13.1 + @azure/arm-logic 8.2.0 (tests/js, pinned by package-lock.json) against
# logicmock-server --tls --auth entra: runs tests/js/signin_example.mjs, checks README shows its
# set-up verbatim, and checks what it printed: the callback URL listed before the rotation is
# refused (401) afterwards, and the new one is accepted (202).
# Usage: signin_test.sh SERVER_BINARY README
set -euo pipefail
server=$1 readme=$2
here=$(cd "$(dirname "$0")" && pwd)
example="$here/signin_example.mjs"
[ -d "$here/node_modules/@azure/identity" ] ||
    { echo "FAIL: tests/js/node_modules is missing: run scripts/install-deps.sh (npm ci)"; exit 1; }

block=$(awk '/<!-- test: js-signin -->/{getline; f=1; next} f && /^```/{exit} f' "$readme")
[ -n "$block" ] || { echo "FAIL: README has no block after <!-- test: js-signin -->"; exit 1; }
if ! python3 -c 'import sys; sys.exit(sys.argv[1] not in open(sys.argv[2]).read())' "$block" "$example"; then
    echo "FAIL: README's JavaScript block is not part of $example"; exit 1
fi

source "$here/../contract/server_fixture.sh"
work=$(mktemp -d)
start_server "$server" --tls --auth entra --ca-out "$work/ca.pem"
trap 'stop_server; rm -rf "$work"' EXIT

status=0
out=$(LOGICMOCK_URL="$SERVER_URL" NODE_EXTRA_CA_CERTS="$work/ca.pem" node "$example" 2>&1) || status=$?
echo "$out"
[ "$status" -eq 0 ] || { echo "FAIL: node exited $status"; exit 1; }
grep -qx "old callback URL: 401" <<<"$out" || { echo "FAIL: the old callback URL still works"; exit 1; }
grep -qx "new callback URL: 202" <<<"$out" || { echo "FAIL: the new callback URL does not work"; exit 1; }
echo "ok   JS sign-in, rotation and key state"
