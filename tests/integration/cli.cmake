# `copydesk check` as a user runs it: golden output in both formats, exit statuses, standard input.
# The script is tests/integration/cli/run_check.cmake; golden files are in tests/integration/golden/.
# CD_UPDATE_GOLDEN=1 ctest -R cli.golden rewrites the golden files after an intended change.
set(CD_CLI_DIR ${CMAKE_CURRENT_LIST_DIR})
set(CD_GOLDEN_DIR ${CMAKE_CURRENT_LIST_DIR}/golden)

# cd_cli_test(NAME ARGS a^^b EXPECT_RC n [INPUT file] [GOLDEN file MODE text|json|sarif|rdjson|github|raw]
#             [STDOUT_MATCH re] [STDOUT_NOMATCH re] [STDERR_MATCH re] [STDERR_EMPTY] [STDOUT_EMPTY] [ENV A=1^^B=2] [WORKDIR dir])
function(cd_cli_test name)
  cmake_parse_arguments(T "STDERR_EMPTY;STDOUT_EMPTY" "ARGS;EXPECT_RC;INPUT;GOLDEN;MODE;STDOUT_MATCH;STDOUT_NOMATCH;STDERR_MATCH;ENV;WORKDIR"
                        "" ${ARGN})
  if(NOT T_WORKDIR)
    set(T_WORKDIR ${CD_GOLDEN_DIR})
  endif()
  set(defs -DBINARY=$<TARGET_FILE:copydesk> -DARGS=${T_ARGS} -DWORKDIR=${T_WORKDIR}
           -DEXPECT_RC=${T_EXPECT_RC})
  foreach(opt INPUT GOLDEN MODE STDOUT_MATCH STDOUT_NOMATCH STDERR_MATCH ENV)
    if(DEFINED T_${opt})
      list(APPEND defs "-D${opt}=${T_${opt}}")
    endif()
  endforeach()
  if(T_STDERR_EMPTY)
    list(APPEND defs -DSTDERR_EMPTY=1)
  endif()
  if(T_STDOUT_EMPTY)
    list(APPEND defs -DSTDOUT_EMPTY=1)
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
# A missing file: the error on stderr, nothing on stdout (no "0 files checked"); in JSON, in
# "errors" beside the files that were checked.
cd_cli_test(cli.exit.missing-file ARGS check^^--no-config^^no-such-article.txt EXPECT_RC 2
            STDERR_MATCH "no-such-article\\.txt" STDOUT_EMPTY)
cd_cli_test(cli.missing-file.json ARGS check^^--no-config^^--format^^json^^no-such-article.txt^^ferry.txt EXPECT_RC 2
            GOLDEN ${CD_GOLDEN_DIR}/missing.json MODE json STDERR_MATCH "no-such-article\\.txt")
cd_cli_test(cli.exit.bad-option ARGS check^^--frobnicate^^ferry.txt EXPECT_RC 2 STDERR_MATCH "--frobnicate")
cd_cli_test(cli.exit.did-you-mean ARGS check^^ferry.txt^^--fromat=json EXPECT_RC 2
            STDERR_MATCH "unknown option --fromat \\(did you mean --format\\?\\)")
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

# Options anywhere and --opt=value: the same report as cli.golden.json.
cd_cli_test(cli.options-after-paths ARGS check^^ferry.txt^^--format=json^^--no-config EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.json MODE json STDERR_EMPTY)
cd_cli_test(cli.version ARGS check^^-V EXPECT_RC 0 STDOUT_MATCH "^copydesk [0-9]+\\.[0-9]+\\.[0-9]+\n$")
cd_cli_test(cli.version.top ARGS --version EXPECT_RC 0 STDOUT_MATCH "^copydesk [0-9]+\\.[0-9]+\\.[0-9]+\n$")
# --quiet: the findings only, no summary.
cd_cli_test(cli.quiet ARGS check^^-q^^--no-config^^ferry.txt EXPECT_RC 0
            STDOUT_MATCH "quote\\.unattributed" STDERR_EMPTY GOLDEN ${CD_GOLDEN_DIR}/ferry-quiet.text MODE text)

# Display filter: hints hidden from text by default, shown with --min-severity hint; warnings only
# with --min-severity warning. --fail-on still sees every finding.
cd_cli_test(cli.min-severity.hint ARGS check^^--no-config^^--min-severity=hint^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry-all.text MODE text)
cd_cli_test(cli.min-severity.warning ARGS check^^--no-config^^--min-severity^^warning^^--fail-on^^info^^ferry.txt
            EXPECT_RC 1 GOLDEN ${CD_GOLDEN_DIR}/ferry-warnings.text MODE text)
cd_cli_test(cli.min-severity.bad ARGS check^^--min-severity^^loud^^ferry.txt EXPECT_RC 2 STDERR_MATCH "loud")

# Text output: the source line with a caret under the finding; colour only when asked for (not a
# terminal here), and never with --color=never even when NO_COLOR is unset.
cd_cli_test(cli.text.caret ARGS check^^--no-config^^ferry.txt EXPECT_RC 0
            STDOUT_MATCH "\n +7 \\| \"[^\n]*\n +\\| \\^~+\n")
cd_cli_test(cli.text.color-always ARGS check^^--no-config^^--color=always^^ferry.txt EXPECT_RC 0
            STDOUT_MATCH "\\[1;33mwarning:")
