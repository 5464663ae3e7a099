# Installs logicmock-server, logicmock-client, the static libraries with their public headers,
# a CMake package and the docs, so another project can:
#   find_package(logicmock REQUIRED)
#   target_link_libraries(app PRIVATE logicmock::server logicmock::client)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(LOGICMOCK_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/logicmock)

# Exported as logicmock::server, logicmock::client, logicmock::common (the build-tree aliases).
set(LOGICMOCK_INSTALLED_LIBRARIES logicmock_server logicmock_common)
set(LOGICMOCK_INSTALLED_PROGRAMS logicmock-server)
set(LOGICMOCK_INSTALLED_HEADERS ${PROJECT_SOURCE_DIR}/common/include/
                                ${PROJECT_SOURCE_DIR}/mock_server/include/)
if(TARGET logicmock_client)  # LOGICMOCK_BUILD_CLIENT=OFF leaves it out
  list(APPEND LOGICMOCK_INSTALLED_LIBRARIES logicmock_client)
  list(APPEND LOGICMOCK_INSTALLED_PROGRAMS logicmock_client_cli)
  list(APPEND LOGICMOCK_INSTALLED_HEADERS ${PROJECT_SOURCE_DIR}/client/include/)
  set_target_properties(logicmock_client PROPERTIES EXPORT_NAME client)
endif()
set_target_properties(logicmock_server PROPERTIES EXPORT_NAME server)
set_target_properties(logicmock_common PROPERTIES EXPORT_NAME common)

install(TARGETS ${LOGICMOCK_INSTALLED_PROGRAMS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ${LOGICMOCK_INSTALLED_LIBRARIES}
        EXPORT logicmockTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# The targets' INSTALL_INTERFACE include directory is "include".
install(DIRECTORY ${LOGICMOCK_INSTALLED_HEADERS} DESTINATION include)
install(FILES ${PROJECT_BINARY_DIR}/common/include/logicmock/version.hpp
        DESTINATION include/logicmock)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# docs/ keeps its name, so README's links (docs/…) resolve in the installed copy too.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR})

install(EXPORT logicmockTargets NAMESPACE logicmock:: DESTINATION ${LOGICMOCK_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/logicmockConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/logicmockConfig.cmake
                              INSTALL_DESTINATION ${LOGICMOCK_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/logicmockConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/logicmockConfig.cmake
              ${PROJECT_BINARY_DIR}/logicmockConfigVersion.cmake
        DESTINATION ${LOGICMOCK_CMAKE_DIR})
