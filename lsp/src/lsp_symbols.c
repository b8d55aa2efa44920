/* Document symbols: an outline of who is quoted (sources, their quotes inside). */
#include "copydesk/lsp_json.h"
#include "lsp_sources.h"
#include "lsp_text.h"
#include "server_internal.h"

#include <stdio.h>
#include <string.h>

enum { KIND_MODULE = 2, KIND_STRING = 15, KIND_OBJECT = 19 };
#define QUOTE_LABEL_MAX 60

/* The quote's words, shortened to about QUOTE_LABEL_MAX bytes on a character boundary. */
static void quote_label(cd_text *t, const cd_doc *doc, const cd_quote *q) {
  size_t s = q->span.start < doc->len ? q->span.start : doc->len;
  size_t e = q->span.end < doc->len ? q->span.end : doc->len;
  if (e <= s) {
    cd_text_add(t, "(empty quote)");
    return;
  }
  size_t cut = e;
  if (e - s > QUOTE_LABEL_MAX) {
    cut = s + QUOTE_LABEL_MAX;
    while (cut > s && ((unsigned char)doc->text[cut] & 0xC0) == 0x80) cut--;
  }
  cd_text_user(t, doc->text + s, cut - s);
  if (cut < e) cd_text_add(t, "…");
}

static int source_kind(const cd_report *report, const cd_source *src) {
  size_t n;
  const cd_entity *es = cd_report_entities(report, &n);
  if (src->entity != CD_NONE && src->entity < n && es[src->entity].kind == CD_ENTITY_ORGANIZATION) {
    return KIND_MODULE;
  }
  return KIND_OBJECT;
}

int cd_lsp_document_symbol(cd_server *server, json_t *params, json_t **result, char *error,
                           size_t error_size) {
  bool missing;
  cd_sources sources;
  size_t n_quotes;
  cd_doc *doc = cd_server_doc_param(server, params, &missing, error, error_size);
  json_t *symbols = json_array();
  if (symbols == NULL) return CD_RPC_INTERNAL_ERROR;
  *result = symbols;
  if (doc == NULL) {
    if (missing) return 0;
    json_decref(symbols);
    *result = NULL;
    return CD_RPC_INVALID_PARAMS;
  }
  const cd_report *report = cd_server_analysis(server, doc);
  if (report == NULL || !cd_sources_build(report, &sources)) return 0;
  const cd_quote *qs = cd_report_quotes(report, &n_quotes);
  bool tree = server->caps.hierarchical_symbols;
  for (size_t k = 0; k < sources.n; k++) {
    const cd_source *src = &sources.items[k];
    const char *name = src->name != NULL ? src->name : "Unattributed";
    size_t lo = (size_t)-1, hi = 0;
    json_t *children = json_array();
    for (size_t i = 0; i < src->n_quotes; i++) {
      const cd_quote *q = &qs[src->quotes[i]];
      cd_text label = {0};
      quote_label(&label, doc, q);
      if (q->span.start < lo) lo = q->span.start;
      if (q->span.end > hi) hi = q->span.end;
      json_t *range = cd_lsp_range_json(doc->lines, q->span.start, q->span.end, server->enc);
      char detail[64];
      snprintf(detail, sizeof detail, "line %zu · %s",
               cd_line_index_line_of(doc->lines, q->span.start) + 1,
               cd_attribution_method_name(q->method));
      json_t *sym;
      if (tree) {
        sym = json_pack("{s:s,s:s,s:i,s:O,s:o}", "name", label.buf.data ? label.buf.data : "", "detail",
                        detail, "kind", KIND_STRING, "range", range, "selectionRange", range);
      } else {
        sym = json_pack("{s:s,s:i,s:{s:s,s:o},s:s}", "name", label.buf.data ? label.buf.data : "", "kind",
                        KIND_STRING, "location", "uri", doc->uri, "range", range, "containerName",
                        name);
      }
      json_array_append_new(children, sym);
      cd_text_free(&label);
    }
    json_t *range = cd_lsp_range_json(doc->lines, lo, hi, server->enc);
    char detail[64];
    snprintf(detail, sizeof detail, "%zu quote%s", src->n_quotes, src->n_quotes == 1 ? "" : "s");
    if (tree) {
      json_t *first = cd_lsp_range_json(doc->lines, qs[src->quotes[0]].span.start,
                                        qs[src->quotes[0]].span.end, server->enc);
      json_array_append_new(symbols, json_pack("{s:s,s:s,s:i,s:o,s:o,s:o}", "name", name, "detail",
                                               detail, "kind", source_kind(report, src), "range",
                                               range, "selectionRange", first, "children", children));
    } else {
      json_array_append_new(symbols, json_pack("{s:s,s:i,s:{s:s,s:o}}", "name", name, "kind",
                                               source_kind(report, src), "location", "uri",
                                               doc->uri, "range", range));
      json_array_extend(symbols, children);
      json_decref(children);
    }
  }
  cd_sources_free(&sources);
  return 0;
}
