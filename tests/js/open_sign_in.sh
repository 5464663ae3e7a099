#!/usr/bin/env bash
# A BROWSER for Python's webbrowser module (MSAL's InteractiveBrowserCredential opens the sign-in
# URL with it): starts the playwright driver in the background and returns at once, because
# MSAL only serves its loopback redirect after the "browser" command has exited.
# Environment: LOGICMOCK_SIGNIN_USER, LOGICMOCK_SIGNIN_PASSWORD, LOGICMOCK_SIGNIN_OUT (the
# driver's output, headed by the node version it ran with, and its exit status go to OUT.log /
# OUT.status; its screenshot to OUT.png). The driver runs on the pinned node (node.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${LOGICMOCK_SIGNIN_OUT:?}
(
    status=0
    "$here/node.sh" --banner
    "$here/node.sh" "$here/sign_in_browser.mjs" page "$1" "${LOGICMOCK_SIGNIN_USER:?}" \
        "${LOGICMOCK_SIGNIN_PASSWORD:?}" "$out.png" >"$out.log" 2>&1 || status=$?
    echo "$status" >"$out.status"
) </dev/null >/dev/null 2>&1 &
