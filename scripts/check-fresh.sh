#!/usr/bin/env bash
# The fresh-machine check: README promises that on a fresh Debian 12 `scripts/serve.sh` runs the
# server and `scripts/test.sh` passes the tests. This builds a Debian 12 (bookworm) minbase root
# with debootstrap, clones the current commit (HEAD; uncommitted changes are not in it) into
# /root/logicmock there, and runs in it, as root, the two README commands exactly as written:
#   scripts/serve.sh   until http://127.0.0.1:8080/_mock/health answers 200, then stops it
#   scripts/test.sh    the whole suite
# and prints the time of each and CTest's count. /etc/hosts is the one Debian's installer writes.
# Too slow for CI (about 13 minutes plus the download); run it by hand when an install step, a
# package list or a pinned version changes. Needs root, debootstrap (installed when missing),
# Debian's mirror and the npm registry, and a free port 8080 (the root shares the network).
#   scripts/check-fresh.sh [--keep] [DIR]   DIR: where the root goes (default: a new folder under
#                                           /var/tmp); --keep leaves it there afterwards
# Environment: LOGICMOCK_DEBIAN_MIRROR (default http://deb.debian.org/debian) and
# LOGICMOCK_DEBIAN_SECURITY (default http://deb.debian.org/debian-security).
set -euo pipefail
cd "$(dirname "$0")/.."
keep=false
[ "${1:-}" = "--keep" ] && { keep=true; shift; }
[ "$(id -u)" -eq 0 ] || { echo "check-fresh: run as root (debootstrap, chroot, mount)" >&2; exit 2; }
mirror=${LOGICMOCK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${LOGICMOCK_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}
commit=$(git rev-parse HEAD)
[ -z "$(git status --porcelain --untracked-files=no)" ] ||
    echo "check-fresh: warning: uncommitted changes are not checked, only $commit" >&2
if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
    echo "check-fresh: something already listens on 127.0.0.1:8080; scripts/serve.sh needs it" >&2
    exit 2
fi
command -v debootstrap >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
}

root=${1:-$(mktemp -d /var/tmp/logicmock-fresh.XXXXXX)}
mkdir -p "$root"
root=$(cd "$root" && pwd)
mounts=() serve_pid=""
cleanup() {
    [ -n "$serve_pid" ] && kill -- "-$serve_pid" 2>/dev/null
    # Processes left running inside the root (a server a test left behind) are ours: end them.
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill -9 "${p#/proc/}" 2>/dev/null
    done
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[$i]}" 2>/dev/null || true; done
    if $keep; then echo "check-fresh: the root stays in $root" >&2; else rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
seconds() { echo $(($(date +%s) - $1)); }
mount_in() { mount "$@"; mounts+=("${*: -1}"); }

echo "== check-fresh: commit $commit, root $root, $(date -u +%FT%TZ)"
t0=$(date +%s)
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
    { tail -20 "$root.debootstrap.log"; echo "check-fresh: debootstrap failed" >&2; exit 1; }
rm -f "$root.debootstrap.log"
echo "debootstrap: $(seconds "$t0") s"
# What Debian's installer writes; a debootstrapped root has no /etc/hosts.
[ -e "$root/etc/hosts" ] || cat >"$root/etc/hosts" <<'EOF'
127.0.0.1	localhost
127.0.1.1	logicmock-fresh

# The following lines are desirable for IPv6 capable hosts
::1     localhost ip6-localhost ip6-loopback
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
EOF
echo logicmock-fresh >"$root/etc/hostname"
# The suites Debian's installer sets up; debootstrap writes only the first.
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
# This machine's network, like resolv.conf: where HTTPS egress goes through an inspecting proxy
# whose CA node must trust (NODE_EXTRA_CA_CERTS set here), npm ci in the root gets that file too.
# A real Debian 12 on an open network needs nothing of the kind.
extra_ca=""
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
    cp "$NODE_EXTRA_CA_CERTS" "$root/etc/check-fresh-egress-ca.pem"
    extra_ca=NODE_EXTRA_CA_CERTS=/etc/check-fresh-egress-ca.pem
    echo "check-fresh: this machine's NODE_EXTRA_CA_CERTS goes into the root (network, not Debian)"
fi
mount_in -t proc proc "$root/proc"
mount_in -t sysfs sysfs "$root/sys"
mount_in --bind /dev "$root/dev"
mount_in --bind /dev/pts "$root/dev/pts"
mount_in -t tmpfs tmpfs "$root/dev/shm"  # Chromium needs a /dev/shm of its own

git clone -q --no-checkout "$(git rev-parse --path-format=absolute --git-common-dir)" \
    "$root/root/logicmock"
git -C "$root/root/logicmock" checkout -q --detach "$commit"

# A root login shell's environment, nothing from this one.
in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash TERM=dumb \
        LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin $extra_ca \
        /bin/bash -c "cd /root/logicmock && $1"
}

echo "== scripts/serve.sh (until /_mock/health answers 200)"
t0=$(date +%s)
setsid bash -c "$(declare -f in_root); root='$root' extra_ca='$extra_ca'; in_root scripts/serve.sh" \
    >"$root/root/serve.log" 2>&1 </dev/null &
serve_pid=$!
health=""
while kill -0 "$serve_pid" 2>/dev/null; do
    # The root's own curl (serve.sh installs it): what README's "Try it" uses next.
    health=$(chroot "$root" curl -s -o /dev/null -w '%{http_code}' \
        http://127.0.0.1:8080/_mock/health 2>/dev/null || true)
    [ "$health" = 200 ] && break
    sleep 1
done
serve_seconds=$(seconds "$t0")
tail -3 "$root/root/serve.log"
if [ "$health" != 200 ]; then
    echo "check-fresh: FAIL: scripts/serve.sh ended before /_mock/health answered 200" >&2
    tail -40 "$root/root/serve.log" >&2
    exit 1
fi
kill -- "-$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
echo "serve.sh: /_mock/health answered 200 after $serve_seconds s (stopped)"

echo "== scripts/test.sh"
t0=$(date +%s)
status=0
in_root 'scripts/test.sh' 2>&1 | tee "$root/root/test.log" || status=$?
test_seconds=$(seconds "$t0")
count=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$root/root/test.log" | tail -1)
skipped=$(grep -c '\*\*\*Skipped' "$root/root/test.log" || true)

echo "== check-fresh: Debian 12 minbase, commit $commit, $(date -u +%FT%TZ)"
echo "scripts/serve.sh: $serve_seconds s until /_mock/health answered 200"
echo "scripts/test.sh:  $test_seconds s, exit $status"
echo "ctest:            ${count:-no CTest summary}; $skipped skipped"
[ "$status" -eq 0 ]
