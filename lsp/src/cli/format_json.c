/* JSON output: one document, {"files": [...], "summary": {...}, "configuration_errors": [...]},
 * described in the README; a public interface, changed only by adding fields. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"

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
    size_t n = cd_char_len(text, end, i);
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

static json_t *quotes_json(const cd_cli_file *f) {
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

static json_t *diagnostics_json(const cd_cli_file *f) {
  size_t n = f->n_diags;
  const cd_diagnostic *d = f->diags;
  json_t *arr = json_array();
  for (size_t i = 0; i < n; i++) {
    if (!cd_cli_file_shows(f, i)) continue;
    const cd_cli_range *p = &f->pos[i].span;
    json_t *o = json_object();
    json_object_set_new(o, "code", json_string(d[i].code));
    json_object_set_new(o, "severity", json_string(cd_severity_name(d[i].severity)));
    json_object_set_new(o, "start", json_integer((json_int_t)d[i].span.start));
    json_object_set_new(o, "end", json_integer((json_int_t)d[i].span.end));
    json_object_set_new(o, "line", json_integer((json_int_t)p->line));
    json_object_set_new(o, "column", json_integer((json_int_t)p->col));
    json_object_set_new(o, "end_line", json_integer((json_int_t)p->end_line));
    json_object_set_new(o, "end_column", json_integer((json_int_t)p->end_col));
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
  return arr;
}

static json_t *entities_json(const cd_cli_file *f) {
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

static json_t *file_json(const cd_cli_file *f) {
  json_t *o = json_object();
  json_object_set_new(o, "path", json_string(f->path));
  json_object_set_new(o, "format", json_string(f->format == CD_FORMAT_MARKDOWN ? "markdown" : "plaintext"));
  json_object_set_new(o, "quotes", quotes_json(f));
  json_object_set_new(o, "diagnostics", diagnostics_json(f));
  json_object_set_new(o, "entities", entities_json(f));
  json_object_set_new(o, "config", str_or_null(f->config_file));
  return o;
}

typedef struct json_output {
  cd_cli_output base;
  json_t *files, *config_errors, *errors, *skipped;
} json_output;

static void json_config_error(cd_cli_output *o, const cd_config_error *e) {
  json_output *j = (json_output *)o;
  json_t *err = json_pack("{s:s, s:s, s:s?, s:s}", "message", e->message, "detail", e->detail, "file", e->file,
                          "pointer", e->pointer);
  if (err && e->line > 0) {
    json_object_set_new(err, "line", json_integer(e->line));
    json_object_set_new(err, "column", json_integer(e->column));
  }
  json_array_append_new(j->config_errors, err);
}

static void json_file(cd_cli_output *o, cd_cli_file *f) {
  json_output *j = (json_output *)o;
  json_array_append_new(j->files, file_json(f));
}

static void json_file_error(cd_cli_output *o, const char *path, const char *message) {
  json_array_append_new(((json_output *)o)->errors, json_pack("{s:s, s:s}", "path", path, "message", message));
}

static void json_skipped(cd_cli_output *o, const char *path, const char *reason) {
  json_array_append_new(((json_output *)o)->skipped, json_pack("{s:s, s:s}", "path", path, "reason", reason));
}

static void json_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)successful;
  json_output *j = (json_output *)o;
  const size_t *c = t->counts;
  json_t *summary = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "files", (json_int_t)t->files, "quotes",
                              (json_int_t)t->quotes, "unattributed", (json_int_t)t->unattributed, "errors",
                              (json_int_t)c[CD_SEVERITY_ERROR], "warnings", (json_int_t)c[CD_SEVERITY_WARNING],
                              "infos", (json_int_t)c[CD_SEVERITY_INFO], "hints", (json_int_t)c[CD_SEVERITY_HINT]);
  if (summary) {
    json_object_set_new(summary, "file_errors", json_integer((json_int_t)t->file_errors));
    json_object_set_new(summary, "skipped", json_integer((json_int_t)t->skipped));
  }
  json_t *doc = json_pack("{s:O, s:o, s:O, s:O, s:O}", "files", j->files, "summary", summary, "configuration_errors",
                          j->config_errors, "errors", j->errors, "skipped", j->skipped);
  if (doc) {
    json_dumpf(doc, o->out, JSON_INDENT(1));
    fputc('\n', o->out);
  }
  json_decref(doc);
}

static void json_free(cd_cli_output *o) {
  json_output *j = (json_output *)o;
  json_decref(j->files);
  json_decref(j->config_errors);
  json_decref(j->errors);
  json_decref(j->skipped);
  free(j);
}

cd_cli_output *cd_cli_json_output(FILE *out, const cd_cli_options *opt) {
  (void)opt;
  json_output *j = calloc(1, sizeof *j);
  if (!j) return NULL;
  j->base = (cd_cli_output){out, json_config_error, json_file, json_file_error, json_skipped, json_finish, json_free};
  j->files = json_array();
  j->config_errors = json_array();
  j->errors = json_array();
  j->skipped = json_array();
  if (!j->files || !j->config_errors || !j->errors || !j->skipped) {
    json_free(&j->base);
    return NULL;
  }
  return &j->base;
}
