#!/usr/bin/env bash
# Logic Apps Standard: @azure/arm-appservice 15.0.0 (tests/js, pinned by package-lock.json)
# against logicmock-server --tls: tests/js/standard_example.mjs through run_example.sh.
# Usage: standard_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
exec "$(dirname "$0")/run_example.sh" standard_example.mjs js-standard @azure/arm-appservice \
    "$1" "$2"
