#!/usr/bin/env bash
# @azure/identity 4.13.1 + @azure/arm-logic 8.2.0 (tests/js, pinned by package-lock.json) against
# logicmock-server --tls --auth entra: tests/js/signin_example.mjs through run_example.sh.
# Usage: signin_test.sh SERVER_BINARY REPO_ROOT
set -euo pipefail
exec "$(dirname "$0")/run_example.sh" signin_example.mjs js-signin @azure/identity "$1" "$2" \
    --auth entra
