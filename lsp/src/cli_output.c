#include "cli_output.h"

#include <stdlib.h>
#include <string.h>

/* Characters are counted as code points; an invalid byte is one character. */
static size_t char_len(const char *s, size_t len, size_t i) {
  unsigned char c = (unsigned char)s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > len) return 1;
  for (size_t k = 1; k < n; k++)
    if (((unsigned char)s[i + k] & 0xC0) != 0x80) return 1;
  return n;
}

void cd_linecol(const char *text, size_t len, size_t off, cd_linecol_cursor *cur, size_t *line, size_t *col) {
  if (off > len) off = len;
  if (cur->line == 0 || off < cur->off) {
    cur->off = 0;
    cur->line = 1;
    cur->col = 1;
  }
  while (cur->off < off) {
    if (text[cur->off] == '\n') {
      cur->line++;
      cur->col = 1;
      cur->off++;
    } else {
      cur->off += char_len(text, len, cur->off);
      cur->col++;
    }
  }
  *line = cur->line;
  *col = cur->col;
}

void cd_text_index_init(cd_text_index *ix, const char *text, size_t len) {
  memset(ix, 0, sizeof *ix);
  ix->text = text;
  ix->len = len;
  size_t n = 1;
  for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++) n++;
  ix->starts = malloc(n * sizeof *ix->starts);
  if (!ix->starts) return;
  ix->starts[0] = 0;
  ix->n = 1;
  for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))) != NULL; p++)
    ix->starts[ix->n++] = (size_t)(p - text) + 1;
}

void cd_text_index_free(cd_text_index *ix) {
  free(ix->starts);
  ix->starts = NULL;
}

void cd_text_index_pos(cd_text_index *ix, size_t off, size_t *line, size_t *col) {
  if (off > ix->len) off = ix->len;
  if (!ix->starts) {
    cd_linecol_cursor cur = {0};
    cd_linecol(ix->text, ix->len, off, &cur, line, col);
    return;
  }
  size_t lo = 0, hi = ix->n; /* the last line starting at or before off */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->starts[mid] <= off) lo = mid + 1;
    else hi = mid;
  }
  size_t l = lo - 1, pos = ix->starts[l], c = 1;
  if (ix->last_line == l + 1 && ix->last_off <= off && ix->last_off >= pos) {
    pos = ix->last_off;
    c = ix->last_col;
  }
  while (pos < off) {
    pos += char_len(ix->text, ix->len, pos);
    c++;
  }
  ix->last_off = pos; /* a character boundary (off may fall inside a character) */
  ix->last_line = l + 1;
  ix->last_col = c;
  *line = l + 1;
  *col = c;
}

void cd_print_text(FILE *out, const cd_checked_file *f) {
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(f->report, &n);
  cd_linecol_cursor cur = {0};
  for (size_t i = 0; i < n; i++) {
    size_t line, col;
    cd_linecol(f->text, f->len, d[i].span.start, &cur, &line, &col);
    fprintf(out, "%s:%zu:%zu: %s: %s [%s]\n", f->path, line, col, cd_severity_name(d[i].severity), d[i].message,
            d[i].code);
  }
}

static json_t *offset_or_null(size_t off) { return off == CD_NONE ? json_null() : json_integer((json_int_t)off); }

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* json_stringn rejects invalid UTF-8: such bytes are replaced so the output stays valid JSON. */
static json_t *text_slice(const char *text, size_t start, size_t end) {
  json_t *j = json_stringn(text + start, end - start);
  if (j) return j;
  char *buf = malloc((end - start) * 3 + 1);
  size_t k = 0;
  if (!buf) return json_null();
  for (size_t i = start; i < end;) {
    size_t n = char_len(text, end, i);
    if (n == 1 && (unsigned char)text[i] >= 0x80) {
      memcpy(buf + k, "\xEF\xBF\xBD", 3);
      k += 3;
    } else {
      memcpy(buf + k, text + i, n);
      k += n;
    }
    i += n;
  }
  j = json_stringn(buf, k);
  free(buf);
  return j ? j : json_null();
}

static json_t *quotes_json(const cd_checked_file *f) {
  size_t n;
  const cd_quote *q = cd_report_quotes(f->report, &n);
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *o = json_object();
    json_object_set_new(o, "start", json_integer((json_int_t)q[i].span.start));
    json_object_set_new(o, "end", json_integer((json_int_t)q[i].span.end));
    json_object_set_new(o, "text", text_slice(f->text, q[i].inner.start, q[i].inner.end));
    json_object_set_new(o, "kind", json_string(cd_quote_kind_name(q[i].kind)));
    json_object_set_new(o, "speaker", str_or_null(q[i].speaker));
    json_object_set_new(o, "speaker_start", offset_or_null(q[i].speaker_span.start));
    json_object_set_new(o, "speaker_end", offset_or_null(q[i].speaker_span.end));
    json_object_set_new(o, "cue", str_or_null(q[i].cue));
    json_object_set_new(o, "method", json_string(cd_attribution_method_name(q[i].method)));
    json_object_set_new(o, "evidence", json_string(q[i].evidence));
    json_object_set_new(o, "partial", json_boolean(q[i].partial));
    json_object_set_new(o, "headline", json_boolean(q[i].headline));
    json_object_set_new(o, "closed", json_boolean(q[i].closed));
    json_object_set_new(o, "level", json_integer(q[i].level));
    json_object_set_new(o, "entity", offset_or_null(q[i].entity));
    json_array_append_new(arr, o);
  }
  return arr;
}

