/* Analyzer diagnostics -> LSP Diagnostic objects. */
#include "copydesk/json_writer.h"
#include "copydesk/lsp_json.h"
#include "lsp_record.h"
#include "rule_docs.h"
#include "server_internal.h"

#include <stdlib.h>
#include <string.h>

static int lsp_severity(cd_severity s) {
  switch (s) {
  case CD_SEVERITY_ERROR: return 1;
  case CD_SEVERITY_WARNING: return 2;
  case CD_SEVERITY_INFO: return 3;
  case CD_SEVERITY_HINT:
  case CD_SEVERITY_OFF: break;
  }
  return 4;
}

json_t *cd_lsp_diagnostic(const cd_server *server, const cd_doc *doc, const cd_diagnostic *d) {
  json_t *json = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range",
                           cd_lsp_range_json(doc->lines, d->span.start, d->span.end, server->enc),
                           "severity", lsp_severity(d->severity), "code", d->code, "source",
                           "copydesk", "message", d->message);
  char href[512];
  if (json && server->caps.code_description && cd_rule_doc_url(d->code, href, sizeof href))
    json_object_set_new(json, "codeDescription", json_pack("{s:s}", "href", href));
  if (json == NULL || !server->caps.related_information) return json;
  cd_lsp_passage passage;
  bool in_record = cd_lsp_record_passage(server, doc->report, d, &passage);
  if (d->n_related == 0 && !in_record) return json;
  json_t *related = json_array();
  for (size_t i = 0; i < d->n_related; i++) {
    const cd_related *r = &d->related[i];
    json_array_append_new(
        related, json_pack("{s:{s:s,s:o},s:s}", "location", "uri", doc->uri, "range",
                           cd_lsp_range_json(doc->lines, r->span.start, r->span.end, server->enc),
                           "message", r->message));
  }
  if (in_record) { /* the passage of the record, in its own file */
    json_array_append_new(related, json_pack("{s:{s:s,s:{s:o,s:o}},s:s}", "location", "uri", passage.uri, "range",
                                             "start", cd_lsp_position_json(passage.start), "end",
                                             cd_lsp_position_json(passage.end), "message", passage.message));
    cd_lsp_passage_free(&passage);
  }
  json_object_set_new(json, "relatedInformation", related);
  return json;
}

/* ---- at most max_hints hints, the ones nearest the writer ---------------- */

typedef struct hint_rank {
  size_t distance, index;
} hint_rank;

static int by_distance(const void *a, const void *b) {
  const hint_rank *x = a, *y = b;
  if (x->distance != y->distance) return x->distance < y->distance ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

static size_t distance_to(const cd_span *span, size_t at) {
  if (at < span->start) return span->start - at;
  return at > span->end ? at - span->end : 0;
}

/* NULL when every diagnostic goes out; else which ones do (malloc'd, one flag each): all but
 * the hints beyond `max_hints`, dropping those farthest from the latest edit. *failed on OOM. */
static bool *select_diagnostics(const cd_doc *doc, const cd_diagnostic *ds, size_t n, size_t max_hints,
                                bool *failed) {
  size_t hints = 0;
  *failed = false;
  for (size_t i = 0; i < n; i++) hints += ds[i].severity == CD_SEVERITY_HINT;
  if (hints <= max_hints) return NULL;
  bool *keep = malloc(n * sizeof *keep + 1);
  hint_rank *ranks = malloc(hints * sizeof *ranks);
  if (keep == NULL || ranks == NULL) {
    free(keep);
    free(ranks);
    *failed = true;
    return NULL;
  }
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    keep[i] = ds[i].severity != CD_SEVERITY_HINT;
    if (!keep[i]) ranks[k++] = (hint_rank){distance_to(&ds[i].span, doc->edit_at), i};
  }
  qsort(ranks, hints, sizeof *ranks, by_distance);
  for (size_t i = 0; i < max_hints; i++) keep[ranks[i].index] = true;
  free(ranks);
  return keep;
}

json_t *cd_lsp_diagnostics(const cd_server *server, const cd_doc *doc, const cd_report *report,
                           size_t max_hints) {
  size_t n;
  bool failed;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &n);
  bool *keep = select_diagnostics(doc, ds, n, max_hints, &failed);
  json_t *items = failed ? NULL : json_array();
  for (size_t i = 0; items != NULL && i < n; i++) {
    if (keep == NULL || keep[i]) json_array_append_new(items, cd_lsp_diagnostic(server, doc, &ds[i]));
  }
  free(keep);
  return items;
}

/* ---- the hot path: publishDiagnostics written straight to text ---------- */

