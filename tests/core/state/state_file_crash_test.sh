#!/usr/bin/env bash
# Durability of --state-file under SIGKILL: a client streams Primary key rotations, each followed
# by a listCallbackUrl whose sig it records; the server is killed at a random moment, restarted
# from the state file, and must show the last acknowledged key state:
#   - the last log line is a recorded sig, or a rotation refused because the server was already
#     dead (nothing in flight): the sig is exactly the last recorded one;
#   - the last line says a rotation was acknowledged: the sig differs from the last recorded one;
#   - a rotation was sent but not acknowledged: either is fine (it may or may not have landed);
#   - the Secondary key, never rotated, keeps its sig throughout; the file always loads.
set -euo pipefail
server=$1
rounds=${2:-12}
work=$(mktemp -d)
pid=
stream=
trap '[ -n "$stream" ] && kill "$stream" 2>/dev/null; [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

wf=/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testResourceGroup/providers/Microsoft.Logic/workflows/testWorkflowName
state=$work/state.json

start_server() {
    : >"$work/out"
    "$server" --port 0 --log-format none --state-file "$state" >"$work/out" 2>"$work/err" &
    pid=$!
    for _ in $(seq 200); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.02; done
    grep -q listening "$work/out" || fail "server did not start: $(cat "$work/err")"
    base=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$work/out")
}

# The sig of a fresh callback URL signed with the given key.
sig_of() {
    curl -sf -X POST "$base$wf/listCallbackUrl?api-version=2019-05-01" \
        -H 'Authorization: Bearer t' -H 'Content-Type: application/json' \
        -d "{\"keyType\":\"$1\"}" | sed -n 's/.*"sig":"\([^"]*\)".*/\1/p'
}

rotate_stream() {
    while true; do
        echo "sending" >>"$work/log"
        code=0
        status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base$wf/regenerateAccessKey?api-version=2019-05-01" \
            -H 'Authorization: Bearer t' -H 'Content-Type: application/json' -d '{"keyType":"Primary"}') || code=$?
        # curl 7: the connection was refused, so the rotation never reached the server.
        if [ "$code" -eq 7 ]; then echo "refused" >>"$work/log"; exit 0; fi
        [ "$status" = 200 ] || exit 0
        echo "acked" >>"$work/log"
        s=$(sig_of Primary) || exit 0
        [ -n "$s" ] || exit 0
        echo "sig $s" >>"$work/log"
        sleep 0.01  # idle gaps, so some kills land with nothing in flight
    done
}

# A corrupt state file stops start-up (exit 2), says why, and is left as it was.
echo '{"subscriptions":[' >"$state"
cp "$state" "$work/corrupt.json"
set +e
"$server" --port 0 --state-file "$state" >/dev/null 2>"$work/err"; code=$?
set -e
[ "$code" -eq 2 ] || fail "corrupt state file exit code $code, want 2"
grep -q "state file '$state' is corrupt or invalid and was left untouched" "$work/err" \
    || fail "corrupt state file message: $(cat "$work/err")"
cmp -s "$state" "$work/corrupt.json" || fail "the corrupt state file was modified"
rm "$state"

start_server
grep -q '"accessKeys"' "$state" || fail "no state file written at start"
secondary=$(sig_of Secondary)
last_sig=$(sig_of Primary)
[ ${#last_sig} -eq 43 ] || fail "sig '$last_sig' is not 43 characters"
exact=0 changed=0 either=0
for round in $(seq "$rounds"); do
    echo "sig $last_sig" >"$work/log"
    rotate_stream &
    stream=$!
    sleep "0.0$((RANDOM % 90 + 10))"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
    wait "$stream" 2>/dev/null || true
    stream=

    last_line=$(tail -n1 "$work/log")
    recorded=$(grep '^sig ' "$work/log" | tail -n1 | cut -d' ' -f2)
    python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$state" || fail "round $round: state file is not JSON"
    start_server
    now=$(sig_of Primary)
    [ "$(sig_of Secondary)" = "$secondary" ] || fail "round $round: the secondary key changed"
    case "$last_line" in
        sig* | refused) [ "$now" = "$recorded" ] || fail "round $round: acknowledged sig $recorded lost, got $now"
              exact=$((exact + 1)) ;;
        acked) [ "$now" != "$recorded" ] || fail "round $round: an acknowledged rotation was lost"
               changed=$((changed + 1)) ;;
        *) either=$((either + 1)) ;;
    esac
    last_sig=$now
    rotations=$(grep -c '^acked' "$work/log" || true)
    echo "round $round: killed after $rotations acknowledged rotations (last: $last_line)"
done
kill -TERM "$pid"; wait "$pid" || true; pid=
echo "state file crash test: $rounds rounds passed ($exact exact, $changed after an ack, $either in flight)"
