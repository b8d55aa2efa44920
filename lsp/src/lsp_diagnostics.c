/* Analyzer diagnostics -> LSP Diagnostic objects. */
#include "copydesk/json_writer.h"
#include "copydesk/lsp_json.h"
#include "rule_docs.h"
#include "server_internal.h"

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
  if (json == NULL || !server->caps.related_information || d->n_related == 0) return json;
  json_t *related = json_array();
  for (size_t i = 0; i < d->n_related; i++) {
    const cd_related *r = &d->related[i];
    json_array_append_new(
        related, json_pack("{s:{s:s,s:o},s:s}", "location", "uri", doc->uri, "range",
                           cd_lsp_range_json(doc->lines, r->span.start, r->span.end, server->enc),
                           "message", r->message));
  }
  json_object_set_new(json, "relatedInformation", related);
  return json;
}

json_t *cd_lsp_diagnostics(const cd_server *server, const cd_doc *doc, const cd_report *report) {
  size_t n;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &n);
  json_t *items = json_array();
  for (size_t i = 0; items != NULL && i < n; i++) {
    json_array_append_new(items, cd_lsp_diagnostic(server, doc, &ds[i]));
  }
  return items;
}

/* ---- the hot path: publishDiagnostics written straight to text ---------- */

static void jw_range(cd_jw *w, const cd_doc *doc, size_t start, size_t end, cd_encoding enc) {
  if (end < start) end = start;
  cd_position a = cd_line_index_position(doc->lines, start, enc);
  cd_position b = cd_line_index_position(doc->lines, end, enc);
  cd_jw_raw(w, "{\"start\":{\"line\":");
  cd_jw_int(w, a.line);
  cd_jw_raw(w, ",\"character\":");
  cd_jw_int(w, a.character);
  cd_jw_raw(w, "},\"end\":{\"line\":");
  cd_jw_int(w, b.line);
  cd_jw_raw(w, ",\"character\":");
  cd_jw_int(w, b.character);
  cd_jw_raw(w, "}}");
}

char *cd_lsp_publish_text(const cd_server *server, const cd_doc *doc, const cd_report *report,
                          size_t *len) {
  cd_jw w = {0};
  size_t n;
  const cd_diagnostic *ds = cd_report_diagnostics(report, &n);
  cd_jw_raw(&w, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{\"uri\":");
  cd_jw_cstr(&w, doc->uri);
  cd_jw_raw(&w, ",\"version\":");
  cd_jw_int(&w, doc->version);
  cd_jw_raw(&w, ",\"diagnostics\":[");
  for (size_t i = 0; i < n; i++) {
    const cd_diagnostic *d = &ds[i];
    cd_jw_raw(&w, i == 0 ? "{\"range\":" : ",{\"range\":");
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
    if (server->caps.related_information && d->n_related > 0) {
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
      cd_jw_raw(&w, "]");
    }
    cd_jw_raw(&w, "}");
  }
  cd_jw_raw(&w, "]}}");
  if (w.oom) {
    cd_jw_free(&w);
    return NULL;
  }
  *len = w.len;
  return w.data;
}
