#!/usr/bin/env bash
# Installs every Debian package logicmock builds, tests or benchmarks with, and the JavaScript
# SDK clients the tests run (npm ci, pinned by tests/js/package-lock.json).
# Skips what is already installed; uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    g++ cmake make pkg-config
    libcpp-httplib-dev nlohmann-json3-dev libvalijson-dev catch2 libssl-dev
    curl python3-azure azure-cli
    python3-msal  # azure-identity's MSAL, for the sign-in tests (also a dependency of python3-azure)
    clang-14 libclang-rt-14-dev
    nodejs
)

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
# npm comes with nodejs from some sources and as its own package from Debian.
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

stamp=tests/js/node_modules/.logicmock-lock
if ! cmp -s tests/js/package-lock.json "$stamp" 2>/dev/null; then
    echo "install-deps: npm ci in tests/js" >&2
    npm ci --prefix tests/js --no-audit --no-fund >&2
    cp tests/js/package-lock.json "$stamp"
fi
