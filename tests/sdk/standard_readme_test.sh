#!/usr/bin/env bash
# The Logic Apps Standard blocks of the docs (standard-curl, standard-python) run verbatim: the curl block against logicmock-server
# (202, then 401 once the primary key is regenerated) and the Python block with Debian's
# azure-mgmt-web against logicmock-server --tls (a new sig after the rotation).
# Usage: standard_readme_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
server=$1 root=$2
here=$(cd "$(dirname "$0")" && pwd)
curl_block=$("$here/../doc_block.sh" "$root" standard-curl)
python_block=$("$here/../doc_block.sh" "$root" standard-python)

source "$here/../contract/server_fixture.sh"
start_server "$server"
out=$(LOGICMOCK_URL="$SERVER_URL" bash -euo pipefail -c "$curl_block")
stop_server
[ "$out" = $'202\n401' ] || { echo "FAIL: the standard-curl block printed: $out"; exit 1; }
echo "ok   the Standard curl block: 202, then 401 after the rotation"

work=$(mktemp -d)
start_server "$server" --tls --ca-out "$work/ca.pem"
trap 'stop_server; rm -rf "$work"' EXIT
out=$(LOGICMOCK_URL="$SERVER_URL" LOGICMOCK_CA_FILE="$work/ca.pem" /usr/bin/python3 -c "$python_block")
[ "$out" = "True" ] || { echo "FAIL: the standard-python block printed: $out"; exit 1; }
echo "ok   the Standard Python block: a new sig after the rotation"
