#!/usr/bin/env bash
# The checks to run before every commit, in one command (docs/development.md):
#   1. format:   clang-format --dry-run --Werror on every tracked C++ file (.clang-format)
#   2. layering: tests/core/layering_test.sh over LOGICMOCK_SERVER_LAYERS, read from
#                mock_server/CMakeLists.txt (docs/ARCHITECTURE.md, "Folders")
#   3. links:    scripts/check-links.py, every relative link and #anchor in README.md and docs/
# Every check runs; the exit code is 1 if any failed. Needs git, clang-format (Debian's
# clang-format) and python3. Usage: scripts/check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()

echo "== format (clang-format --dry-run --Werror)"
if ! command -v clang-format >/dev/null; then
    echo "FAIL clang-format not found: sudo apt-get install clang-format"; failed+=(format)
else
    mapfile -t sources < <(git ls-files -- '*.cpp' '*.hpp' '*.h' '*.cc' ':!:third_party/**')
    if clang-format --dry-run --Werror "${sources[@]}" 2>&1; then
        echo "ok   ${#sources[@]} files formatted"
    else
        echo "FAIL run: clang-format -i \$(git ls-files '*.cpp' '*.hpp')"; failed+=(format)
    fi
fi

echo "== layering (LOGICMOCK_SERVER_LAYERS)"
# The folder list spans lines: set(LOGICMOCK_SERVER_LAYERS a b c ... CACHE INTERNAL "...")
layers=$(awk '/set\(LOGICMOCK_SERVER_LAYERS/ {f = 1} f {print} f && /CACHE/ {exit}' \
    mock_server/CMakeLists.txt | sed -e 's/.*set(LOGICMOCK_SERVER_LAYERS//' -e 's/CACHE.*//')
read -r -a layer_list <<<"$(tr '\n' ' ' <<<"$layers")"
if [ "${#layer_list[@]}" -eq 0 ]; then
    echo "FAIL no LOGICMOCK_SERVER_LAYERS in mock_server/CMakeLists.txt"; failed+=(layering)
elif tests/core/layering_test.sh mock_server/src "${layer_list[@]}"; then
    echo "ok   ${#layer_list[@]} layers: ${layer_list[*]}"
else
    failed+=(layering)
fi

echo "== links (scripts/check-links.py)"
scripts/check-links.py . || failed+=(links)

if [ "${#failed[@]}" -gt 0 ]; then
    echo "check.sh: FAILED: ${failed[*]}"; exit 1
fi
echo "check.sh: all checks passed"
