/* SARIF 2.1.0 output for `copydesk check --format sarif`: one run, the rule table from cd_rules(),
 * one result per diagnostic. Regions carry 1-based lines and columns counted in Unicode code points
 * (run.columnKind "unicodeCodePoints"; an invalid UTF-8 byte counts as one) and the byte offset and
 * length of the span. Levels: error -> "error", warning -> "warning", info and hint -> "note" (the
 * copydesk severity is kept in result.properties.copydeskSeverity). Relative paths are relative to
 * %SRCROOT%, the current directory. Configuration problems are
 * invocations[0].toolConfigurationNotifications. */
#ifndef CD_CLI_SARIF_H
#define CD_CLI_SARIF_H
#include <jansson.h>

#include "cli_output.h"
#include "config_json.h"

/* A new SARIF log with the tool and its rules and no results; NULL when out of memory. */
json_t *cd_sarif_new(void);
/* Adds the file as an artifact and its diagnostics as results. */
void cd_sarif_add_file(json_t *log, const cd_checked_file *f);
/* Records a configuration problem (a notification, level "error"). */
void cd_sarif_add_config_error(json_t *log, const cd_config_error *error);
/* Records a file that could not be read (a notification, level "error"). */
void cd_sarif_add_tool_error(json_t *log, const char *path, const char *message);
/* Sets invocations[0].executionSuccessful. */
void cd_sarif_finish(json_t *log, bool successful);

/* The URI SARIF gets for a path: percent-encoded, relative paths kept relative, absolute ones
 * as file:// URIs, "-" as "stdin". New string (free()), NULL when out of memory. */
char *cd_sarif_uri(const char *path);

#endif
