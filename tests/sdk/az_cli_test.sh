#!/usr/bin/env bash
# The Azure CLI 2.45 (Debian's azure-cli) against logicmock-server --tls --auth entra, in an
# isolated AZURE_CONFIG_DIR: runs the docs' "Azure CLI" block (az-cli) verbatim (az cloud register, az login
# --service-principal, az resource invoke-action listCallbackUrl / regenerateAccessKey) and checks
# what it printed: the callback URL listed before the rotation is refused (401) afterwards, and a
# newly listed one is accepted.
# Usage: az_cli_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
server=$1 root=$2
command -v az >/dev/null || { echo "FAIL: az not found: install Debian's azure-cli (scripts/install-deps.sh)"; exit 1; }
source "$(dirname "$0")/../contract/server_fixture.sh"

work=$(mktemp -d)
start_server "$server" --tls --auth entra --ca-out "$work/ca.pem"
trap 'stop_server; rm -rf "$work"' EXIT

block=$("$(dirname "$0")/../doc_block.sh" "$root" az-cli)

status=0
env LOGICMOCK="$SERVER_URL" LOGICMOCK_CA="$work/ca.pem" AZURE_CONFIG_DIR="$work/azure" \
    AZURE_CORE_COLLECT_TELEMETRY=false AZURE_CORE_NO_COLOR=true \
    bash -euo pipefail -c "$block" >"$work/out" 2>"$work/err" || status=$?
if [ "$status" -ne 0 ]; then
    echo "FAIL: the az-cli block exited $status"
    echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"
    exit 1
fi
cat "$work/out"
failures=0
check() {  # check NAME PATTERN: stdout of the block matches the extended regular expression
    if grep -Eq -- "$2" "$work/out"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
check "az login lists the seeded subscription" '"id": "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"'
check "the old callback URL is refused after the rotation" '^old callback URL: 401$'
check "a new callback URL works" '^new callback URL: 2[0-9][0-9]$'
if grep -q "logicmock-dev-secret" "$work/azure/azure.log" "$work/err" 2>/dev/null; then
    echo "FAIL the secret shows in the CLI's log or stderr"; failures=$((failures + 1))
fi
[ "$failures" -eq 0 ]
