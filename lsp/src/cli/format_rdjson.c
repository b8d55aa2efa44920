/* reviewdog's Diagnostic Format (rdjson): {"source": {...}, "diagnostics": [...]}, one diagnostic
 * per shown finding, with the rule's code (and page, when the pages are on the web), the first fix as suggestions, and positions
 * whose columns count UTF-8 bytes from 1 (as the format defines them; end exclusive). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "output.h"
#include "rule_docs.h"

typedef struct rdjson_output {
  cd_cli_output base;
  json_t *diagnostics;
} rdjson_output;

/* {"line": L, "column": byte column} of a byte offset whose line is already known. */
static json_t *position(const cd_cli_file *f, size_t off, size_t line) {
  size_t ls, le;
  cd_cli_file_line(f, off, &ls, &le);
  return json_pack("{s:I, s:I}", "line", (json_int_t)line, "column", (json_int_t)(off - ls + 1));
}

static json_t *range(const cd_cli_file *f, const cd_cli_range *r) {
  return json_pack("{s:o, s:o}", "start", position(f, r->start, r->line), "end", position(f, r->end, r->end_line));
}

static const char *severity_of(cd_severity s) {
  return s == CD_SEVERITY_ERROR ? "ERROR" : s == CD_SEVERITY_WARNING ? "WARNING" : "INFO";
}

static void rdjson_file(cd_cli_output *o, cd_cli_file *f) {
  rdjson_output *rd = (rdjson_output *)o;
  for (size_t i = 0; i < f->n_diags; i++) {
    if (!cd_cli_file_shows(f, i)) continue;
    const cd_diagnostic *d = &f->diags[i];
    json_t *code = json_pack("{s:s}", "value", d->code);
    char url[512];
    /* reviewdog links code.url on the pull request: only a web address makes sense there */
    if (code && cd_rule_doc_url(d->code, url, sizeof url) && strncmp(url, "http", 4) == 0)
      json_object_set_new(code, "url", json_string(url));
    json_t *diag = json_pack("{s:s, s:{s:s, s:o}, s:s, s:o}", "message", d->message, "location", "path", f->path,
                             "range", range(f, &f->pos[i].span), "severity", severity_of(d->severity), "code", code);
    if (!diag) continue;
    if (d->n_fixes) {
      json_t *suggestions = json_array();
      for (size_t e = 0; e < d->fixes[0].n_edits; e++)
        json_array_append_new(suggestions, json_pack("{s:o, s:s}", "range", range(f, &f->pos[i].edits[e]), "text",
                                                     d->fixes[0].edits[e].new_text));
      json_object_set_new(diag, "suggestions", suggestions);
    }
    json_array_append_new(rd->diagnostics, diag);
  }
}

static void rdjson_finish(cd_cli_output *o, const cd_cli_totals *t, bool successful) {
  (void)t;
  (void)successful;
  rdjson_output *rd = (rdjson_output *)o;
  json_t *doc = json_pack("{s:{s:s}, s:O}", "source", "name", "copydesk", "diagnostics", rd->diagnostics);
  if (doc) {
    json_dumpf(doc, o->out, JSON_INDENT(1));
    fputc('\n', o->out);
  }
  json_decref(doc);
}

static void rdjson_config_error(cd_cli_output *o, const cd_config_error *e) {
  (void)o;
  (void)e; /* on stderr; the format has no place for tool errors */
}

static void rdjson_free(cd_cli_output *o) {
  json_decref(((rdjson_output *)o)->diagnostics);
  free(o);
}

cd_cli_output *cd_cli_rdjson_output(FILE *out, const cd_cli_options *opt) {
  (void)opt;
  rdjson_output *rd = calloc(1, sizeof *rd);
  if (!rd) return NULL;
  rd->base = (cd_cli_output){out, rdjson_config_error, rdjson_file, cd_cli_ignore_event, cd_cli_ignore_event,
                             rdjson_finish, rdjson_free};
  rd->diagnostics = json_array();
  if (!rd->diagnostics) {
    free(rd);
    return NULL;
  }
  return &rd->base;
}
