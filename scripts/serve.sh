#!/usr/bin/env bash
# One command for a newcomer: install what is missing, build, and run the mock
# in the foreground on 127.0.0.1:8080 with the default seed. Extra arguments go
# to logicmock-server (see build/bin/logicmock-server --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/bin/logicmock-server "$@"
