# The Node LSP client test: Microsoft's vscode-jsonrpc / vscode-languageserver-protocol
# (pinned in node/package-lock.json, installed by node/run.cmake) against the real binary.
find_program(CD_NODE node)
find_program(CD_NPM npm)
if(CD_NODE AND CD_NPM)
  add_test(NAME server_node_client
           COMMAND ${CMAKE_COMMAND} -DNODE=${CD_NODE} -DNPM=${CD_NPM}
                   -DSRC=${CMAKE_CURRENT_LIST_DIR}/node -DWORK=${CMAKE_BINARY_DIR}/node-client
                   -DBINARY=$<TARGET_FILE:copydesk> -P ${CMAKE_CURRENT_LIST_DIR}/node/run.cmake)
  set_tests_properties(server_node_client PROPERTIES TIMEOUT 600)
else()
  message(WARNING "node or npm not found: the Node LSP client test (server_node_client) is not registered")
endif()
