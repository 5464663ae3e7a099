# logicmock_embed_files(<out.cpp> <namespace> <file>...)
# Generates a C++ source that holds each file's bytes as a std::string_view named
# after the file (non-identifier characters become '_'), so the schemas and the
# default seed stay one file each in the repo and the binaries need no data path.
function(logicmock_embed_files out namespace)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${namespace} "-DFILES=${files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${namespace} files"
    VERBATIM)
endfunction()
