/* JSON output, written directly and one file at a time (nothing of a file is kept once it is
 * written):
 * - json: one document, {"files": [...], "summary": {...}, "configuration_errors": [...],
 *   "errors": [...], "skipped": [...]}, described in the README; a public interface, changed only by adding fields. Its layout is
 *   jansson's JSON_INDENT(1), the writer it was first produced with (json_emit.h).
 * - jsonl: one line per path, the same file object on one line, {"path", "error"} for a path
 *   that could not be checked, or {"path", "skipped"} for a file not checked on purpose; nothing
 *   else (configuration problems go to stderr). */
#include <stdlib.h>
#include <string.h>

#include "json_emit.h"
#include "output.h"
#include "record_ref.h"

/* A slice of the article as a string. Bytes that are not UTF-8 become U+FFFD, character by
 * character; if that still is not valid (a surrogate, an overlong form), null. */
static void text_slice(cd_je *e, const char *text, size_t start, size_t end) {
  if (cd_je_strn_valid(e, text + start, end - start)) return;
  char *buf = malloc((end - start) * 3 + 1);
  size_t k = 0;
  if (!buf) {
    cd_je_null(e);
    return;
  }
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
  if (cd_je_utf8_ok(buf, k)) cd_je_strn(e, buf, k);
  else cd_je_null(e);
  free(buf);
}

static void key_offset(cd_je *e, const char *key, size_t off) {
  cd_je_key(e, key);
  if (off == CD_NONE) cd_je_null(e);
  else cd_je_int(e, (long long)off);
}

/* "start" and "end": a span's byte offsets. */
static void key_span(cd_je *e, cd_span span) {
  cd_je_key_int(e, "start", (long long)span.start);
  cd_je_key_int(e, "end", (long long)span.end);
}

/* The passage of the record a quote was found at: {"path", "start", "end", "line", "column",
 * "end_line", "end_column", and "speaker", "timestamp", "exact" (a quote's) or "message" (a
 * related entry's)}. */
static void record_json(cd_je *e, const cd_cli_record_ref *ref, bool related) {
  cd_je_open(e, '{');
  cd_je_key_str(e, "path", ref->path);
  key_span(e, (cd_span){ref->range.start, ref->range.end});
  cd_je_key_int(e, "line", (long long)ref->range.line);
  cd_je_key_int(e, "column", (long long)ref->range.col);
  cd_je_key_int(e, "end_line", (long long)ref->range.end_line);
  cd_je_key_int(e, "end_column", (long long)ref->range.end_col);
  if (related) {
    cd_je_key_str(e, "message", ref->message);
  } else {
    cd_je_key_str(e, "speaker", ref->match->speaker);
    cd_je_key_str(e, "timestamp", ref->match->timestamp);
    cd_je_key_bool(e, "exact", ref->match->exact);
  }
  cd_je_close(e, '{');
}

static void quotes_json(cd_je *e, const cd_cli_file *f) {
  size_t n;
  const cd_quote *q = cd_report_quotes(f->report, &n);
  cd_je_open(e, '[');
  for (size_t i = 0; i < n; i++) {
    cd_je_item(e);
    cd_je_open(e, '{');
    key_span(e, q[i].span);
    cd_je_key(e, "text");
    text_slice(e, f->text, q[i].inner.start, q[i].inner.end);
    cd_je_key_str(e, "kind", cd_quote_kind_name(q[i].kind));
    cd_je_key_str(e, "speaker", q[i].speaker);
    key_offset(e, "speaker_start", q[i].speaker_span.start);
    key_offset(e, "speaker_end", q[i].speaker_span.end);
    cd_je_key_str(e, "cue", q[i].cue);
    cd_je_key_str(e, "method", cd_attribution_method_name(q[i].method));
    if (q[i].evidence) cd_je_key_str(e, "evidence", q[i].evidence); /* jansson: json_string(NULL) is no value */
    cd_je_key_bool(e, "partial", q[i].partial);
    cd_je_key_bool(e, "headline", q[i].headline);
    cd_je_key_bool(e, "closed", q[i].closed);
    cd_je_key_int(e, "level", q[i].level);
    key_offset(e, "entity", q[i].entity);
    cd_je_key_str(e, "relays", q[i].relays);
    cd_cli_record_ref ref;
    if (cd_cli_record_ref_of(f, i, &ref)) {
      cd_je_key(e, "record");
      record_json(e, &ref, false);
    }
    cd_je_close(e, '{');
  }
  cd_je_close(e, '[');
}