static char *put_lit(char *o, const char *s, size_t n) {
  memcpy(o, s, n);
  return o + n;
}
#define PUT(o, lit) put_lit(o, lit, sizeof lit - 1)

/* A range, written in one piece: every diagnostic has one or more. */
static void jw_positions(cd_jw *w, cd_position a, cd_position b) {
  char *o = cd_jw_reserve(w, 64 + 4 * CD_JW_INT_ROOM), *start = o;
  if (o == NULL) return;
  o = cd_jw_format_int(PUT(o, "{\"start\":{\"line\":"), a.line);
  o = cd_jw_format_int(PUT(o, ",\"character\":"), a.character);
  o = cd_jw_format_int(PUT(o, "},\"end\":{\"line\":"), b.line);
  o = cd_jw_format_int(PUT(o, ",\"character\":"), b.character);
  o = PUT(o, "}}");
  *o = '\0';
  w->len += (size_t)(o - start);
}

static void jw_range(cd_jw *w, const cd_doc *doc, size_t start, size_t end, cd_encoding enc) {
  if (end < start) end = start;
  jw_positions(w, cd_line_index_position(doc->lines, start, enc), cd_line_index_position(doc->lines, end, enc));
}

char *cd_lsp_publish_text(const cd_server *server, const cd_doc *doc, const cd_report *report,
                          size_t max_hints, size_t *len) {
  cd_jw w = {0};
  size_t n;
  bool failed, first = true;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &n);
  bool *keep = select_diagnostics(doc, ds, n, max_hints, &failed);
  if (failed) return NULL;
  cd_jw_raw(&w, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":");
  cd_jw_cstr(&w, doc->uri);
  cd_jw_raw(&w, ",\"version\":");
  cd_jw_int(&w, doc->version);
  cd_jw_raw(&w, ",\"diagnostics\":[");
  for (size_t i = 0; i < n; i++) {
    const cd_diagnostic *d = &ds[i];
    if (keep != NULL && !keep[i]) continue;
    cd_jw_raw(&w, first ? "{\"range\":" : ",{\"range\":");
    first = false;
    jw_range(&w, doc, d->span.start, d->span.end, server->enc);
    cd_jw_raw(&w, ",\"severity\":");
    cd_jw_int(&w, lsp_severity(d->severity));
    cd_jw_raw(&w, ",\"code\":");
    cd_jw_cstr(&w, d->code);
    if (server->caps.code_description) {
      char href[512];
      if (cd_rule_doc_url(d->code, href, sizeof href)) {
        cd_jw_raw(&w, ",\"codeDescription\":{\"href\":");
        cd_jw_cstr(&w, href);
        cd_jw_raw(&w, "}");
      }
    }
    cd_jw_raw(&w, ",\"source\":\"copydesk\",\"message\":");
    cd_jw_cstr(&w, d->message);
    cd_lsp_passage passage;
    bool in_record = server->caps.related_information && cd_lsp_record_passage(server, report, d, &passage);
    if (server->caps.related_information && (d->n_related > 0 || in_record)) {
      cd_jw_raw(&w, ",\"relatedInformation\":[");
      for (size_t k = 0; k < d->n_related; k++) {
        cd_jw_raw(&w, k == 0 ? "{\"location\":{\"uri\":" : ",{\"location\":{\"uri\":");
        cd_jw_cstr(&w, doc->uri);
        cd_jw_raw(&w, ",\"range\":");
        jw_range(&w, doc, d->related[k].span.start, d->related[k].span.end, server->enc);
        cd_jw_raw(&w, "},\"message\":");
        cd_jw_cstr(&w, d->related[k].message);
        cd_jw_raw(&w, "}");
      }
      if (in_record) { /* the passage of the record, in its own file */
        cd_jw_raw(&w, d->n_related == 0 ? "{\"location\":{\"uri\":" : ",{\"location\":{\"uri\":");
        cd_jw_cstr(&w, passage.uri);
        cd_jw_raw(&w, ",\"range\":");
        jw_positions(&w, passage.start, passage.end);
        cd_jw_raw(&w, "},\"message\":");
        cd_jw_cstr(&w, passage.message);
        cd_jw_raw(&w, "}");
        cd_lsp_passage_free(&passage);
      }
      cd_jw_raw(&w, "]");
    }
    cd_jw_raw(&w, "}");
  }
  cd_jw_raw(&w, "]}}");
  free(keep);
  if (w.oom) {
    cd_jw_free(&w);
    return NULL;
  }
  *len = w.len;
  return w.data;
}
