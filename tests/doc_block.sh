#!/usr/bin/env bash
# Prints the fenced block that follows the line <!-- test: NAME --> in README.md or any
# docs/**/*.md under REPO_ROOT, so a documented block can move between pages and its test still
# runs it verbatim. Fails loudly (exit 1, message on stderr) when no page has the marker, when
# more than one line does (a marker name is unique), or when no non-empty fenced block follows it.
# Usage: doc_block.sh REPO_ROOT NAME
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: doc_block.sh REPO_ROOT NAME" >&2; exit 2; }
root=$1 name=$2
marker="<!-- test: $name -->"
hits=()
while IFS= read -r page; do
    n=$(grep -cxF -- "$marker" "$root/$page" || true)
    for ((i = 0; i < n; i++)); do hits+=("$page"); done
done < <(cd "$root" && { [ -f README.md ] && echo README.md; find docs -name '*.md' 2>/dev/null | sort; })
if [ "${#hits[@]}" -eq 0 ]; then
    echo "doc_block: no line '$marker' in README.md or docs/**/*.md under $root" >&2; exit 1
fi
if [ "${#hits[@]}" -gt 1 ]; then
    echo "doc_block: '$marker' appears ${#hits[@]} times (${hits[*]}); marker names must be unique" >&2
    exit 1
fi
status=0
block=$(awk -v m="$marker" '
    $0 == m { if ((getline) <= 0 || $0 !~ /^```/) exit 3; f = 1; next }
    f && /^```/ { f = 0; closed = 1; exit }
    f { print }
    END { if (!closed) exit 3 }' "$root/${hits[0]}") || status=$?
if [ "$status" -ne 0 ] || [ -z "$block" ]; then
    echo "doc_block: ${hits[0]}: '$marker' is not followed by a non-empty fenced block" >&2; exit 1
fi
printf '%s\n' "$block"
