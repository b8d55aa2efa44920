/* The options of `copydesk check`. */
#ifndef CD_CLI_OPTIONS_H
#define CD_CLI_OPTIONS_H
#include <stdbool.h>

#include "copydesk/analyzer.h"

typedef enum cd_cli_format { CD_CLI_TEXT, CD_CLI_JSON, CD_CLI_SARIF } cd_cli_format;

typedef struct cd_cli_options {
  cd_cli_format format;
  int lang; /* -1 by extension, else cd_format */
  cd_severity fail_on;
  const char *config_path;
  bool no_config;
  const char **paths; /* the paths to check, in order (owned array, borrowed strings) */
  int n_paths;
} cd_cli_options;

/* Parses `check ARGS...` (argv[0] is "check"). Returns -1 to go on checking, else the exit
 * status to return at once (0 after --help, 2 after a usage error, message on stderr). */
int cd_cli_parse_options(int argc, char **argv, cd_cli_options *o);
void cd_cli_options_free(cd_cli_options *o);

#endif
