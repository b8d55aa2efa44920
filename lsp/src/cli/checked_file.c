#include "checked_file.h"

#include <stdlib.h>
#include <string.h>

cd_cli_range cd_cli_file_range(cd_cli_file *f, cd_span span) {
  cd_cli_range r;
  r.start = span.start > f->len ? f->len : span.start;
  r.end = span.end > f->len ? f->len : span.end < r.start ? r.start : span.end;
  cd_text_index_pos(&f->index, r.start, &r.line, &r.col);
  cd_text_index_pos(&f->index, r.end, &r.end_line, &r.end_col);
  return r;
}

bool cd_cli_file_init(cd_cli_file *f, const char *path, const char *text, size_t len, cd_format format,
                      const cd_report *report, const char *config_file) {
  memset(f, 0, sizeof *f);
  f->path = path;
  f->text = text;
  f->len = len;
  f->format = format;
  f->report = report;
  f->config_file = config_file;
  f->diags = cd_report_diagnostics(report, &f->n_diags);
  size_t extra = 0;
  for (size_t i = 0; i < f->n_diags; i++) {
    extra += f->diags[i].n_related;
    for (size_t k = 0; k < f->diags[i].n_fixes; k++) extra += f->diags[i].fixes[k].n_edits;
  }
  f->pos = calloc(f->n_diags ? f->n_diags : 1, sizeof *f->pos);
  f->ranges = calloc(extra ? extra : 1, sizeof *f->ranges);
  if (!f->pos || !f->ranges) {
    free(f->pos);
    free(f->ranges);
    return false;
  }
  cd_text_index_init(&f->index, text, len);
  cd_cli_range *next = f->ranges;
  for (size_t i = 0; i < f->n_diags; i++) {
    const cd_diagnostic *d = &f->diags[i];
    f->pos[i].span = cd_cli_file_range(f, d->span);
    f->pos[i].related = next;
    for (size_t k = 0; k < d->n_related; k++) *next++ = cd_cli_file_range(f, d->related[k].span);
    f->pos[i].edits = next;
    for (size_t k = 0; k < d->n_fixes; k++)
      for (size_t e = 0; e < d->fixes[k].n_edits; e++) *next++ = cd_cli_file_range(f, d->fixes[k].edits[e].span);
  }
  return true;
}

void cd_cli_file_free(cd_cli_file *f) {
  free(f->pos);
  free(f->ranges);
  cd_text_index_free(&f->index);
}

void cd_cli_file_line(const cd_cli_file *f, size_t off, size_t *start, size_t *end) {
  if (off > f->len) off = f->len;
  size_t a = off, b = off;
  if (f->index.starts) { /* the line starts, not a scan: an article on one line has many findings */
    size_t l = cd_text_index_line(&f->index, off);
    a = f->index.starts[l];
    b = l + 1 < f->index.n ? f->index.starts[l + 1] - 1 : f->len;
  } else {
    while (a > 0 && f->text[a - 1] != '\n') a--;
    while (b < f->len && f->text[b] != '\n') b++;
  }
  if (b > a && f->text[b - 1] == '\r') b--;
  *start = a;
  *end = b;
}