cd_cli_test(cli.text.no-color-by-default ARGS check^^--no-config^^ferry.txt EXPECT_RC 0 STDOUT_NOMATCH "\\[1;33m")
# On a terminal (script(1) gives the program one): colour by default, none with NO_COLOR set.
find_program(CD_SCRIPT script)
if(CD_SCRIPT)
  add_test(NAME cli.text.color-tty
           COMMAND ${CD_SCRIPT} -qec "$<TARGET_FILE:copydesk> check --no-config ferry.txt" /dev/null
           WORKING_DIRECTORY ${CD_GOLDEN_DIR})
  set_tests_properties(cli.text.color-tty PROPERTIES LABELS cli TIMEOUT 60 ENVIRONMENT "NO_COLOR=;TERM=xterm"
                       PASS_REGULAR_EXPRESSION "\\[1;33mwarning:")
  add_test(NAME cli.text.no-color-env
           COMMAND ${CD_SCRIPT} -qec "$<TARGET_FILE:copydesk> check --no-config ferry.txt" /dev/null
           WORKING_DIRECTORY ${CD_GOLDEN_DIR})
  set_tests_properties(cli.text.no-color-env PROPERTIES LABELS cli TIMEOUT 60 ENVIRONMENT "NO_COLOR=1;TERM=xterm"
                       PASS_REGULAR_EXPRESSION "warning: " FAIL_REGULAR_EXPRESSION "\\[1;33m")
endif()
cd_cli_test(cli.text.rule-counts ARGS check^^--no-config^^ferry.txt EXPECT_RC 0
            STDOUT_MATCH "\n +1  claim\\.unattributed\n +1  quote\\.unattributed\n$")

# Machine formats.
cd_cli_test(cli.golden.sarif ARGS check^^--no-config^^--format^^sarif^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.sarif MODE sarif STDERR_EMPTY)
cd_cli_test(cli.sarif.help ARGS check^^--no-config^^--format^^sarif^^ferry.txt EXPECT_RC 0
            STDOUT_MATCH "\"helpUri\": \"[a-z]+:[^\"]*/quote\\.unattributed\\.md\"[^}]*\"help\": {")
cd_cli_test(cli.golden.rdjson ARGS check^^--no-config^^--format^^rdjson^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.rdjson MODE rdjson STDERR_EMPTY)
cd_cli_test(cli.golden.github ARGS check^^--no-config^^--format^^github^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.github MODE github STDERR_EMPTY)

# copydesk sources: the fact-checker's list.
cd_cli_test(cli.sources ARGS sources^^--no-config^^ferry.txt EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/ferry.sources MODE raw STDERR_EMPTY)
cd_cli_test(cli.sources.json ARGS sources^^--no-config^^--format^^json^^ferry.txt EXPECT_RC 0
            STDOUT_MATCH "\"speaker\": null" STDERR_EMPTY)

# Directories: walk/ holds articles, a non-article file, hidden and ignored folders, a
# .copydeskignore with a negation, and a binary file named .txt (skipped with a note).
cd_cli_test(cli.walk ARGS check^^--no-config^^walk EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/walk.text MODE text STDERR_MATCH "walk/scan\\.txt: skipped, a binary file")
cd_cli_test(cli.walk.json ARGS check^^--no-config^^--format=json^^walk EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/walk.json MODE json)
cd_cli_test(cli.walk.glob ARGS check^^--no-config^^-q^^walk/*.md^^walk/sub/*.markdown EXPECT_RC 0
            GOLDEN ${CD_GOLDEN_DIR}/walk-glob.text MODE text STDERR_EMPTY)

# The small commands.
cd_cli_test(cli.rules ARGS rules EXPECT_RC 0 STDOUT_MATCH "quote\\.unattributed +warning")
cd_cli_test(cli.explain ARGS explain^^quote.unattributed EXPECT_RC 0 STDOUT_MATCH "^# quote\\.unattributed\n.*## Silencing")
cd_cli_test(cli.explain.unknown ARGS explain^^quote.nope EXPECT_RC 2 STDERR_MATCH "no rule 'quote\\.nope'")
# copydesk init writes a starter configuration that copydesk reads without a complaint, and
# refuses to overwrite it.
set(CD_INIT_DIR ${CMAKE_BINARY_DIR}/init-test)
add_test(NAME cli.init
         COMMAND sh -c "rm -rf '${CD_INIT_DIR}' && mkdir -p '${CD_INIT_DIR}' && cd '${CD_INIT_DIR}' && \
'$<TARGET_FILE:copydesk>' init && test -s .copydesk.json && \
'$<TARGET_FILE:copydesk>' check --config .copydesk.json '${CD_GOLDEN_DIR}/ferry.txt' && \
! '$<TARGET_FILE:copydesk>' init 2>/dev/null && echo init-ok")
set_tests_properties(cli.init PROPERTIES LABELS cli TIMEOUT 60 PASS_REGULAR_EXPRESSION "init-ok"
                     FAIL_REGULAR_EXPRESSION "configuration error")

# Many files at once: the same output whatever --jobs is, --format jsonl, --stdin-jsonl.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME cli.batch COMMAND ${Python3_EXECUTABLE} ${CD_CLI_DIR}/cli/batch_check.py $<TARGET_FILE:copydesk>
                                  ${CMAKE_SOURCE_DIR}/tests/fixtures)
  set_tests_properties(cli.batch PROPERTIES LABELS cli TIMEOUT 120)
endif()
