# Sourced by the tests that need a separately started logicmock-server.
# start_server BINARY [ARGS...] starts it on 127.0.0.1, port 0, and sets SERVER_URL from the
# {"event":"listening","url":...} line it prints; the server is stopped when the script exits.

start_server() {
    local binary=$1
    shift
    FIXTURE_DIR=$(mktemp -d)
    trap stop_server EXIT
    "$binary" --host 127.0.0.1 --port 0 --log-format none "$@" \
        >"$FIXTURE_DIR/stdout" 2>"$FIXTURE_DIR/stderr" &
    SERVER_PID=$!
    local line
    for _ in $(seq 1 100); do
        line=$(grep -m1 '"event":"listening"' "$FIXTURE_DIR/stdout" || true)
        if [ -n "$line" ]; then
            SERVER_URL=$(sed -E 's/.*"url":"([^"]+)".*/\1/' <<<"$line")
            return 0
        fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "logicmock-server exited before listening:" >&2
            cat "$FIXTURE_DIR/stderr" >&2
            return 1
        fi
        sleep 0.1
    done
    echo "logicmock-server did not report listening within 10 s" >&2
    return 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
    [ -n "${FIXTURE_DIR:-}" ] && rm -rf "$FIXTURE_DIR"
}

# journal_lines FILE: the running server's journal, one "operation status path" line per entry
# (a CONNECT's path is its host:port), read on the direct address past any proxy variables.
journal_lines() {
    curl -s --noproxy '*' "$SERVER_URL/_mock/journal?limit=1000" |
        python3 -c 'import json, sys
for e in json.load(sys.stdin)["value"]:
    print(e["operation"], e["status"], e["path"])' >"$1"
}
