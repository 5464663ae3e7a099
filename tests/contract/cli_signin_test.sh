#!/usr/bin/env bash
# logicmock-client and the contract suite signing in (client credentials) at a logicmock-server
# --tls --auth entra: the docs' logicmock-client block (client-signin) run verbatim, Entra's errors typed, the
# secret never printed, and the whole contract suite with a signed-in token.
# Usage: cli_signin_test.sh SERVER_BINARY CLIENT_BINARY CONTRACT_TESTS REPO_ROOT
set -euo pipefail
server=$1 cli=$(realpath "$2") contract=$3 root=$4
source "$(dirname "$0")/server_fixture.sh"
work=$(mktemp -d)
start_server "$server" --tls --auth entra --ca-out "$work/ca.pem"
trap 'stop_server; rm -rf "$work"' EXIT

tenant=d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c client=5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f
workflow=(--subscription 34adfa4f-cedf-4dc0-ba29-b6d1a69ab345 --resource-group testResourceGroup
          --workflow testWorkflowName)
failures=0
pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

# The documented block, as a user pastes it from the repository root.
block=$("$(dirname "$0")/../doc_block.sh" "$root" client-signin)
mkdir -p "$work/root/build/bin" && ln -s "$cli" "$work/root/build/bin/logicmock-client"
status=0
out=$(cd "$work/root" && env -u AZURE_ACCESS_TOKEN LOGICMOCK="$SERVER_URL" \
      LOGICMOCK_CA="$work/ca.pem" bash -euo pipefail -c "$block" 2>&1) || status=$?
if [ -n "$block" ] && [ "$status" -eq 0 ] && grep -q '"outcome":"success"' <<<"$out"; then
    pass "the docs' logicmock-client sign-in block"
else
    fail "the docs' logicmock-client sign-in block: exit $status: $out"
fi

wrong=wrong-secret-value-42
status=0
out=$(env -u AZURE_ACCESS_TOKEN AZURE_TENANT_ID=$tenant AZURE_CLIENT_ID=$client \
      AZURE_CLIENT_SECRET=$wrong AZURE_AUTHORITY_HOST="$SERVER_URL" \
      "$cli" regenerate "${workflow[@]}" --key-type Primary --base-url "$SERVER_URL" \
      --ca-file "$work/ca.pem" 2>&1) || status=$?
if [ "$status" -eq 1 ] && grep -q '"outcome":"signin_error"' <<<"$out" &&
   grep -q '"code":"invalid_client"' <<<"$out" && grep -q '"errorCodes":\[7000215\]' <<<"$out" &&
   grep -q '"status":401' <<<"$out" && ! grep -q "$wrong" <<<"$out"; then
    pass "a wrong secret is Entra's invalid_client / AADSTS7000215, secret not printed"
else
    fail "wrong secret: exit $status: $out"
fi

status=0
out=$(env -u AZURE_ACCESS_TOKEN "$cli" regenerate "${workflow[@]}" --key-type Primary \
      --base-url "$SERVER_URL" --ca-file "$work/ca.pem" --token not-a-jwt 2>&1) || status=$?
if [ "$status" -eq 1 ] && grep -q '"status":401' <<<"$out"; then
    pass "--auth entra refuses a token it did not sign"
else
    fail "unsigned token: exit $status: $out"
fi

# The CA bundle: SSL_CERT_FILE when there is no --ca-file; --ca-file wins when both are given.
status=0
out=$(env SSL_CERT_FILE="$work/ca.pem" "$cli" regenerate "${workflow[@]}" --key-type Primary \
      --base-url "$SERVER_URL" --tenant $tenant --client-id $client \
      --client-secret logicmock-dev-secret --authority-host "$SERVER_URL" 2>&1) || status=$?
if [ "$status" -eq 0 ] && grep -q '"outcome":"success"' <<<"$out"; then
    pass "SSL_CERT_FILE is the CA bundle without --ca-file (sign-in and ARM)"
else
    fail "SSL_CERT_FILE: exit $status: $out"
fi
status=0
out=$(env SSL_CERT_FILE=/nonexistent/ca.pem "$cli" regenerate "${workflow[@]}" --key-type Primary \
      --base-url "$SERVER_URL" --tenant $tenant --client-id $client \
      --client-secret logicmock-dev-secret --authority-host "$SERVER_URL" \
      --ca-file "$work/ca.pem" 2>&1) || status=$?
if [ "$status" -eq 0 ] && grep -q '"outcome":"success"' <<<"$out"; then
    pass "--ca-file wins over SSL_CERT_FILE"
else
    fail "--ca-file over SSL_CERT_FILE: exit $status: $out"
fi

status=0
out=$(env -u LOGICMOCK_CONTRACT_TOKEN LOGICMOCK_CONTRACT_BASE_URL="$SERVER_URL" \
      LOGICMOCK_CONTRACT_CA_FILE="$work/ca.pem" AZURE_TENANT_ID=$tenant AZURE_CLIENT_ID=$client \
      AZURE_CLIENT_SECRET=logicmock-dev-secret AZURE_AUTHORITY_HOST="$SERVER_URL" \
      "$contract" 2>&1) || status=$?
if [ "$status" -eq 0 ]; then
    pass "the contract suite signs in and passes against --auth entra"
else
    fail "contract suite with sign-in: exit $status: $(tail -30 <<<"$out")"
fi
[ "$failures" -eq 0 ]
