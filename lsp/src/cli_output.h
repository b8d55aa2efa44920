/* Rendering one checked file for the CLI: text lines or a JSON object. */
#ifndef CD_CLI_OUTPUT_H
#define CD_CLI_OUTPUT_H
#include <jansson.h>
#include <stdio.h>

#include "copydesk/analyzer.h"

typedef struct cd_checked_file {
  const char *path;
  const char *text;
  size_t len;
  cd_format format;
  const cd_report *report;
} cd_checked_file;

/* 1-based line and column (in characters) of a byte offset; `hint` speeds up calls in
 * increasing offset order (pass the same struct each time, zeroed at first). */
typedef struct cd_linecol_cursor {
  size_t off, line, col;
} cd_linecol_cursor;
void cd_linecol(const char *text, size_t len, size_t off, cd_linecol_cursor *cur, size_t *line, size_t *col);

/* The same for offsets in any order: line starts found once, then a binary search and a count
 * within the line (from the last answer when it is earlier on the same line). */
typedef struct cd_text_index {
  const char *text;
  size_t len;
  size_t *starts; /* byte offset of each line's start; NULL when out of memory (then cd_linecol) */
  size_t n;
  size_t last_off, last_line, last_col; /* last_line 0: none */
} cd_text_index;
void cd_text_index_init(cd_text_index *ix, const char *text, size_t len);
void cd_text_index_free(cd_text_index *ix);
void cd_text_index_pos(cd_text_index *ix, size_t off, size_t *line, size_t *col);

/* `path:line:col: severity: message [code]` for every diagnostic. */
void cd_print_text(FILE *out, const cd_checked_file *f);
/* The file's JSON object (new reference): path, quotes, diagnostics, entities. */
json_t *cd_file_json(const cd_checked_file *f);

#endif
