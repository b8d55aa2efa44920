# `copydesk check` with the record: sources from --sources and from .copydesk.json, the JSON
# output's "record" and related entry, and a source that cannot be read. (cd_cli_test: cli.cmake)
set(CD_RECORD_DIR ${PROJECT_SOURCE_DIR}/tests/fixtures/record)
cd_cli_test(cli.record.sources
            ARGS check^^--no-config^^--fail-on^^warning^^--sources^^interview-ruiz.txt^^--sources^^press-release.txt^^dredging.txt
            EXPECT_RC 1 WORKDIR ${CD_RECORD_DIR}
            STDOUT_MATCH "'guarantee' here, 'promise' in interview-ruiz.txt line 14 at 00:02:24.*quote.speaker-mismatch.*quote.not-in-record"
            STDERR_EMPTY)
cd_cli_test(cli.record.config ARGS check^^--fail-on^^warning^^fees.txt EXPECT_RC 1 WORKDIR ${CD_RECORD_DIR}/desk
            STDOUT_MATCH "'guarantee' here, 'promise' in interview-ruiz.txt line 14" STDERR_EMPTY)
cd_cli_test(cli.record.json ARGS check^^--no-config^^--format^^json^^--sources^^interview-ruiz.txt^^dredging.txt
            EXPECT_RC 0 WORKDIR ${CD_RECORD_DIR}
            STDOUT_MATCH "\"record\": {\n +\"path\": \"interview-ruiz.txt\",\n +\"start\": [0-9]+,\n +\"end\": [0-9]+,\n +\"line\": 6,")
cd_cli_test(cli.record.missing ARGS check^^--no-config^^--sources^^nowhere.txt^^dredging.txt EXPECT_RC 0
            WORKDIR ${CD_RECORD_DIR} STDERR_MATCH "nowhere.txt: No such file or directory \\(left out of the record\\)"
            STDOUT_NOMATCH "quote.not-in-record")