static json_t *diagnostics_json(const cd_checked_file *f) {
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(f->report, &n);
  json_t *arr = json_array();
  cd_text_index ix;
  cd_text_index_init(&ix, f->text, f->len);
  for (size_t i = 0; i < n; i++) {
    size_t line, col, eline, ecol;
    cd_text_index_pos(&ix, d[i].span.start, &line, &col);
    cd_text_index_pos(&ix, d[i].span.end, &eline, &ecol);
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(d[i].code));
    json_object_set_new(o, "severity", json_string(cd_severity_name(d[i].severity)));
    json_object_set_new(o, "start", json_integer((json_int_t)d[i].span.start));
    json_object_set_new(o, "end", json_integer((json_int_t)d[i].span.end));
    json_object_set_new(o, "line", json_integer((json_int_t)line));
    json_object_set_new(o, "column", json_integer((json_int_t)col));
    json_object_set_new(o, "end_line", json_integer((json_int_t)eline));
    json_object_set_new(o, "end_column", json_integer((json_int_t)ecol));
    json_object_set_new(o, "message", json_string(d[i].message));
    json_t *rel = json_array();
    for (size_t k = 0; k < d[i].n_related; k++) {
      json_t *r = json_object();
      json_object_set_new(r, "start", json_integer((json_int_t)d[i].related[k].span.start));
      json_object_set_new(r, "end", json_integer((json_int_t)d[i].related[k].span.end));
      json_object_set_new(r, "message", json_string(d[i].related[k].message));
      json_array_append_new(rel, r);
    }
    json_object_set_new(o, "related", rel);
    json_t *fixes = json_array();
    for (size_t k = 0; k < d[i].n_fixes; k++) {
      json_t *fx = json_object(), *edits = json_array();
      json_object_set_new(fx, "title", json_string(d[i].fixes[k].title));
      for (size_t e = 0; e < d[i].fixes[k].n_edits; e++) {
        const cd_edit *ed = &d[i].fixes[k].edits[e];
        json_t *eo = json_object();
        json_object_set_new(eo, "start", json_integer((json_int_t)ed->span.start));
        json_object_set_new(eo, "end", json_integer((json_int_t)ed->span.end));
        json_object_set_new(eo, "new_text", json_string(ed->new_text));
        json_array_append_new(edits, eo);
      }
      json_object_set_new(fx, "edits", edits);
      json_array_append_new(fixes, fx);
    }
    json_object_set_new(o, "fixes", fixes);
    json_array_append_new(arr, o);
  }
  cd_text_index_free(&ix);
  return arr;
}

static json_t *entities_json(const cd_checked_file *f) {
  size_t n;
  const cd_entity *e = cd_report_entities(f->report, &n);
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *o = json_object(), *ms = json_array();
    json_object_set_new(o, "name", json_string(e[i].name));
    json_object_set_new(o, "kind", json_string(cd_entity_kind_name(e[i].kind)));
    for (size_t k = 0; k < e[i].n_mentions; k++) {
      json_t *m = json_object();
      json_object_set_new(m, "start", json_integer((json_int_t)e[i].mentions[k].span.start));
      json_object_set_new(m, "end", json_integer((json_int_t)e[i].mentions[k].span.end));
      json_object_set_new(m, "text", text_slice(f->text, e[i].mentions[k].span.start, e[i].mentions[k].span.end));
      json_object_set_new(m, "in_quote", json_boolean(e[i].mentions[k].in_quote));
      json_object_set_new(m, "headline", json_boolean(e[i].mentions[k].headline));
      json_array_append_new(ms, m);
    }
    json_object_set_new(o, "mentions", ms);
    json_array_append_new(arr, o);
  }
  return arr;
}

json_t *cd_file_json(const cd_checked_file *f) {
  json_t *o = json_object();
  json_object_set_new(o, "path", json_string(f->path));
  json_object_set_new(o, "format", json_string(f->format == CD_FORMAT_MARKDOWN ? "markdown" : "plaintext"));
  json_object_set_new(o, "quotes", quotes_json(f));
  json_object_set_new(o, "diagnostics", diagnostics_json(f));
  json_object_set_new(o, "entities", entities_json(f));
  return o;
}
