#!/usr/bin/env bash
# Runs the contract suite against a separately started logicmock-server process, the way it
# would run against any external endpoint.
# Usage: run_against_server.sh SERVER_BINARY CONTRACT_TESTS_BINARY [catch2 args...]
set -euo pipefail
server=$1 tests=$2
shift 2
source "$(dirname "$0")/server_fixture.sh"
start_server "$server"

export LOGICMOCK_CONTRACT_BASE_URL=$SERVER_URL
export LOGICMOCK_CONTRACT_TOKEN=contract-test-token
export LOGICMOCK_CONTRACT_SUBSCRIPTION=34adfa4f-cedf-4dc0-ba29-b6d1a69ab345
export LOGICMOCK_CONTRACT_RESOURCE_GROUP=testResourceGroup
export LOGICMOCK_CONTRACT_WORKFLOW=testWorkflowName
"$tests" "$@"
