#!/usr/bin/env bash
# logicmock-server's TLS flags as a user runs them: HTTP and HTTPS side by side with a generated
# CA in a temporary file (named in the listening line, removed at exit), and exit 2 for unusable
# certificate, key or --ca-out files.
set -euo pipefail
server=$1
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

expect_exit_2() {  # expect_exit_2 MESSAGE ARGS...
    local message=$1 code
    shift
    set +e
    "$server" --port 0 "$@" >/dev/null 2>"$work/err"; code=$?
    set -e
    [ "$code" -eq 2 ] || fail "$* exited $code, want 2"
    grep -qF -- "$message" "$work/err" || fail "$*: message $(cat "$work/err")"
}
expect_exit_2 "cannot open certificate file '$work/none.pem'" --tls --cert "$work/none.pem" --key "$work/none.pem"
expect_exit_2 "cannot write the CA certificate to '$work/no/dir/ca.pem'" --tls --ca-out "$work/no/dir/ca.pem"
expect_exit_2 "--ca-cert and --ca-key go together" --ca-cert "$work/ca.pem"

# --ca-cert/--ca-key: a CA written once (key owner-only) and read again at the next start.
ca_of() {  # ca_of ARGS...: the PEM GET /_mock/ca.pem serves while the server runs with ARGS
    "$server" --port 0 --log-format none "$@" >"$work/ca-out" &
    local p=$!
    for _ in $(seq 100); do grep -q listening "$work/ca-out" 2>/dev/null && break; sleep 0.05; done
    local port
    port=$(sed -E 's/.*"url":"http:\/\/127\.0\.0\.1:([0-9]+)".*/\1/' "$work/ca-out")
    curl -s "http://127.0.0.1:$port/_mock/ca.pem"
    kill -TERM "$p"; wait "$p"
}
first=$(ca_of --ca-cert "$work/kept-ca.pem" --ca-key "$work/kept-ca-key.pem")
[ "$first" = "$(cat "$work/kept-ca.pem")" ] || fail "/_mock/ca.pem is not the written CA"
[ "$(stat -c %a "$work/kept-ca-key.pem")" = 600 ] || fail "the CA key is not owner-only"
second=$(ca_of --ca-cert "$work/kept-ca.pem" --ca-key "$work/kept-ca-key.pem")
[ "$first" = "$second" ] || fail "the CA changed across restarts"
# A link planted where the key goes is replaced, never written through.
ln -s "$work/victim" "$work/linked-key.pem"
ln -s "$work/victim-cert" "$work/linked-ca.pem"
ca_of --ca-cert "$work/linked-ca.pem" --ca-key "$work/linked-key.pem" >/dev/null || true
[ ! -e "$work/victim" ] || fail "the CA key was written through a planted link"

TMPDIR=$work "$server" --port 0 --tls-port 0 --log-format none >"$work/out" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.05; done
line=$(head -n1 "$work/out")
re='^\{"event":"listening","url":"http://127\.0\.0\.1:([0-9]+)","httpsUrl":"https://127\.0\.0\.1:([0-9]+)","caFile":"([^"]+)"\}$'
[[ "$line" =~ $re ]] || fail "listening line: $line"
http_port=${BASH_REMATCH[1]}
https_port=${BASH_REMATCH[2]}
ca=${BASH_REMATCH[3]}
[[ "$ca" == "$work"/logicmock-ca-*.pem ]] || fail "CA file $ca is not a new file in TMPDIR"
grep -q "BEGIN CERTIFICATE" "$ca" || fail "CA file has no certificate"
if grep -q "PRIVATE KEY" "$ca"; then fail "the CA file holds a private key"; fi

health=/_mock/health
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port$health")" = 200 ] || fail "plain HTTP"
[ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$ca" "https://127.0.0.1:$https_port$health")" = 200 ] \
    || fail "HTTPS with the CA"
[ "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$ca" "https://localhost:$https_port$health")" = 200 ] \
    || fail "HTTPS to localhost with the CA"
set +e
curl -s -o /dev/null "https://127.0.0.1:$https_port$health"; code=$?
set -e
[ "$code" -eq 60 ] || fail "curl without the CA exited $code, want 60 (certificate not trusted)"

kill -TERM "$pid"
wait "$pid" || fail "server did not exit 0 on SIGTERM"
pid=
[ ! -e "$ca" ] || fail "the temporary CA file outlived the server"
echo "server TLS flags: all checks passed"
