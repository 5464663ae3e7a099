#!/usr/bin/env bash
# logicmock-client against a started logicmock-server: exit codes and printed outcome.
# Usage: cli_against_server.sh SERVER_BINARY CLIENT_BINARY
set -euo pipefail
server=$1 cli=$2
source "$(dirname "$0")/server_fixture.sh"
start_server "$server"

token=cli-secret-token-value
secret=cli-client-secret-value
workflow=(--subscription 34adfa4f-cedf-4dc0-ba29-b6d1a69ab345 --resource-group testResourceGroup)
failures=0

# expect NAME EXIT PATTERN... -- COMMAND...: COMMAND exits with EXIT, its stdout matches every
# PATTERN (extended regular expressions; JSON keys come in any order), and never holds the token
# or the client secret (stdout and stderr).
expect() {
    local name=$1 want_exit=$2 patterns=() out status=0 ok=1
    shift 2
    while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
    shift
    out=$("$@" 2>&1) || status=$?
    [ "$status" -eq "$want_exit" ] || ok=0
    for p in "${patterns[@]}"; do grep -Eq -- "$p" <<<"$out" || ok=0; done
    if grep -q -e "$token" -e "$secret" <<<"$out"; then ok=0; fi
    if [ "$ok" -eq 1 ]; then
        echo "ok   $name"
    else
        echo "FAIL $name: exit $status (want $want_exit), stdout: $out"
        failures=$((failures + 1))
    fi
}

expect "regenerate sample key" 0 '"outcome":"success"' '"status":200' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary \
    --base-url "$SERVER_URL" --token "$token"
expect "regenerate a Logic Apps Standard key (--site)" 0 '"outcome":"success"' '"status":200' -- \
    "$cli" regenerate "${workflow[@]}" --site testStandardSite --workflow testStandardWorkflow \
    --key-type Primary --base-url "$SERVER_URL" --token "$token"
expect "a Standard trigger callback URL (--site)" 0 '"outcome":"success"' \
    '/api/testStandardWorkflow/triggers/manual/invoke' -- \
    "$cli" trigger-callback-url "${workflow[@]}" --site testStandardSite \
    --workflow testStandardWorkflow --trigger manual --base-url "$SERVER_URL" --token "$token"
expect "token from AZURE_ACCESS_TOKEN" 0 '"outcome":"success"' -- \
    env AZURE_ACCESS_TOKEN="$token" "$cli" regenerate "${workflow[@]}" \
    --workflow testWorkflowName --key-type=Secondary --base-url="$SERVER_URL"
expect "unknown workflow" 1 '"outcome":"azure_error"' '"code":"ResourceNotFound"' '"status":404' -- \
    "$cli" regenerate "${workflow[@]}" --workflow noSuchWorkflow --key-type Primary \
    --base-url "$SERVER_URL" --token "$token"
expect "missing key type" 2 '"outcome":"usage_error"' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --base-url "$SERVER_URL" \
    --token "$token"
expect "unknown key type" 2 '"outcome":"usage_error"' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Tertiary \
    --token "$token"
expect "no token" 2 '"outcome":"usage_error"' 'AZURE_ACCESS_TOKEN' -- \
    env -u AZURE_ACCESS_TOKEN "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName \
    --key-type Primary --base-url "$SERVER_URL"
expect "help" 0 'Exit status' '--client-secret' -- "$cli" --help
expect "sign-in needs a secret" 2 '"outcome":"usage_error"' 'AZURE_CLIENT_SECRET' -- \
    env -u AZURE_CLIENT_SECRET "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName \
    --key-type Primary --base-url "$SERVER_URL" --tenant t --client-id c
expect "--token and sign-in exclude each other" 2 '"outcome":"usage_error"' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary \
    --base-url "$SERVER_URL" --token "$token" --tenant t --client-id c --client-secret "$secret"
expect "--proxy with another scheme" 2 '"outcome":"usage_error"' '--proxy: only http:// proxies' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary \
    --token "$token" --proxy "socks5://user:$token@127.0.0.1:1080"
expect "HTTPS_PROXY with another scheme" 2 '"outcome":"usage_error"' 'HTTPS_PROXY: only http://' -- \
    env -u NO_PROXY -u no_proxy HTTPS_PROXY="socks5://user:$token@proxy.invalid:1080" \
    "$cli" regenerate "${workflow[@]}" \
    --workflow testWorkflowName --key-type Primary --token "$token"
expect "--proxy and --no-proxy exclude each other" 2 '"outcome":"usage_error"' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary \
    --token "$token" --proxy http://127.0.0.1:1 --no-proxy
expect "a loopback server is reached directly whatever HTTPS_PROXY says" 0 '"outcome":"success"' -- \
    env HTTP_PROXY=socks5://proxy.invalid:1080 HTTPS_PROXY=socks5://proxy.invalid:1080 \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary \
    --base-url "$SERVER_URL" --token "$token"

stop_server
expect "server gone" 3 '"outcome":"transport_error"' '"transportError":"connect"' -- \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary \
    --base-url "$SERVER_URL" --token "$token" --retries 0
expect "identity server gone" 3 '"outcome":"signin_error"' '"transportError":"connect"' -- \
    env -u AZURE_ACCESS_TOKEN AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET="$secret" \
    AZURE_AUTHORITY_HOST="$SERVER_URL" "$cli" regenerate "${workflow[@]}" \
    --workflow testWorkflowName --key-type Primary --base-url "$SERVER_URL" --retries 0
# The server's port is closed now: as a proxy it is down. Azure's default endpoints are named
# in CONNECT only, never resolved (NO_PROXY is unset so they cannot bypass the proxy).
expect "proxy gone" 3 '"outcome":"transport_error"' '"transportError":"connect"' \
    "\"proxy\":\"$SERVER_URL\"" -- \
    env -u NO_PROXY -u no_proxy "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName \
    --key-type Primary --token "$token" --retries 0 --proxy "http://user:$token@${SERVER_URL#http://}"
expect "identity server behind a proxy that is gone" 3 '"outcome":"signin_error"' \
    '"transportError":"connect"' "\"proxy\":\"$SERVER_URL\"" -- \
    env -u AZURE_ACCESS_TOKEN -u AZURE_AUTHORITY_HOST -u NO_PROXY -u no_proxy \
    AZURE_TENANT_ID=t AZURE_CLIENT_ID=c AZURE_CLIENT_SECRET="$secret" HTTPS_PROXY="$SERVER_URL" \
    "$cli" regenerate "${workflow[@]}" --workflow testWorkflowName --key-type Primary --retries 0

[ "$failures" -eq 0 ]
