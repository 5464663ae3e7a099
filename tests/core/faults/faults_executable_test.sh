#!/usr/bin/env bash
# logicmock-server with fault files and the admin API, as a user runs it: bad fault files stop
# start-up with exit 2 and a message naming the file, the JSON path and the problem; a good file
# is active from the first request; the journal and the logs never hold the bearer token.
set -euo pipefail
server=$1
fixtures=$2
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

help=$("$server" --help)
for flag in --faults --journal-size --no-admin --admin-token; do
    grep -q -- "$flag" <<<"$help" || fail "--help does not list $flag"
done

expect_exit2() {  # file, message pattern
    set +e
    "$server" --port 0 --faults "$1" 2>"$work/err" >/dev/null; code=$?
    set -e
    [ "$code" -eq 2 ] || fail "fault file $1: exit code $code, want 2"
    grep -qF -- "$2" "$work/err" || fail "fault file $1: message: $(cat "$work/err")"
}
echo '{"rules":[{"action":{"preset":"Slow"}}]}' >"$work/bad-preset.json"
expect_exit2 "$work/bad-preset.json" "logicmock-server: fault file '$work/bad-preset.json': at \$.rules[0].action.preset: The value \"Slow\" is not one of the allowed values"
echo '{"rules":[{"action":{"error":{"status":500,"code":"","message":"m"}}}]}' >"$work/bad-body.json"
expect_exit2 "$work/bad-body.json" "at \$.rules[0].action.error: the body would not pass the ErrorResponse schema"
echo '{"rules":[' >"$work/bad-json.json"
expect_exit2 "$work/bad-json.json" "fault file '$work/bad-json.json': at \$: "
expect_exit2 "$work/missing.json" "fault file '$work/missing.json': cannot be opened"

start() {  # flags...
    rm -f "$work/out" "$work/log"
    "$server" --port 0 --log-format json "$@" >"$work/out" 2>"$work/log" &
    pid=$!
    for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.05; done
    [[ "$(head -n1 "$work/out")" =~ \"url\":\"(http://127\.0\.0\.1:[0-9]+)\" ]] || fail "no listening line"
    base=${BASH_REMATCH[1]}
}
stop() { kill -TERM "$pid"; wait "$pid" || fail "server did not exit 0"; pid=; }

start --faults "$fixtures/faults/throttle-twice.json" --admin-token adm1n
url="$base/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testResourceGroup/providers/Microsoft.Logic/workflows/testWorkflowName/regenerateAccessKey?api-version=2019-05-01"
codes=
for _ in 1 2 3; do
    codes+=$(curl -s -o /dev/null -w '%{http_code} ' -X POST "$url" -H 'Authorization: Bearer secret-token-123' \
        -H 'Content-Type: application/json' -H 'x-ms-client-request-id: same-id' -d '{"keyType":"Primary"}')
done
[ "$codes" = "429 429 200 " ] || fail "statuses with throttle-twice.json: $codes"

status=$(curl -s -o "$work/denied" -w '%{http_code}' "$base/_mock/journal")
[ "$status" = 401 ] || fail "journal without the admin token: $status"
grep -q '"code":"AdminAuthenticationFailed"' "$work/denied" || fail "401 body: $(cat "$work/denied")"
curl -s -H 'x-mock-admin-token: adm1n' "$base/_mock/journal" >"$work/journal"
[ "$(grep -o '"status":' "$work/journal" | wc -l)" -eq 3 ] || fail "journal: $(cat "$work/journal")"
grep -q '"Authorization":"Bearer REDACTED"' "$work/journal" || fail "journal lacks the redacted header"
[ "$(curl -s -H 'x-mock-admin-token: adm1n' "$base/_mock/journal/count?status=429")" = '{"count":2}' ] \
    || fail "journal count of 429s"
stop
if grep -q "secret-token-123" "$work/journal" "$work/log" "$work/out"; then
    fail "the bearer token reached the journal or the logs"
fi
if grep -q "adm1n" "$work/journal" "$work/log" "$work/out"; then fail "the admin token was logged"; fi

start --no-admin
status=$(curl -s -o "$work/disabled" -w '%{http_code}' -X DELETE "$base/_mock/faults")
[ "$status" = 404 ] || fail "--no-admin: DELETE /_mock/faults gave $status"
grep -q '"code":"AdminApiDisabled"' "$work/disabled" || fail "--no-admin body: $(cat "$work/disabled")"
stop
echo "faults executable: all checks passed"
