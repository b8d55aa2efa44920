/* One checked article as every output format sees it: the text, the report, and the line and
 * column of every span a format prints (diagnostics, their related spans, their fixes' edits),
 * derived once in one pass so no format re-derives them. */
#ifndef CD_CLI_CHECKED_FILE_H
#define CD_CLI_CHECKED_FILE_H
#include <stdbool.h>
#include <stddef.h>

#include "copydesk/analyzer.h"
#include "copydesk/record.h"
#include "positions.h"

/* A span with its positions; start/end are clamped to the text and end >= start. */
typedef struct cd_cli_range {
  size_t start, end;
  size_t line, col, end_line, end_col;
} cd_cli_range;

/* The positions of one diagnostic: its span, each related span, and every edit of every fix in
 * order (fix 0's edits, then fix 1's, ...). */
typedef struct cd_cli_diag_pos {
  cd_cli_range span;
  const cd_cli_range *related; /* d->n_related */
  const cd_cli_range *edits;   /* the sum of the fixes' n_edits */
} cd_cli_diag_pos;

typedef struct cd_cli_file {
  const char *path; /* as given ("-": standard input) */
  const char *text;
  size_t len;
  cd_format format;
  const cd_report *report;
  const char *config_file; /* the configuration used; NULL: the defaults */
  const cd_diagnostic *diags;
  size_t n_diags;
  cd_cli_diag_pos *pos; /* n_diags, owned */
  cd_cli_range *ranges; /* storage for pos[].related and pos[].edits, owned */
  cd_text_index index;  /* line starts, owned */
  cd_severity min_severity; /* diagnostics below it are not shown (the driver sets it) */
  const cd_record_source *const *record; /* the sources the quotes were checked against (borrowed) */
  size_t n_record;
} cd_cli_file;

/* Whether diagnostic i is shown (at or above min_severity). */
static inline bool cd_cli_file_shows(const cd_cli_file *f, size_t i) {
  return f->diags[i].severity >= f->min_severity;
}

/* The line holding byte offset `off`: its start and end (before the newline), byte offsets. */
void cd_cli_file_line(const cd_cli_file *f, size_t off, size_t *start, size_t *end);

/* Fills `f` (borrowing path, text, report and config_file) and derives the positions.
 * False when out of memory (then nothing needs freeing). */
bool cd_cli_file_init(cd_cli_file *f, const char *path, const char *text, size_t len, cd_format format,
                      const cd_report *report, const char *config_file);
void cd_cli_file_free(cd_cli_file *f);

/* The range of any span of the file (for spans not derived above, e.g. quotes). */
cd_cli_range cd_cli_file_range(cd_cli_file *f, cd_span span);

#endif
