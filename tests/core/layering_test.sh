#!/usr/bin/env bash
# The folders of mock_server/src/ depend one way (docs/ARCHITECTURE.md): a file may include
# headers of its own folder and of the folders after it in LAYERS, never of one before it.
# A large folder is split into rooms, sub-folders listed as layers of their own
# ("identity/endpoints"), so inside it too every include points one way; such a folder holds no
# files itself, and every folder with files is a layer.
# Below arm/ nothing includes logicmock/service.hpp or logicmock/mock_server.hpp: stages and
# services read their settings from logicmock/service_options.hpp.
set -u
# Usage: layering_test.sh MOCK_SERVER_SRC_DIR LAYER... (LOGICMOCK_SERVER_LAYERS, top first)
src=${1:?usage: layering_test.sh MOCK_SERVER_SRC_DIR LAYER...}
shift
LAYERS=("$@")
[ ${#LAYERS[@]} -gt 0 ] || { echo "no layers given"; exit 2; }

rank() { local i; for i in "${!LAYERS[@]}"; do [ "${LAYERS[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }
# True when $1 is split into rooms: some layer is a sub-folder of it.
has_rooms() { local layer; for layer in "${LAYERS[@]}"; do [[ "$layer" == "$1"/* ]] && return 0; done; return 1; }
sources_in() { ls "$1"/*.cpp "$1"/*.hpp 2>/dev/null; }

arm_rank=$(rank arm)
bad=0
while IFS= read -r dir; do
    folder=${dir#"$src"/}
    own=$(rank "$folder")
    if [ "$own" -lt 0 ]; then
        if ! has_rooms "$folder"; then
            echo "mock_server/src/$folder/ is not in LOGICMOCK_SERVER_LAYERS: add it in mock_server/CMakeLists.txt and docs/ARCHITECTURE.md"
            bad=1
        elif [ -n "$(sources_in "$dir")" ]; then
            echo "files directly in mock_server/src/$folder/: put each in the room of its concern (its sub-folders in LOGICMOCK_SERVER_LAYERS)"
            bad=1
        fi
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
        other=-1
        [[ "$include" == */* ]] && other=$(rank "${include%/*}")
        if [ "$other" -lt 0 ]; then
            echo "${file#"$src"/}:$line includes \"$include\": name headers by their folder (\"folder/file.hpp\", \"folder/room/file.hpp\")"
            bad=1
        elif [ "$other" -lt "$own" ]; then
            echo "${file#"$src"/}:$line: $folder/ includes $include, a layer above it"
            bad=1
        fi
    done < <(grep -HnoE '^#include "[^"]+"' "$dir"/*.cpp "$dir"/*.hpp 2>/dev/null | sed -E 's/#include "([^"]+)"/\1/')
done < <(find "$src" -mindepth 1 -type d | sort)
[ -z "$(sources_in "$src")" ] || { echo "files directly in mock_server/src/: put each in the folder of its concern"; bad=1; }
[ "$bad" -eq 0 ] && echo "layering: every include points down (${#LAYERS[@]} layers)"
exit "$bad"
