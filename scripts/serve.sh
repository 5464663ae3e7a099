#!/usr/bin/env bash
# One command for a newcomer: install what building and serving need (not the test tools),
# build the server, and run it in the foreground on 127.0.0.1:8080 with the default seed.
# Extra arguments go to logicmock-server (see build/bin/logicmock-server --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --serve
LOGICMOCK_BUILD_TESTS=OFF scripts/build.sh logicmock-server
exec build/bin/logicmock-server "$@"
