#!/usr/bin/env bash
# Usage: run_fuzz_smoke.sh FUZZER SEED_DIR REGRESSION_DIR SECONDS [CORPUS_DIR]
# Replays every kept crash input, then fuzzes a scratch copy of the seeds (and of the kept
# corpus, a minimised merge of longer local runs) for SECONDS.
# A crash input found here is written to the scratch dir and printed; keep it in REGRESSION_DIR.
set -euo pipefail
fuzzer=$1 seeds=$2 regressions=$3 seconds=$4 kept_corpus=${5:-}
shopt -s nullglob
kept=("$regressions"/*)
if [ ${#kept[@]} -gt 0 ]; then
    "$fuzzer" "${kept[@]}"
fi
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$seeds"/* "$corpus"/
if [ -n "$kept_corpus" ] && [ -d "$kept_corpus" ]; then cp "$kept_corpus"/* "$corpus"/; fi
"$fuzzer" -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=1024 \
    -artifact_prefix="$corpus/" -print_final_stats=1 "$corpus"