static void diagnostics_json(cd_je *e, const cd_cli_file *f) {
  const cd_diagnostic *d = f->diags;
  cd_je_open(e, '[');
  for (size_t i = 0; i < f->n_diags; i++) {
    if (!cd_cli_file_shows(f, i)) continue;
    const cd_cli_range *p = &f->pos[i].span;
    cd_je_item(e);
    cd_je_open(e, '{');
    if (d[i].code) cd_je_key_str(e, "code", d[i].code);
    cd_je_key_str(e, "severity", cd_severity_name(d[i].severity));
    key_span(e, d[i].span);
    cd_je_key_int(e, "line", (long long)p->line);
    cd_je_key_int(e, "column", (long long)p->col);
    cd_je_key_int(e, "end_line", (long long)p->end_line);
    cd_je_key_int(e, "end_column", (long long)p->end_col);
    if (d[i].message) cd_je_key_str(e, "message", d[i].message);
    cd_je_key(e, "related");
    cd_je_open(e, '[');
    for (size_t k = 0; k < d[i].n_related; k++) {
      cd_je_item(e);
      cd_je_open(e, '{');
      key_span(e, d[i].related[k].span);
      if (d[i].related[k].message) cd_je_key_str(e, "message", d[i].related[k].message);
      cd_je_close(e, '{');
    }
    cd_cli_record_ref ref;
    if (cd_cli_record_ref_of(f, d[i].quote, &ref)) {
      cd_je_item(e);
      record_json(e, &ref, true);
    }
    cd_je_close(e, '[');
    cd_je_key(e, "fixes");
    cd_je_open(e, '[');
    for (size_t k = 0; k < d[i].n_fixes; k++) {
      cd_je_item(e);
      cd_je_open(e, '{');
      if (d[i].fixes[k].title) cd_je_key_str(e, "title", d[i].fixes[k].title);
      cd_je_key(e, "edits");
      cd_je_open(e, '[');
      for (size_t x = 0; x < d[i].fixes[k].n_edits; x++) {
        const cd_edit *ed = &d[i].fixes[k].edits[x];
        cd_je_item(e);
        cd_je_open(e, '{');
        key_span(e, ed->span);
        if (ed->new_text) cd_je_key_str(e, "new_text", ed->new_text);
        cd_je_close(e, '{');
      }
      cd_je_close(e, '[');
      cd_je_close(e, '{');
    }
    cd_je_close(e, '[');
    cd_je_close(e, '{');
  }
  cd_je_close(e, '[');
}

static void entities_json(cd_je *e, const cd_cli_file *f) {
  size_t n;
  const cd_entity *ent = cd_report_entities(f->report, &n);
  cd_je_open(e, '[');
  for (size_t i = 0; i < n; i++) {
    cd_je_item(e);
    cd_je_open(e, '{');
    if (ent[i].name) cd_je_key_str(e, "name", ent[i].name);
    cd_je_key_str(e, "kind", cd_entity_kind_name(ent[i].kind));
    cd_je_key(e, "mentions");
    cd_je_open(e, '[');
    for (size_t k = 0; k < ent[i].n_mentions; k++) {
      const cd_mention *m = &ent[i].mentions[k];
      cd_je_item(e);
      cd_je_open(e, '{');
      key_span(e, m->span);
      cd_je_key(e, "text");
      text_slice(e, f->text, m->span.start, m->span.end);
      cd_je_key_bool(e, "in_quote", m->in_quote);
      cd_je_key_bool(e, "headline", m->headline);
      cd_je_close(e, '{');
    }
    cd_je_close(e, '[');
    cd_je_close(e, '{');
  }
  cd_je_close(e, '[');
}

