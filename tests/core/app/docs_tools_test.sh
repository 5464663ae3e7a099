#!/usr/bin/env bash
# The docs tools refuse what they must: scripts/check-links.py fails on a broken relative link and
# on a missing #anchor, and tests/doc_block.sh on a missing, a duplicated and an unfenced marker
# (on scratch pages); and every <!-- test: NAME --> marker in README.md and docs/ is named by a
# test script under tests/, so no documented block goes unrun.
# Usage: docs_tools_test.sh REPO_ROOT
set -euo pipefail
root=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
expect() {  # expect NAME WANTED_STATUS COMMAND...
    local name=$1 want=$2 status=0
    shift 2
    "$@" >"$work/out" 2>&1 || status=$?
    if { [ "$want" = 0 ] && [ "$status" -eq 0 ]; } || { [ "$want" != 0 ] && [ "$status" -ne 0 ]; }; then
        echo "ok   $name"
    else
        echo "FAIL $name (exit $status)"; cat "$work/out"; failures=$((failures + 1))
    fi
}
mkdir -p "$work/docs/reference"
cat >"$work/README.md" <<'MD'
# Title
See [the guide](docs/guide.md#a-section-with-code), [flags](docs/reference/flags.md) and [below](#title).
<!-- test: one -->
```sh
echo one
```
MD
printf '# Guide\n\n## A section with `code`\n\n[back](../README.md#title)\n' >"$work/docs/guide.md"
printf '# Flags\n\n[guide](../guide.md)\n' >"$work/docs/reference/flags.md"
expect "good pages pass the link check" 0 "$root/scripts/check-links.py" "$work"
expect "a marked block is found" 0 "$root/tests/doc_block.sh" "$work" one
[ "$("$root/tests/doc_block.sh" "$work" one)" = "echo one" ] || { echo "FAIL block text"; failures=$((failures + 1)); }

cp "$work/docs/guide.md" "$work/guide.bak"
echo '[gone](nowhere.md)' >>"$work/docs/guide.md"
expect "a link to a missing file fails" 1 "$root/scripts/check-links.py" "$work"
cp "$work/guide.bak" "$work/docs/guide.md"
echo '[gone](../README.md#no-such-heading)' >>"$work/docs/guide.md"
expect "a link to a missing anchor fails" 1 "$root/scripts/check-links.py" "$work"
cp "$work/guide.bak" "$work/docs/guide.md"

expect "a missing marker fails" 1 "$root/tests/doc_block.sh" "$work" two
printf '<!-- test: one -->\n```sh\necho again\n```\n' >>"$work/docs/guide.md"
expect "a duplicated marker fails" 1 "$root/tests/doc_block.sh" "$work" one
printf '<!-- test: three -->\ntext, no fence\n' >>"$work/docs/reference/flags.md"
expect "a marker without a fenced block fails" 1 "$root/tests/doc_block.sh" "$work" three

while IFS= read -r name; do
    if grep -rqw --include='*.sh' --include='*.py' --include='*.txt' --exclude-dir=node_modules \
            -- "$name" "$root/tests"; then
        echo "ok   block $name is run by a test"
    else
        echo "FAIL block $name: no test under tests/ names it"; failures=$((failures + 1))
    fi
done < <(cd "$root" && grep -rhoE '^<!-- test: [A-Za-z0-9_-]+ -->$' README.md docs |
             sed -E 's/<!-- test: (.*) -->/\1/' | sort -u)
[ "$failures" -eq 0 ]
