# The install rules and the .deb: `cmake --install` into a scratch prefix puts the binary, the
# man page, the bash and zsh completions and the rule pages where they belong, and the installed
# binary runs; `cpack -G DEB` builds a package holding the same files.
set(CD_INSTALL_WORK ${CMAKE_BINARY_DIR}/install-test)
add_test(NAME install.files
         COMMAND ${CMAKE_COMMAND} -DBUILD=${CMAKE_BINARY_DIR} -DWORK=${CD_INSTALL_WORK}
                 -P ${CMAKE_CURRENT_LIST_DIR}/install/check_install.cmake)
set_tests_properties(install.files PROPERTIES LABELS install TIMEOUT 120 RESOURCE_LOCK cd_install)
find_program(CD_DPKG_DEB dpkg-deb)
if(CD_DPKG_DEB)
  add_test(NAME install.deb
           COMMAND ${CMAKE_COMMAND} -DBUILD=${CMAKE_BINARY_DIR} -DWORK=${CD_INSTALL_WORK}-deb -DDPKG_DEB=${CD_DPKG_DEB}
                   -P ${CMAKE_CURRENT_LIST_DIR}/install/check_deb.cmake)
  set_tests_properties(install.deb PROPERTIES LABELS install TIMEOUT 300 RESOURCE_LOCK cd_install)
endif()
