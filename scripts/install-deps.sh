#!/usr/bin/env bash
# Installs every Debian package logicmock builds, tests or benchmarks with.
# Skips packages that are already installed; uses sudo when not root.
set -euo pipefail

packages=(
    g++ cmake make pkg-config
    libcpp-httplib-dev nlohmann-json3-dev libvalijson-dev catch2 libssl-dev
    curl python3-azure
    clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
