#!/usr/bin/env bash
# The Azure CLI 2.45 (Debian's azure-cli) on its default cloud, AzureCloud, with logicmock-server
# --auth entra as its HTTPS proxy: runs docs/proxy.md's block (proxy-az-cli) verbatim in an
# isolated AZURE_CONFIG_DIR (az login --service-principal with a GUID tenant, az resource
# invoke-action listCallbackUrl / regenerateAccessKey, az rest) and checks what it printed and
# what the server's journal saw: the token asked of login.microsoftonline.com through a tunnel,
# ARM at management.azure.com, the old callback URL refused (401) and the new one accepted.
# Usage: proxy_az_cli_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
server=$1 root=$2
command -v az >/dev/null || { echo "FAIL: az not found: install Debian's azure-cli (scripts/install-deps.sh)"; exit 1; }
source "$(dirname "$0")/../contract/server_fixture.sh"

work=$(mktemp -d)
start_server "$server" --auth entra
trap 'stop_server; rm -rf "$work"' EXIT
block=$("$(dirname "$0")/../doc_block.sh" "$root" proxy-az-cli)

status=0
(cd "$work" && env -u HTTPS_PROXY -u https_proxy -u HTTP_PROXY -u http_proxy -u NO_PROXY -u no_proxy \
    -u REQUESTS_CA_BUNDLE -u AZURE_CLIENT_ID -u AZURE_CLIENT_SECRET -u AZURE_TENANT_ID \
    LOGICMOCK_URL="$SERVER_URL" AZURE_CONFIG_DIR="$work/azure" AZURE_CORE_NO_COLOR=true \
    bash -euo pipefail -c "$block" >"$work/out" 2>"$work/err") || status=$?
if [ "$status" -ne 0 ]; then
    echo "FAIL: the proxy-az-cli block exited $status"
    echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"
    exit 1
fi
cat "$work/out"
expected=$'34adfa4f-cedf-4dc0-ba29-b6d1a69ab345\tAzureCloud\nhttps://prod-00.westus.logic.azure.com:443\nold callback URL: 401\nnew callback URL: 202'
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
if [ "$(cat "$work/out")" = "$expected" ]; then
    pass "az login on AzureCloud, the old callback URL refused after the rotation, a new one works"
else
    fail "the block printed something else; expected:"; echo "$expected"
fi

# What the server saw, one "operation status host-or-path" line per journal entry.
journal_lines "$work/journal"
check() {  # check NAME PATTERN: a journal line matches the extended regular expression
    if grep -Eq -- "$2" "$work/journal"; then pass "$1"; else fail "$1"; fi
}
check "az reached login.microsoftonline.com through the proxy" '^proxyConnect 200 login\.microsoftonline\.com:443$'
check "and got a token from the tenant's v2.0 token endpoint" '^entraToken 200 /d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c/oauth2/v2\.0/token$'
check "ARM at management.azure.com through the proxy" '^proxyConnect 200 management\.azure\.com:443$'
check "az rest listed the new callback URL" '^listCallbackUrl 200 /subscriptions/.*/triggers/manual/listCallbackUrl$'
if grep -Eq '^entraToken [^2]' "$work/journal"; then fail "a token request failed"; fi
if grep -q '^proxyRefused' "$work/journal" && grep '^proxyRefused' "$work/journal" | grep -vq 'azure\.microsoft\.com:443$'; then
    fail "the proxy refused a host other than azure.microsoft.com (the CLI's connectivity check):"
    grep '^proxyRefused' "$work/journal"
fi
if grep -rq "logicmock-dev-secret" "$work/azure"/*.log "$work/err" 2>/dev/null; then
    fail "the secret shows in the CLI's log or stderr"
fi
[ "$failures" -eq 0 ]
