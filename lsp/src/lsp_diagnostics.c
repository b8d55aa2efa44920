/* Analyzer diagnostics -> LSP Diagnostic objects. */
#include "copydesk/lsp_json.h"
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
