/* The record passage of a quote with its positions (record_ref.h). The analyzer gives the line of
 * the passage's start; columns are counted here on that line only, so a long source is never
 * scanned again. */
#include "record_ref.h"

#include <stdio.h>
#include <string.h>

#include "positions.h"
#include "record_files.h"

/* Line and column of `off`, knowing the line of `from` (<= off). */
static void advance(const char *text, size_t len, size_t from, size_t from_line, size_t off, size_t *line,
                    size_t *col) {
  size_t l = from_line, start = from;
  while (start > 0 && text[start - 1] != '\n') start--;
  for (size_t i = from; i < off && i < len; i++)
    if (text[i] == '\n') {
      l++;
      start = i + 1;
    }
  size_t c = 1;
  for (size_t i = start; i < off && i < len; i += cd_char_len(text, len, i)) c++;
  *line = l;
  *col = c;
}

bool cd_cli_record_ref_of(const cd_cli_file *f, size_t quote, cd_cli_record_ref *out) {
  const cd_record_match *m = quote == CD_NONE ? NULL : cd_report_record_match(f->report, quote);
  if (!m || m->source >= f->n_record) return false;
  size_t len;
  const char *text = cd_record_source_text(f->record[m->source], &len);
  if (m->passage.end > len || m->passage.start > m->passage.end) return false;
  out->match = m;
  out->path = m->source_name;
  cd_cli_range *r = &out->range;
  r->start = m->passage.start;
  r->end = m->passage.end;
  advance(text, len, m->passage.start, m->line, m->passage.start, &r->line, &r->col);
  advance(text, len, m->passage.start, m->line, m->passage.end, &r->end_line, &r->end_col);
  cd_record_match_label(m, out->message, sizeof out->message);
  return true;
}
