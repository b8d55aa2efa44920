# `copydesk check` as a user runs it: golden output in both formats, exit statuses, standard input.
# The script is tests/integration/cli/run_check.cmake; golden files are in tests/integration/golden/.
# CD_UPDATE_GOLDEN=1 ctest -R cli.golden rewrites the golden files after an intended change.
set(CD_CLI_DIR ${CMAKE_CURRENT_LIST_DIR})
set(CD_GOLDEN_DIR ${CMAKE_CURRENT_LIST_DIR}/golden)

# cd_cli_test(NAME ARGS a^^b EXPECT_RC n [INPUT file] [GOLDEN file MODE text|json]
#             [STDOUT_MATCH re] [STDERR_MATCH re] [STDERR_EMPTY])
function(cd_cli_test name)
  cmake_parse_arguments(T "STDERR_EMPTY" "ARGS;EXPECT_RC;INPUT;GOLDEN;MODE;STDOUT_MATCH;STDERR_MATCH" "" ${ARGN})
  set(defs -DBINARY=$<TARGET_FILE:copydesk> -DARGS=${T_ARGS} -DWORKDIR=${CD_GOLDEN_DIR}
           -DEXPECT_RC=${T_EXPECT_RC})
  foreach(opt INPUT GOLDEN MODE STDOUT_MATCH STDERR_MATCH)
    if(DEFINED T_${opt})
      list(APPEND defs "-D${opt}=${T_${opt}}")
    endif()
  endforeach()
  if(T_STDERR_EMPTY)
    list(APPEND defs -DSTDERR_EMPTY=1)
  endif()
  add_test(NAME ${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${CD_CLI_DIR}/cli/run_check.cmake)
  set_tests_properties(${name} PROPERTIES LABELS cli TIMEOUT 60)
endfunction()

# Golden output. Findings are warnings at most, so the default --fail-on error exits 0.
cd_cli_test(cli.golden.text ARGS check^^--no-config^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.text MODE text STDERR_EMPTY)
cd_cli_test(cli.golden.json ARGS check^^--no-config^^--format^^json^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.json MODE json STDERR_EMPTY)
# Standard input: "-" reads the article, reported under the path "-"; --lang picks the format.
cd_cli_test(cli.stdin ARGS check^^--no-config^^--lang^^plaintext^^- EXPECT_RC 0
            INPUT ${CD_GOLDEN_DIR}/ferry.txt GOLDEN ${CD_GOLDEN_DIR}/ferry-stdin.text MODE text)

# Exit statuses: 0 clean or below --fail-on, 1 findings at or above it, 2 usage or I/O errors.
cd_cli_test(cli.exit.fail-on-warning ARGS check^^--no-config^^--fail-on^^warning^^ferry.txt EXPECT_RC 1
            STDOUT_MATCH "\\[quote\\.unattributed\\]")
cd_cli_test(cli.exit.fail-on-error ARGS check^^--no-config^^--fail-on^^error^^ferry.txt EXPECT_RC 0)
cd_cli_test(cli.exit.missing-file ARGS check^^--no-config^^no-such-article.txt EXPECT_RC 2
            STDERR_MATCH "no-such-article\\.txt")
cd_cli_test(cli.exit.directory ARGS check^^--no-config^^. EXPECT_RC 2 STDERR_MATCH "directory")
cd_cli_test(cli.exit.bad-option ARGS check^^--frobnicate^^ferry.txt EXPECT_RC 2 STDERR_MATCH "--frobnicate")
cd_cli_test(cli.exit.bad-format ARGS check^^--format^^yaml^^ferry.txt EXPECT_RC 2 STDERR_MATCH "yaml")
cd_cli_test(cli.exit.bad-fail-on ARGS check^^--fail-on^^sometimes^^ferry.txt EXPECT_RC 2 STDERR_MATCH "sometimes")
cd_cli_test(cli.exit.no-files ARGS check EXPECT_RC 2 STDERR_MATCH "usage")

# The README's first command: the example article checks with exit status 0 and shows each kind of
# problem it was written to have, in text order.
add_test(NAME cli.example
         COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:copydesk> -DARGS=check^^--no-config^^examples/article.md
                 -DWORKDIR=${PROJECT_SOURCE_DIR} -DEXPECT_RC=0
                 "-DSTDOUT_MATCH=claim\\.unattributed.*name\\.variant.*name\\.spelling.*quote\\.unattributed.*1 file checked: [0-9]+ quotes \\(1 unattributed\\)"
                 -P ${CD_CLI_DIR}/cli/run_check.cmake)
set_tests_properties(cli.example PROPERTIES LABELS cli TIMEOUT 60)

# Many files at once: the same output whatever --jobs is, --format jsonl, --stdin-jsonl.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME cli.batch COMMAND ${Python3_EXECUTABLE} ${CD_CLI_DIR}/cli/batch_check.py $<TARGET_FILE:copydesk>
                                  ${CMAKE_SOURCE_DIR}/tests/fixtures)
  set_tests_properties(cli.batch PROPERTIES LABELS cli TIMEOUT 120)
endif()
