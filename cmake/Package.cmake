# A Debian package of the install (cmake/Install.cmake): from the build directory,
#   cpack -G DEB   ->   logicmock_<version>_<arch>.deb
# with the server, the client CLI, headers, static libraries, the CMake package and docs.
# Depends are the Debian runtime libraries the executables link (dpkg-shlibdeps, from dpkg-dev);
# building against the headers also needs the -dev packages listed in Recommends.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME logicmock)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "logicmock maintainers <logicmock@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Fake of Azure Resource Manager for Logic Apps access keys (server, client, C++ library)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # logicmock_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libcpp-httplib-dev, nlohmann-json3-dev, libssl-dev, pkg-config, cmake")
include(CPack)
