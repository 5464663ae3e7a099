#!/usr/bin/env bash
# README's 30-second tour (block readme-tour) run verbatim, with curl and sed only, against a
# logicmock-server started as scripts/serve.sh starts it (default seed, plain HTTP), on a free
# port: the callback URL works, the rotation answers 200, and the old URL is then refused.
# Usage: readme_tour_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
server=$1 root=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v curl >/dev/null || { echo "FAIL: curl not found"; exit 1; }
block=$("$here/../../doc_block.sh" "$root" readme-tour)
source "$here/../../contract/server_fixture.sh"
start_server "$server"
out=$(cd "$(mktemp -d)" && LOGICMOCK_URL="$SERVER_URL" bash -euo pipefail -c "$block" 2>&1)
expected=$'callback URL: 202\nrotate the primary key: 200\nold callback URL: 401'
if [ "$out" != "$expected" ]; then
    echo "FAIL: the tour printed:"; echo "$out"; echo "--- expected:"; echo "$expected"; exit 1
fi
echo "$out"
echo "ok   README's 30-second tour: the old callback URL dies after the rotation"