static void file_json(cd_je *e, const cd_cli_file *f) {
  cd_je_open(e, '{');
  cd_je_key_str(e, "path", f->path);
  cd_je_key_str(e, "format", f->format == CD_FORMAT_MARKDOWN ? "markdown" : "plaintext");
  cd_je_key(e, "quotes");
  quotes_json(e, f);
  cd_je_key(e, "diagnostics");
  diagnostics_json(e, f);
  cd_je_key(e, "entities");
  entities_json(e, f);
  cd_je_key_str(e, "config", f->config_file);
  cd_je_close(e, '{');
}

typedef struct json_output {
  cd_cli_output base;
  bool lines;   /* jsonl */
  bool started; /* the document's head is written */
  cd_jw buf;    /* the text of the file being written */
  cd_je e;
  const cd_config_error **config_errors; /* borrowed: the settings live until the run ends */
  size_t n_config_errors, cap_config_errors;
  cd_jw errors, skipped; /* the "errors" and "skipped" arrays' members, written at the end */
} json_output;

/* Writes out what the buffer holds and empties it. */
static void flush(json_output *j) {
  if (j->buf.len) fwrite(j->buf.data, 1, j->buf.len, j->base.out);
  j->buf.len = 0;
}

static void flush_hook(void *arg) { flush(arg); }

/* A writer for the next record (jsonl) or the document (json), flushing as it goes. */
static void start_writer(json_output *j, bool compact) {
  cd_je_init(&j->e, &j->buf, compact);
  j->e.flush = flush_hook;
  j->e.flush_arg = j;
}

static void head(json_output *j) {
  if (j->started) return;
  j->started = true;
  cd_je_open(&j->e, '{');
  cd_je_key(&j->e, "files");
  cd_je_open(&j->e, '[');
}

static void json_config_error(cd_cli_output *o, const cd_config_error *e) {
  json_output *j = (json_output *)o;
  if (j->lines) return;
  if (j->n_config_errors == j->cap_config_errors) {
    size_t cap = j->cap_config_errors ? j->cap_config_errors * 2 : 8;
    const cd_config_error **p = realloc(j->config_errors, cap * sizeof *p);
    if (!p) return;
    j->config_errors = p;
    j->cap_config_errors = cap;
  }
  j->config_errors[j->n_config_errors++] = e;
}

static void json_file(cd_cli_output *o, cd_cli_file *f) {
  json_output *j = (json_output *)o;
  if (j->lines) {
    start_writer(j, true);
    file_json(&j->e, f);
    cd_jw_rawn(&j->buf, "\n", 1);
  } else {
    head(j);
    cd_je_item(&j->e);
    file_json(&j->e, f);
  }
  flush(j);
}

/* {"path": ..., key: ...}: a path not checked. jsonl writes it as its line; json keeps it in
 * `list` (one of the document's last arrays), written at the end at the depth of its members.
 * jansson's json_pack refused a string that is not UTF-8, and the member was left out. */
static void path_note(json_output *j, cd_jw *list, const char *path, const char *key, const char *value) {
  if (!cd_je_utf8_ok(path, strlen(path)) || !cd_je_utf8_ok(value, strlen(value))) return;
  cd_je e;
  if (j->lines) start_writer(j, true);
  else cd_je_init(&e, list, false);
  cd_je *w = j->lines ? &j->e : &e;
  if (!j->lines) {
    w->depth = 2; /* an element of a top-level array */
    w->empty[2] = list->len == 0;
    cd_je_item(w);
  }
  cd_je_open(w, '{');
  cd_je_key_str(w, "path", path);
  cd_je_key_str(w, key, value);
  cd_je_close(w, '{');
  if (j->lines) {
    cd_jw_rawn(&j->buf, "\n", 1);
    flush(j);
  }
}

