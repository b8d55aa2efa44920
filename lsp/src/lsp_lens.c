/* The code lens on the first line: "12 quotes · 3 unattributed · 7 sources". */
#include "copydesk/lsp_json.h"
#include "lsp_sources.h"
#include "server_internal.h"

#include <stdio.h>

int cd_lsp_code_lens(cd_server *server, json_t *params, json_t **result, char *error,
                     size_t error_size) {
  bool missing;
  cd_sources sources;
  cd_doc *doc = cd_server_doc_param(server, params, &missing, error, error_size);
  if (doc == NULL) {
    if (!missing) return CD_RPC_INVALID_PARAMS;
    *result = json_array();
    return 0;
  }
  json_t *lenses = json_array();
  if (lenses == NULL) return CD_RPC_INTERNAL_ERROR;
  *result = lenses;
  const cd_settings *settings = cd_server_settings_for(server, doc);
  if (settings != NULL && !settings->server.code_lens) return 0;
  const cd_report *report = cd_server_analysis(server, doc);
  if (report == NULL || !cd_sources_build(report, &sources)) return 0;
  char title[160];
  snprintf(title, sizeof title, "%zu quote%s · %zu unattributed · %zu source%s", sources.n_quotes,
           sources.n_quotes == 1 ? "" : "s", sources.n_unattributed, sources.n_speakers,
           sources.n_speakers == 1 ? "" : "s");
  /* An empty command id: a label to read, nothing to run. */
  json_array_append_new(lenses, json_pack("{s:o,s:{s:s,s:s}}", "range",
                                          cd_lsp_range_json(doc->lines, 0, 0, server->enc),
                                          "command", "title", title, "command", ""));
  cd_sources_free(&sources);
  return 0;
}
