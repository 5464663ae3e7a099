#!/usr/bin/env bash
# README's Logic Apps Standard blocks run verbatim: the curl block against logicmock-server
# (202, then 401 once the primary key is regenerated) and the Python block with Debian's
# azure-mgmt-web against logicmock-server --tls (a new sig after the rotation).
# Usage: standard_readme_test.sh SERVER_BINARY README
set -euo pipefail
server=$1 readme=$2
here=$(cd "$(dirname "$0")" && pwd)
block() {
    awk -v m="<!-- test: $1 -->" '$0 == m {getline; f=1; next} f && /^```/{exit} f' "$readme"
}
curl_block=$(block standard-curl) python_block=$(block standard-python)
[ -n "$curl_block" ] && [ -n "$python_block" ] ||
    { echo "FAIL: README lacks the standard-curl or standard-python block"; exit 1; }

source "$here/../contract/server_fixture.sh"
start_server "$server"
out=$(LOGICMOCK_URL="$SERVER_URL" bash -euo pipefail -c "$curl_block")
stop_server
[ "$out" = $'202\n401' ] || { echo "FAIL: README's curl block printed: $out"; exit 1; }
echo "ok   README's Standard curl block: 202, then 401 after the rotation"

work=$(mktemp -d)
start_server "$server" --tls --ca-out "$work/ca.pem"
trap 'stop_server; rm -rf "$work"' EXIT
out=$(LOGICMOCK_URL="$SERVER_URL" LOGICMOCK_CA_FILE="$work/ca.pem" /usr/bin/python3 -c "$python_block")
[ "$out" = "True" ] || { echo "FAIL: README's Python block printed: $out"; exit 1; }
echo "ok   README's Standard Python block: a new sig after the rotation"
