#!/usr/bin/env bash
# docs/proxy.md's curl block (proxy-curl) run verbatim against a logicmock-server started as
# scripts/serve.sh starts it, on a free port: curl with Azure's real host names and only a proxy
# and a CA sees callback URLs at their real shape, and the old one die after a rotation.
# Usage: proxy_curl_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
server=$1 root=$2
here=$(cd "$(dirname "$0")" && pwd)
command -v curl >/dev/null || { echo "FAIL: curl not found"; exit 1; }
block=$("$here/../../doc_block.sh" "$root" proxy-curl)
source "$here/../../contract/server_fixture.sh"
start_server "$server"
out=$(cd "$(mktemp -d)" && env -u HTTPS_PROXY -u HTTP_PROXY -u NO_PROXY -u no_proxy \
    LOGICMOCK_URL="$SERVER_URL" bash -euo pipefail -c "$block" 2>&1)
expected=$'https://prod-00.westus.logic.azure.com:443\ncallback URL: 202\nrotate the primary key: 200\nold callback URL: 401'
if [ "$out" != "$expected" ]; then
    echo "FAIL: the block printed:"; echo "$out"; echo "--- expected:"; echo "$expected"; exit 1
fi
echo "$out"
echo "ok   docs/proxy.md's curl block: Azure's host names through the proxy"
