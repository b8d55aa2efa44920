/* The output formats of `copydesk check`. The driver feeds every format the same events in
 * order: each configuration problem, each checked file, each file that could not be read, then
 * the totals; a format writes as it goes (text) or at the end (one JSON document). */
#ifndef CD_CLI_OUTPUT_H
#define CD_CLI_OUTPUT_H
#include <stdbool.h>
#include <stdio.h>

#include "checked_file.h"
#include "config_json.h"

/* Counts over every checked file. */
typedef struct cd_cli_totals {
  size_t files, quotes, unattributed; /* quotes: speech quotes */
  size_t counts[CD_SEVERITY_ERROR + 1]; /* diagnostics per severity */
} cd_cli_totals;

typedef struct cd_cli_output cd_cli_output;
struct cd_cli_output {
  FILE *out;
  void (*config_error)(cd_cli_output *o, const cd_config_error *e);
  void (*file)(cd_cli_output *o, cd_cli_file *f);
  /* A path that could not be checked; `message` says why (strerror text or similar). */
  void (*file_error)(cd_cli_output *o, const char *path, const char *message);
  /* Writes what remains; `successful`: no usage, I/O or configuration error. */
  void (*finish)(cd_cli_output *o, const cd_cli_totals *t, bool successful);
  void (*free)(cd_cli_output *o);
};

/* Each returns NULL when out of memory. */
cd_cli_output *cd_cli_text_output(FILE *out);
cd_cli_output *cd_cli_json_output(FILE *out);
cd_cli_output *cd_cli_sarif_output(FILE *out);

#endif
