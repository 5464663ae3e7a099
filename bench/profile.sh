#!/usr/bin/env bash
# Where does logicmock spend its instructions? Runs the bare baseline and logicmock under
# valgrind's callgrind, drives each row for 8 s with wrk (-t1 -c4) after a 2 s warm-up, and
# prints instructions per request (Ir/req) in total and for the biggest inclusive costs.
# Instruction counts do not depend on how busy the machine is, unlike req/s.
#
#   bench/profile.sh            (after bench/run.sh has built build-bench)
#
# Needs valgrind (apt-get install valgrind). Output: a text report on stdout; the callgrind
# files stay in $BENCH_PROFILE_DIR (default /tmp/logicmock-profile) for callgrind_annotate.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
BIN=${BENCH_BUILD_DIR:-$ROOT/build-bench}/bin
OUT=${BENCH_PROFILE_DIR:-/tmp/logicmock-profile}
export BENCH_LUA_DIR=$BENCH_DIR/lua
command -v valgrind >/dev/null || { echo "profile.sh needs valgrind" >&2 && exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

# profile NAME "LUA..." SERVER ARGS...: one callgrind dump per Lua script, NAME.PID.N
profile() {
    local name=$1 cases=$2
    shift 2
    valgrind --tool=callgrind --callgrind-out-file="$OUT/$name.%p" "$@" >"$OUT/$name.out" \
        2>"$OUT/$name.err" &
    local vg=$!
    for _ in $(seq 1 150); do grep -q listening "$OUT/$name.out" 2>/dev/null && break; sleep 0.2; done
    local port
    port=$(grep -o '127.0.0.1:[0-9]*' "$OUT/$name.out" | head -1 | cut -d: -f2)
    for lua in $cases; do
        BENCH_OUT=/dev/null wrk -t1 -c4 -d2s -s "$BENCH_LUA_DIR/$lua" "http://127.0.0.1:$port" >/dev/null
        callgrind_control -z "$vg" >/dev/null
        BENCH_OUT="$OUT/$name-${lua%.lua}.json" wrk -t1 -c4 -d8s -s "$BENCH_LUA_DIR/$lua" \
            "http://127.0.0.1:$port" >/dev/null
        callgrind_control -d "${lua%.lua}" "$vg" >/dev/null
    done
    kill "$vg"
    wait "$vg" 2>/dev/null || true
}

profile baseline "regenerate_valid.lua" "$BIN/bench_baseline_server" --port 0 --threads 64
profile logicmock "regenerate_valid.lua regenerate_invalid.lua unknown_workflow.lua" \
    "$BIN/logicmock-server" --port 0 --log-format none

python3 - "$OUT" <<'EOF'
import glob, json, os, re, subprocess, sys
out = sys.argv[1]
WATCH = [
    "httplib::Server::process_request", "httplib::Server::dispatch_request",
    "httplib::detail::stream_line_reader::getline", "httplib::Server::write_response_core",
    "logicmock::Service::handle", "logicmock::Service::Impl::run_pipeline",
    "logicmock::make_journal_entry", "logicmock::RequestJournal::record",
    "logicmock::capture_journal_slot", "httplib::Server::routing",
    "logicmock::validate(", "logicmock::parse_json", "logicmock::request_guid",
    "logicmock::(anonymous namespace)::MemoryStore::replace_key", "logicmock::redact_body",
    "logicmock::add_arm_headers", "logicmock::assign_request_ids", "logicmock::regenerate_access_key",
    "RAND_bytes", "logicmock::write_core_response", "logicmock::to_core_request",
    "__memset_avx2_unaligned_erms", "__memset_evex_unaligned_erms", "__vsnprintf_internal",
]
for dump in sorted(glob.glob(os.path.join(out, "*.[0-9]*.[0-9]"))):
    name = os.path.basename(dump).split(".")[0]
    trigger = next(l.split()[-1] for l in open(dump) if l.startswith("desc: Trigger"))
    total = int(next(l.split()[1] for l in open(dump) if l.startswith("summary:")))
    reqs = json.load(open(os.path.join(out, f"{name}-{trigger}.json")))["requests"]
    print(f"\n== {name} {trigger}: {reqs} requests, {total / reqs:,.0f} Ir/req")
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", dump],
                          capture_output=True, text=True).stdout
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+\S*?:(.*)", line)
        if not m:
            continue
        ir, fn = int(m.group(1).replace(",", "")), m.group(2)
        for w in WATCH:
            if fn.startswith(w) or ("::" not in w and w in fn):
                short = re.sub(r"\(.*", "", fn)[:70]
                print(f"  {ir / reqs:>9,.0f} Ir/req  {short}")
                break
EOF
