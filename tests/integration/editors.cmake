# Editor integration tests: real clients (vscode-languageclient, Neovim, Emacs
# with eglot) against the server built here. See tests/editors/README.md.
# A test whose editor is not installed exits 77 and is reported as skipped;
# scripts/install-deps.sh installs them for CI.
set(CD_EDITORS_DIR ${PROJECT_SOURCE_DIR}/tests/editors)
set(CD_SERVER ${CMAKE_BINARY_DIR}/copydesk)

# ---- VS Code ---------------------------------------------------------------
find_program(CD_NODE node)
find_program(CD_NPM npm)
if(CD_NODE AND CD_NPM)
  set(CD_VSCODE_BUILD ${CMAKE_BINARY_DIR}/editors/vscode)
  add_test(NAME editors.vscode.package
           COMMAND ${CMAKE_COMMAND} -DSRC=${PROJECT_SOURCE_DIR}/editors/vscode
                   -DDST=${CD_VSCODE_BUILD} -DNPM=${CD_NPM}
                   -P ${CD_EDITORS_DIR}/vscode/package.cmake)
  set_tests_properties(editors.vscode.package PROPERTIES
                       FIXTURES_SETUP cd_vscode_vsix TIMEOUT 900 LABELS editors
                       RESOURCE_LOCK cd_vscode_build)
  add_test(NAME editors.vscode.client
           COMMAND ${CD_NODE} ${CD_EDITORS_DIR}/vscode/client.js ${CD_VSCODE_BUILD}/node_modules ${CD_SERVER})
  set_tests_properties(editors.vscode.client PROPERTIES
                       FIXTURES_REQUIRED cd_vscode_vsix TIMEOUT 120 LABELS editors)
else()
  message(STATUS "node/npm not found: the VS Code extension tests are not registered")
endif()
