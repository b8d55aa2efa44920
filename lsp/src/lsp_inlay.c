/* Inlay hints: "— John Kelly" after attributed quotes, "— no speaker" after the rest. */
#include "copydesk/lsp_json.h"
#include "lsp_sources.h"
#include "server_internal.h"

#include <stdio.h>
#include <string.h>

int cd_lsp_inlay_hint(cd_server *server, json_t *params, json_t **result, char *error,
                      size_t error_size) {
  size_t start, end, n;
  cd_doc *doc = NULL;
  int rc = cd_server_range_param(server, params, &doc, &start, &end, error, error_size);
  if (rc != 0 || doc == NULL) {
    if (rc == 0) *result = json_array();
    return rc;
  }
  json_t *hints = json_array();
  if (hints == NULL) return CD_RPC_INTERNAL_ERROR;
  *result = hints;
  const cd_settings *settings = cd_server_settings_for(server, doc);
  if (settings != NULL && !settings->server.inlay_hints) return 0;
  const cd_report *report = cd_server_analysis(server, doc);
  if (report == NULL) return 0;
  const cd_quote *qs = cd_report_quotes(report, &n);
  for (size_t i = 0; i < n; i++) {
    const cd_quote *q = &qs[i];
    if (!cd_lsp_is_counted_quote(q) || q->span.end < start || q->span.end > end) continue;
    const char *name = cd_lsp_speaker_name(report, q);
    char label[512];
    snprintf(label, sizeof label, "— %s", name != NULL ? name : "no speaker");
    json_t *tooltip = json_string(q->evidence != NULL ? q->evidence : "");
    json_array_append_new(
        hints, json_pack("{s:o,s:s,s:b,s:o}", "position",
                         cd_lsp_position_json(cd_line_index_position(doc->lines, q->span.end, server->enc)),
                         "label", label, "paddingLeft", 1, "tooltip", tooltip));
  }
  return 0;
}
