# Editor integration tests: real clients (vscode-languageclient, Neovim, Emacs
# with eglot) against the server built here. See tests/editors/README.md.
# A test whose editor is not installed exits 77 and is reported as skipped;
# scripts/install-deps.sh installs them for CI.
set(CD_EDITORS_DIR ${PROJECT_SOURCE_DIR}/tests/editors)
set(CD_SERVER ${CMAKE_BINARY_DIR}/copydesk)

# An editor that is not installed: the test is reported as skipped, not passed.
function(cd_editor_missing name what)
  add_test(NAME ${name} COMMAND sh -c "echo '${what} is not installed (scripts/install-deps.sh installs it)'; exit 77")
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS editors)
endfunction()

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
  add_test(NAME editors.vscode.smoke
           COMMAND ${CD_NODE} ${CD_EDITORS_DIR}/vscode/smoke.js ${CD_VSCODE_BUILD}/copydesk.vsix ${CD_SERVER})
  set_tests_properties(editors.vscode.smoke PROPERTIES
                       FIXTURES_REQUIRED cd_vscode_vsix TIMEOUT 120 LABELS editors)
  add_test(NAME editors.vscode.schema
           COMMAND ${CD_NODE} ${CD_EDITORS_DIR}/vscode/schema.js ${CD_VSCODE_BUILD}/copydesk.vsix
                   ${PROJECT_SOURCE_DIR}/editors/vscode)
  set_tests_properties(editors.vscode.schema PROPERTIES
                       FIXTURES_REQUIRED cd_vscode_vsix SKIP_RETURN_CODE 77 TIMEOUT 60 LABELS editors)
else()
  cd_editor_missing(editors.vscode "Node.js with npm")
endif()

# ---- Neovim ------------------------------------------------------------------
find_program(CD_NVIM nvim)
if(CD_NVIM)
  add_test(NAME editors.nvim
           COMMAND ${CD_NVIM} --headless --clean -u NONE -i NONE -n
                   -c "luafile ${CD_EDITORS_DIR}/nvim/test.lua")
  set_tests_properties(editors.nvim PROPERTIES TIMEOUT 120 LABELS editors
    ENVIRONMENT "COPYDESK_SERVER=${CD_SERVER};COPYDESK_PLUGIN=${PROJECT_SOURCE_DIR}/editors/nvim;COPYDESK_ARTICLE=${CD_EDITORS_DIR}/article.md")
else()
  cd_editor_missing(editors.nvim "Neovim (nvim)")
endif()

# ---- Emacs with eglot ------------------------------------------------------------
find_program(CD_EMACS emacs)
if(CD_EMACS)
  add_test(NAME editors.emacs COMMAND ${CD_EMACS} -Q --batch -l ${CD_EDITORS_DIR}/emacs/test.el)
  # 77: Emacs without eglot (elpa-eglot on Emacs 28).
  set_tests_properties(editors.emacs PROPERTIES TIMEOUT 120 LABELS editors SKIP_RETURN_CODE 77
    ENVIRONMENT "COPYDESK_SERVER=${CD_SERVER};COPYDESK_ARTICLE=${CD_EDITORS_DIR}/article.md")
else()
  cd_editor_missing(editors.emacs "Emacs (emacs-nox) with eglot (elpa-eglot)")
endif()

# ---- Helix (not installed: its languages.toml snippet against Helix's documented shape) ----
find_program(CD_PYTHON3 python3)
if(CD_PYTHON3)
  add_test(NAME editors.helix.config
           COMMAND ${CD_PYTHON3} ${CD_EDITORS_DIR}/helix/languages_toml.py
                   ${PROJECT_SOURCE_DIR}/editors/README.md ${CD_SERVER})
  # 77: a Python without tomllib (before 3.11).
  set_tests_properties(editors.helix.config PROPERTIES TIMEOUT 60 LABELS editors SKIP_RETURN_CODE 77)
else()
  cd_editor_missing(editors.helix.config "Python 3 (python3)")
endif()
