/* The options of `copydesk check` and `copydesk sources`. Options may come before or after the
 * paths, as `--opt VALUE` or `--opt=VALUE`; `--` ends them. */
#ifndef CD_CLI_OPTIONS_H
#define CD_CLI_OPTIONS_H
#include <stdbool.h>

#include "copydesk/analyzer.h"

typedef enum cd_cli_format {
  CD_CLI_TEXT,
  CD_CLI_JSON,
  CD_CLI_SARIF,
  CD_CLI_GITHUB, /* GitHub Actions workflow commands */
  CD_CLI_RDJSON, /* reviewdog's diagnostic format */
  CD_CLI_JSONL   /* one JSON object per file, a line each */
} cd_cli_format;

typedef enum cd_cli_color { CD_CLI_COLOR_AUTO, CD_CLI_COLOR_ALWAYS, CD_CLI_COLOR_NEVER } cd_cli_color;

typedef struct cd_cli_options {
  const char *command; /* "check" or "sources" */
  cd_cli_format format;
  int lang; /* -1 by extension, else cd_format */
  cd_severity fail_on;
  cd_severity min_severity; /* the least severe finding shown; CD_SEVERITY_OFF: the format's default */
  cd_cli_color color;
  bool quiet;
  const char *config_path;
  bool no_config;
  bool stdin_jsonl; /* articles come as {"path", "text"} lines on standard input */
  int jobs;         /* files analysed at once; 0: the number of CPUs */
  const char **paths; /* the paths to check, in order (owned array, borrowed strings) */
  const char **source_globs; /* --sources: files of the record to check quotes against (as paths) */
  int n_source_globs;
  int n_paths;
} cd_cli_options;

/* Parses `COMMAND ARGS...` (argv[0] is the command). Returns -1 to go on, else the exit status
 * to return at once (0 after --help or --version, 2 after a usage error, message on stderr). */
int cd_cli_parse_options(int argc, char **argv, cd_cli_options *o);
void cd_cli_options_free(cd_cli_options *o);

/* The known option closest to `arg` (for "did you mean"), or NULL when none is close. */
const char *cd_cli_suggest_option(const char *arg);

/* The version line, "copydesk X.Y.Z". */
const char *cd_cli_version(void);

#endif
