# The archive audit example (examples/archive/audit.py) on a local Dask cluster, 2,000 generated
# articles. Run with Debian's interpreter, for which python3-distributed is installed (another
# python3 may come first on PATH); skipped (exit 77) where the module is missing.
find_program(CD_SYSTEM_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT CD_SYSTEM_PYTHON3)
  find_package(Python3 COMPONENTS Interpreter)
  set(CD_SYSTEM_PYTHON3 ${Python3_EXECUTABLE})
endif()
if(CD_SYSTEM_PYTHON3)
  add_test(NAME archive.audit
           COMMAND ${CD_SYSTEM_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/archive_audit.py $<TARGET_FILE:copydesk>
                   ${CMAKE_SOURCE_DIR}/examples/archive/audit.py ${CMAKE_CURRENT_BINARY_DIR}/archive_audit)
  set_tests_properties(archive.audit PROPERTIES LABELS archive TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
