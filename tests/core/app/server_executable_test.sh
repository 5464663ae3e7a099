#!/usr/bin/env bash
# The logicmock-server executable as a user runs it: --help, --version, usage and seed errors
# (exit 2), the listening line, a served request, the health version, a TLS client on the HTTP
# port, and a clean stop on SIGTERM.
# Usage: server_executable_test.sh SERVER FIXTURES VERSION [CLIENT]
set -euo pipefail
server=$1
fixtures=$2
version=$3
client=${4:-}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Into a file, not a pipe: grep -q stops reading at the first match, and with pipefail the
# server's later write of a help text longer than one stdio buffer would fail with SIGPIPE.
"$server" --help >"$work/help" || fail "--help exit code $?"
grep -q -- "--not-specified" "$work/help" || fail "--help does not list --not-specified"
grep -q -- "--throttling off|count|enforce" "$work/help" || fail "--help does not list --throttling"

[ "$("$server" --version)" = "logicmock-server $version" ] || fail "--version: $("$server" --version)"
if [ -n "$client" ]; then
    [ "$("$client" --version)" = "logicmock-client $version" ] || fail "client --version: $("$client" --version)"
fi

set +e
"$server" --no-such-flag 2>"$work/err"; code=$?
set -e
[ "$code" -eq 2 ] || fail "unknown flag exit code $code, want 2"
grep -q "unknown flag '--no-such-flag'" "$work/err" || fail "unknown flag message: $(cat "$work/err")"

# Runs the server with a seed file that must be refused: exit 2, the message in $work/err.
refused_seed() {
    local code
    set +e
    "$server" --port 0 --seed "$1" 2>"$work/err"; code=$?
    set -e
    [ "$code" -eq 2 ] || fail "seed $1: exit code $code, want 2"
}

echo '{"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g","workflows":[{"name":"w","state":"Paused"}]}]}]}' >"$work/bad.json"
refused_seed "$work/bad.json"
grep -q "seed file '$work/bad.json': at \$.subscriptions\[0\].resourceGroups\[0\].workflows\[0\].state: " "$work/err" \
    || fail "bad seed message: $(cat "$work/err")"

# A number out of range in a seed file is a seed error naming its path, not a crash.
printf '{"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g","workflows":[{"name":1%0400d}]}]}]}' 0 >"$work/huge.json"
refused_seed "$work/huge.json"
grep -q "Path 'subscriptions\[0\].resourceGroups\[0\].workflows\[0\].name'" "$work/err" \
    || fail "huge number seed message: $(cat "$work/err")"

LOGICMOCK_LOG_FORMAT=json "$server" --port 0 --seed "$fixtures/default-seed.json" >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.05; done
line=$(head -n1 "$work/out")
[[ "$line" =~ ^\{\"event\":\"listening\",\"url\":\"http://127\.0\.0\.1:([0-9]+)\",\"caFile\":\"[^\"]+\"\}$ ]] || fail "listening line: $line"
port=${BASH_REMATCH[1]}

url="http://127.0.0.1:$port/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testResourceGroup/providers/Microsoft.Logic/workflows/testWorkflowName/regenerateAccessKey?api-version=2019-05-01"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url" -H 'Authorization: Bearer secret-token-123' \
    -H 'Content-Type: application/json' -d '{"keyType":"Primary"}')
[ "$status" = 200 ] || fail "sample request status $status"

health=$(curl -s "http://127.0.0.1:$port/_mock/health")
[[ "$health" == *"\"version\":\"$version\""* ]] || fail "health lacks the version: $health"

# A TLS client on the plain-HTTP port: closed at once (curl fails fast), one clear log line.
start=$(date +%s%N)
if curl -s --max-time 4 -k "https://127.0.0.1:$port/_mock/health" >/dev/null; then
    fail "a TLS handshake on the HTTP port succeeded"
fi
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$elapsed_ms" -lt 2000 ] || fail "TLS client on the HTTP port waited ${elapsed_ms} ms"

kill -TERM "$pid"
wait "$pid" || fail "server did not exit 0 on SIGTERM"
pid=
grep -q '"event":"request","method":"POST"' "$work/log" || fail "no JSON request log line: $(cat "$work/log")"
grep -q '"status":200' "$work/log" || fail "request log lacks the status"
[ "$(grep -c 'TLS client on an HTTP port: start with --tls or use http://' "$work/log")" -eq 1 ] \
    || fail "no single TLS notice line: $(cat "$work/log")"
if grep -q "secret-token-123" "$work/log" "$work/out"; then fail "the bearer token was logged"; fi
echo "server executable: all checks passed"