static void json_file_error(cd_cli_output *o, const char *path, const char *message) {
  json_output *j = (json_output *)o;
  path_note(j, &j->errors, path, j->lines ? "error" : "message", message);
}

static void json_skipped(cd_cli_output *o, const char *path, const char *reason) {
  json_output *j = (json_output *)o;
  path_note(j, &j->skipped, path, j->lines ? "skipped" : "reason", reason);
}

/* One of the document's last arrays, from members written ahead (path_note). */
static void note_array(json_output *j, const char *key, const cd_jw *members) {
  cd_je_key(&j->e, key);
  if (members->len == 0) {
    cd_jw_rawn(&j->buf, "[]", 2);
    return;
  }
  cd_jw_rawn(&j->buf, "[", 1);
  cd_jw_rawn(&j->buf, members->data, members->len);
  cd_jw_rawn(&j->buf, "\n ]", 3);
}

/* A configuration problem as jansson packed it: a string that is not UTF-8 dropped the entry. */
static void config_error_json(cd_je *e, const cd_config_error *err) {
  const char *strs[] = {err->message, err->detail, err->pointer, err->file};
  for (size_t i = 0; i < 4; i++)
    if ((strs[i] == NULL && i < 3) || (strs[i] && !cd_je_utf8_ok(strs[i], strlen(strs[i])))) return;
  cd_je_item(e);
  cd_je_open(e, '{');
  cd_je_key_str(e, "message", err->message);
  cd_je_key_str(e, "detail", err->detail);
  cd_je_key_str(e, "file", err->file);
  cd_je_key_str(e, "pointer", err->pointer);
  if (err->line > 0) {
    cd_je_key_int(e, "line", err->line);
    cd_je_key_int(e, "column", err->column);
  }
  cd_je_close(e, '{');
}

static void json_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)successful;
  json_output *j = (json_output *)o;
  if (j->lines) return;
  head(j);
  cd_je *e = &j->e;
  cd_je_close(e, '[');
  static const char *const names[] = {"files", "quotes", "unattributed", "errors", "warnings",
                                      "infos", "hints", "file_errors", "skipped"};
  const size_t values[] = {t->files,
                           t->quotes,
                           t->unattributed,
                           t->counts[CD_SEVERITY_ERROR],
                           t->counts[CD_SEVERITY_WARNING],
                           t->counts[CD_SEVERITY_INFO],
                           t->counts[CD_SEVERITY_HINT],
                           t->file_errors,
                           t->skipped};
  cd_je_key(e, "summary");
  cd_je_open(e, '{');
  for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) cd_je_key_int(e, names[i], (long long)values[i]);
  cd_je_close(e, '{');
  cd_je_key(e, "configuration_errors");
  cd_je_open(e, '[');
  for (size_t i = 0; i < j->n_config_errors; i++) config_error_json(e, j->config_errors[i]);
  cd_je_close(e, '[');
  note_array(j, "errors", &j->errors);
  note_array(j, "skipped", &j->skipped);
  cd_je_close(e, '{');
  cd_jw_rawn(&j->buf, "\n", 1);
  flush(j);
}

static void json_free(cd_cli_output *o) {
  json_output *j = (json_output *)o;
  cd_jw_free(&j->buf);
  cd_jw_free(&j->errors);
  cd_jw_free(&j->skipped);
  free(j->config_errors);
  free(j);
}

static cd_cli_output *json_output_new(FILE *out, bool lines) {
  json_output *j = calloc(1, sizeof *j);
  if (!j) return NULL;
  j->base = (cd_cli_output){out, json_config_error, json_file, json_file_error, json_skipped, json_finish, json_free};
  j->lines = lines;
  start_writer(j, false);
  return &j->base;
}

cd_cli_output *cd_cli_json_output(FILE *out, const cd_cli_options *opt) {
  (void)opt;
  return json_output_new(out, false);
}

cd_cli_output *cd_cli_jsonl_output(FILE *out, const cd_cli_options *opt) {
  (void)opt;
  return json_output_new(out, true);
}
