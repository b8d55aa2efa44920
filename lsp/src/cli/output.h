/* The output formats of `copydesk check`. The driver feeds every format the same events in
 * order: each configuration problem, each checked file, each file that could not be read, then
 * the totals; a format writes each file as it comes (the JSON document too: its last arrays are
 * kept and written at the end). */
#ifndef CD_CLI_OUTPUT_H
#define CD_CLI_OUTPUT_H
#include <stdbool.h>
#include <stdio.h>

#include "checked_file.h"
#include "config_json.h"
#include "options.h"

/* Counts over every checked file. */
typedef struct cd_cli_totals {
  size_t files, quotes, unattributed; /* quotes: speech quotes */
  size_t counts[CD_SEVERITY_ERROR + 1]; /* diagnostics per severity, shown or not */
  size_t file_errors, skipped;          /* paths that could not be read; binary files skipped */
} cd_cli_totals;

typedef struct cd_cli_output cd_cli_output;
struct cd_cli_output {
  FILE *out;
  void (*config_error)(cd_cli_output *o, const cd_config_error *e);
  void (*file)(cd_cli_output *o, cd_cli_file *f);
  /* A path that could not be checked; `message` says why (strerror text or similar). */
  void (*file_error)(cd_cli_output *o, const char *path, const char *message);
  /* A file not checked on purpose (a binary file); `reason` says why. */
  void (*skipped)(cd_cli_output *o, const char *path, const char *reason);
  /* Writes what remains; `successful`: no usage, I/O or configuration error. */
  void (*finish)(cd_cli_output *o, const cd_cli_totals *t, bool successful);
  void (*free)(cd_cli_output *o);
};

/* Each returns NULL when out of memory. The options are borrowed for the output's life. */
cd_cli_output *cd_cli_text_output(FILE *out, const cd_cli_options *opt);
cd_cli_output *cd_cli_json_output(FILE *out, const cd_cli_options *opt);
/* One line per path: the json format's file object, or {"path", "error"|"skipped"}. */
cd_cli_output *cd_cli_jsonl_output(FILE *out, const cd_cli_options *opt);
cd_cli_output *cd_cli_sarif_output(FILE *out, const cd_cli_options *opt);
cd_cli_output *cd_cli_github_output(FILE *out, const cd_cli_options *opt);
cd_cli_output *cd_cli_rdjson_output(FILE *out, const cd_cli_options *opt);
/* `copydesk sources`: the quotes and their speakers, as text or JSON. */
cd_cli_output *cd_cli_sources_text_output(FILE *out, const cd_cli_options *opt);
cd_cli_output *cd_cli_sources_json_output(FILE *out, const cd_cli_options *opt);

/* The least severe finding a format shows: --min-severity, else info for the formats people read
 * (text, github) and hint (everything) for the machine formats. */
cd_severity cd_cli_min_severity(const cd_cli_options *opt);

/* Does nothing: for the events a format has no use for. */
void cd_cli_ignore_event(cd_cli_output *o, const char *path, const char *message);

#endif
