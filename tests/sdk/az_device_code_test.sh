#!/usr/bin/env bash
# The Azure CLI 2.45's device-code login (az login --use-device-code) against logicmock-server
# --tls --auth entra, in an isolated AZURE_CONFIG_DIR: runs the docs' az-device-code block verbatim in the
# background, and when the CLI prints its "open the page … and enter the code …" message, a real
# headless Chromium (tests/js/sign_in_browser.mjs on the pinned node, tests/js/node.sh) enters the code and signs in as the seed's
# user. Then the block rotates a key as that user. A failed browser step keeps a screenshot.
# Usage: az_device_code_test.sh SERVER_BINARY REPO_ROOT SCREENSHOT_DIR
set -euo pipefail
server=$1 root=$2 shots=$3
here=$(cd "$(dirname "$0")" && pwd)
command -v az >/dev/null || { echo "FAIL: az not found: install Debian's azure-cli (scripts/install-deps.sh)"; exit 1; }
[ -x "${LOGICMOCK_CHROMIUM:-/usr/bin/chromium}" ] || { echo "FAIL: no chromium: install Debian's chromium (scripts/install-deps.sh)"; exit 1; }
[ -d "$here/../js/node_modules/playwright-core" ] || { echo "FAIL: playwright-core missing: npm ci --prefix tests/js"; exit 1; }
source "$here/../contract/server_fixture.sh"

work=$(mktemp -d)
start_server "$server" --tls --auth entra --ca-out "$work/ca.pem"
trap 'stop_server; [ -n "${az_pid:-}" ] && kill "$az_pid" 2>/dev/null; rm -rf "$work"' EXIT

block=$("$here/../doc_block.sh" "$root" az-device-code)

env LOGICMOCK="$SERVER_URL" LOGICMOCK_CA="$work/ca.pem" AZURE_CONFIG_DIR="$work/azure" \
    AZURE_CORE_COLLECT_TELEMETRY=false AZURE_CORE_NO_COLOR=true \
    bash -euo pipefail -c "$block" >"$work/out" 2>"$work/err" &
az_pid=$!

message=""
for _ in $(seq 1 600); do
    message=$(grep -m1 -o 'open the page [^ ]* and enter the code [A-Z0-9]*' "$work/err" || true)
    [ -n "$message" ] && break
    kill -0 "$az_pid" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$message" ]; then
    echo "FAIL: the CLI printed no device code message"
    echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"
    exit 1
fi
uri=$(awk '{print $4}' <<<"$message") code=$(awk '{print $NF}' <<<"$message")
echo "ok   the CLI shows $uri and a code"
mkdir -p "$shots"
shot="$shots/az-device-code-$$.png"
"$here/../js/node.sh" --banner  # the pinned node that runs the Playwright driver
if ! "$here/../js/node.sh" "$here/../js/sign_in_browser.mjs" device "$uri" "$code" dev@logicmock.onmicrosoft.com \
        logicmock-dev-password "$shot"; then
    echo "FAIL: the browser could not enter the code (screenshot: $shot)"
    exit 1
fi
status=0
wait "$az_pid" || status=$?
az_pid=
if [ "$status" -ne 0 ]; then
    echo "FAIL: the az-device-code block exited $status"
    echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"
    exit 1
fi
cat "$work/out"
failures=0
check() {
    if grep -Eq -- "$2" "$work/out"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
check "az login lists the seeded subscription" '"id": "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"'
check "az login signed in as the user" '"name": "dev@logicmock.onmicrosoft.com"'
check "the user rotated the primary key" '^rotated: true$'
if grep -q "logicmock-dev-password" "$work/azure/azure.log" "$work/err" "$work/out" 2>/dev/null; then
    echo "FAIL the password shows in the CLI's output or log"; failures=$((failures + 1))
fi
[ "$failures" -eq 0 ]
