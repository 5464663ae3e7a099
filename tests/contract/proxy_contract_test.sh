#!/usr/bin/env bash
# The contract suite with Azure's default endpoints through logicmock-server --auth entra as an
# HTTPS proxy: LOGICMOCK_CONTRACT_BASE_URL=https://management.azure.com, HTTPS_PROXY and
# SSL_CERT_FILE (logicmock's CA) only. The suite signs in as the seed's service principal at the
# default authority (login.microsoftonline.com) and runs every case that needs no server control;
# the journal must show the sign-in and the ARM calls coming through tunnels.
# Usage: proxy_contract_test.sh SERVER_BINARY CONTRACT_TESTS_BINARY
set -euo pipefail
server=$1 tests=$2
source "$(dirname "$0")/server_fixture.sh"
work=$(mktemp -d)
start_server "$server" --auth entra
trap 'stop_server; rm -rf "$work"' EXIT
curl -s --noproxy '*' "$SERVER_URL/_mock/ca.pem" -o "$work/ca.pem"

status=0
env -u LOGICMOCK_CONTRACT_TOKEN -u LOGICMOCK_CONTRACT_CA_FILE -u LOGICMOCK_CONTRACT_SCOPE \
    -u AZURE_AUTHORITY_HOST -u https_proxy -u http_proxy -u no_proxy -u HTTP_PROXY \
    HTTPS_PROXY="$SERVER_URL" NO_PROXY=localhost,127.0.0.1 SSL_CERT_FILE="$work/ca.pem" \
    LOGICMOCK_CONTRACT_BASE_URL=https://management.azure.com \
    AZURE_TENANT_ID=d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c \
    AZURE_CLIENT_ID=5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f AZURE_CLIENT_SECRET=logicmock-dev-secret \
    "$tests" >"$work/out" 2>&1 || status=$?
tail -3 "$work/out"
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }
if [ "$status" -eq 0 ]; then pass "the contract suite passes at https://management.azure.com"
else fail "the contract suite exited $status:"; tail -40 "$work/out"; fi

journal_lines "$work/journal"
check() {  # check NAME PATTERN: a journal line matches the extended regular expression
    if grep -Eq -- "$2" "$work/journal"; then pass "$1"; else fail "$1"; fi
}
check "signed in at login.microsoftonline.com through the proxy" '^proxyConnect 200 login\.microsoftonline\.com:443$'
check "a token from the tenant's token endpoint" '^entraToken 200 /d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c/oauth2/v2\.0/token$'
check "ARM at management.azure.com through the proxy" '^proxyConnect 200 management\.azure\.com:443$'
check "keys rotated there" '^regenerateAccessKey 200 /subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/'
if grep -q '^proxyRefused' "$work/journal"; then fail "the proxy refused:"; grep '^proxyRefused' "$work/journal"; fi
[ "$failures" -eq 0 ]
