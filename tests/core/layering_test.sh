#!/usr/bin/env bash
# The folders of mock_server/src/ depend one way (docs/ARCHITECTURE.md): a file may include
# headers of its own folder and of the folders after it in LAYERS, never of one before it.
# Below arm/ nothing includes logicmock/service.hpp or logicmock/mock_server.hpp: stages and
# services read their settings from logicmock/service_options.hpp.
set -u
# Usage: layering_test.sh MOCK_SERVER_SRC_DIR LAYER... (LOGICMOCK_SERVER_LAYERS, top first)
src=${1:?usage: layering_test.sh MOCK_SERVER_SRC_DIR LAYER...}
shift
LAYERS=("$@")
[ ${#LAYERS[@]} -gt 0 ] || { echo "no layers given"; exit 2; }

rank() { local i; for i in "${!LAYERS[@]}"; do [ "${LAYERS[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }

arm_rank=$(rank arm)
bad=0
for dir in "$src"/*/; do
    folder=$(basename "$dir")
    own=$(rank "$folder")
    if [ "$own" -lt 0 ]; then
        echo "mock_server/src/$folder/ is not in LOGICMOCK_SERVER_LAYERS: add it in mock_server/CMakeLists.txt and docs/ARCHITECTURE.md"
        bad=1
        continue
    fi
    while IFS=: read -r file line include; do
        target=${include%%/*}
        [ "$target" = logicmock ] && {
            case "$include" in logicmock/service.hpp | logicmock/mock_server.hpp)
                if [ "$own" -gt "$arm_rank" ]; then
                    echo "${file#"$src"/}:$line includes $include (below arm/: use logicmock/service_options.hpp)"
                    bad=1
                fi ;;
            esac
            continue
        }
        other=$(rank "$target")
        if [ "$other" -lt 0 ]; then
            echo "${file#"$src"/}:$line includes \"$include\": name headers by their folder (\"folder/file.hpp\")"
            bad=1
        elif [ "$other" -lt "$own" ]; then
            echo "${file#"$src"/}:$line: $folder/ includes $include, a folder above it"
            bad=1
        fi
    done < <(grep -HnoE '^#include "[^"]+"' "$dir"*.cpp "$dir"*.hpp 2>/dev/null | sed -E 's/#include "([^"]+)"/\1/')
done
[ -z "$(ls "$src"/*.cpp "$src"/*.hpp 2>/dev/null)" ] || { echo "files directly in mock_server/src/: put each in the folder of its concern"; bad=1; }
[ "$bad" -eq 0 ] && echo "layering: every include points down (${#LAYERS[@]} folders)"
exit "$bad"
