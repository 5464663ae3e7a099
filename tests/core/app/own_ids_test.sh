#!/usr/bin/env bash
# README's own-ids block, verbatim: a seed with the user's own subscription and tenant ids, then
# logicmock-server --seed my-seed.json --identity accept-any --auth entra. A made-up client id and
# secret get a token in that tenant, and it rotates a key in that subscription; another
# subscription is still refused.
# Usage: own_ids_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
server=$1 root=$2
here=$(cd "$(dirname "$0")" && pwd)
block=$("$here/../../doc_block.sh" "$root" own-ids)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AZURE_SUBSCRIPTION_ID=7c1d9f52-5e3b-4b7a-9c2d-1f0e3a4b5c6d
export AZURE_TENANT_ID=2a9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c
mkdir "$work/fixtures" && cp "$root/fixtures/default-seed.json" "$work/fixtures/"
(cd "$work" && bash -euo pipefail -c "$block")
grep -q "$AZURE_SUBSCRIPTION_ID" "$work/my-seed.json" || { echo "FAIL: no subscription in the seed"; exit 1; }
source "$here/../../contract/server_fixture.sh"
start_server "$server" --seed "$work/my-seed.json" --identity accept-any --auth entra
token=$(curl -s "$SERVER_URL/$AZURE_TENANT_ID/oauth2/v2.0/token" -d grant_type=client_credentials \
    -d client_id=11111111-2222-4333-8444-555555555555 -d client_secret=my-own-secret \
    --data-urlencode scope=https://management.azure.com/.default |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "FAIL: no token for the user's own tenant"; exit 1; }
rotate() {
    curl -s -o /dev/null -w '%{http_code}' -X POST \
        "$SERVER_URL/subscriptions/$1/resourceGroups/testResourceGroup/providers/Microsoft.Logic/workflows/testWorkflowName/regenerateAccessKey?api-version=2019-05-01" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"keyType":"Primary"}'
}
[ "$(rotate "$AZURE_SUBSCRIPTION_ID")" = 200 ] || { echo "FAIL: rotation in the user's subscription"; exit 1; }
[ "$(rotate 34adfa4f-cedf-4dc0-ba29-b6d1a69ab345)" = 404 ] || { echo "FAIL: the seed's old subscription is still there"; exit 1; }
echo "ok   README's own-ids block: the user's own subscription and tenant ids work"
