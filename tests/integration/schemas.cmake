# SARIF and rdjson output validated against their schemas (tests/integration/schemas/validate.js):
# SARIF 2.1.0 with the OASIS rtm.5 schema as shipped in the npm package @microsoft/jest-sarif,
# rdjson with the schema of @umbrelladocs/rdformat-validator (MIT and Apache-2.0), pinned in the lock file
# and installed by npm, so no schema is copied into this repository.
find_program(CD_NODE node)
find_program(CD_NPM npm)
if(CD_NODE AND CD_NPM)
  add_test(NAME cli.schemas
           COMMAND ${CMAKE_COMMAND} -DNODE=${CD_NODE} -DNPM=${CD_NPM}
                   -DSRC=${CMAKE_CURRENT_LIST_DIR}/schemas -DWORK=${CMAKE_BINARY_DIR}/schema-tests
                   -DBINARY=$<TARGET_FILE:copydesk> -DSCRIPT=validate.js -DARGS=${PROJECT_SOURCE_DIR}
                   -P ${CMAKE_CURRENT_LIST_DIR}/node/run.cmake)
  set_tests_properties(cli.schemas PROPERTIES LABELS cli TIMEOUT 600)
else()
  add_test(NAME cli.schemas COMMAND sh -c "echo 'Node.js with npm is not installed (scripts/install-deps.sh installs it)'; exit 77")
  set_tests_properties(cli.schemas PROPERTIES SKIP_RETURN_CODE 77 LABELS cli)
endif()
