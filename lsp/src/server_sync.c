/* Document synchronisation and diagnostics delivery (push and pull). */
#include "copydesk/lsp_json.h"
#include "lsp_record.h"
#include "server_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* LSP versions are integers; some clients send null for "no version". */
static bool read_version(const json_t *v, long long *out) {
  if (json_is_integer(v)) {
    *out = (long long)json_integer_value(v);
    return true;
  }
  if (v == NULL || json_is_null(v)) {
    *out = 0;
    return true;
  }
  return false;
}

double cd_server_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Texts under 256 KB (every news article) publish on every change: the editor draws their few
 * hundred diagnostics at once. Longer ones at most once per 1 ms per 4 KB of text (a 1 MB text:
 * 250 ms), at most half a second, while changes keep coming. */
#define HOLD_FROM_BYTES (256u * 1024u)

static double publish_interval_ms(const cd_doc *doc) {
  if (doc->len < HOLD_FROM_BYTES) return 0;
  double ms = (double)doc->len / 4096.0;
  return ms < 500.0 ? ms : 500.0;
}

void cd_server_publish(cd_server *server, cd_doc *doc) {
  doc->publish_due_ms = 0;
  /* A client that pulls must not also get pushes (it would show them twice). */
  if (server->caps.pull_diagnostics) return;
  doc->published_ms = cd_server_now_ms();
  if (cd_server_is_config_doc(doc)) {
    cd_server_notify(server, "textDocument/publishDiagnostics",
                     json_pack("{s:s,s:I,s:o}", "uri", doc->uri, "version", (json_int_t)doc->version,
                               "diagnostics", cd_server_config_diagnostics(server, doc)));
    return;
  }
  const cd_report *report = cd_server_analysis(server, doc);
  if (report == NULL) {
    cd_server_log("out of memory analysing %s", doc->uri);
    return;
  }
  size_t len;
  char *text = cd_lsp_publish_text(server, doc, report, cd_server_max_hints(server, doc), &len);
  if (text == NULL) {
    cd_server_log("out of memory publishing diagnostics for %s", doc->uri);
    return;
  }
  if (cd_frame_write(server->out_fd, text, len) != 0) server->input_ended = true;
  free(text);
}

/* After a change: publish now, or hold it when the document published within its interval. */
static void publish_or_hold(cd_server *server, cd_doc *doc) {
  if (server->caps.pull_diagnostics) return;
  double interval = publish_interval_ms(doc), due = doc->published_ms + interval;
  if (interval > 0 && doc->published_ms > 0 && cd_server_now_ms() < due) {
    doc->publish_due_ms = due;
    return;
  }
  cd_server_publish(server, doc);
}

double cd_server_publish_due(cd_server *server) {
  double due = 0;
  for (size_t i = 0; i < cd_doc_store_count(server->docs); i++) {
    double d = cd_doc_store_at(server->docs, i)->publish_due_ms;
    if (d > 0 && (due == 0 || d < due)) due = d;
  }
  return due;
}

void cd_server_flush_publishes(cd_server *server, bool all) {
  double now = cd_server_now_ms();
  for (size_t i = 0; i < cd_doc_store_count(server->docs); i++) {
    cd_doc *doc = cd_doc_store_at(server->docs, i);
    if (doc->publish_due_ms > 0 && (all || doc->publish_due_ms <= now)) cd_server_publish(server, doc);
  }
}

void cd_server_republish_all(cd_server *server) {
  for (size_t i = 0; i < cd_doc_store_count(server->docs); i++) {
    cd_doc *doc = cd_doc_store_at(server->docs, i);
    cd_doc_invalidate(doc);
    cd_server_publish(server, doc);
  }
}

void cd_server_did_open(cd_server *server, json_t *params) {
  json_t *td = json_object_get(params, "textDocument");
  const char *uri = json_string_value(json_object_get(td, "uri"));
  json_t *text = json_object_get(td, "text");
  const char *language = json_string_value(json_object_get(td, "languageId"));
  long long version;
  if (uri == NULL || !json_is_string(text) ||
      !read_version(json_object_get(td, "version"), &version)) {
    cd_server_log("didOpen ignored: textDocument needs uri, text and an integer version");
    return;
  }
  cd_doc *doc = cd_doc_store_open(server->docs, uri, language, version, json_string_value(text),
                                  json_string_length(text));
  if (doc == NULL) {
    cd_server_log("out of memory opening %s", uri);
    return;
  }
  if (!cd_server_change_queued(server, uri)) cd_server_publish(server, doc);
}

void cd_server_did_change(cd_server *server, json_t *params) {
  char error[256];
  bool missing;
  cd_doc *doc = cd_server_doc_param(server, params, &missing, error, sizeof error);
  long long version;
  if (doc == NULL) {
    cd_server_log("didChange ignored: %s", error);
    return;
  }
  if (!read_version(cd_json_path(params, "textDocument", "version", NULL), &version)) {
    cd_server_log("didChange ignored: textDocument.version must be an integer");
  } else if (cd_doc_apply_changes(doc, json_object_get(params, "contentChanges"), server->enc,
                                  version, error, sizeof error) != 0) {
    cd_server_log("didChange ignored for %s: %s", doc->uri, error);
  }
  /* When the next change is already waiting, these diagnostics would be
   * stale before the client drew them: publish once for the latest text.
   * (Also after a rejected change: an earlier one may have skipped its publish
   * counting on this one.) */
  if (!cd_server_change_queued(server, doc->uri)) publish_or_hold(server, doc);
}

void cd_server_did_close(cd_server *server, json_t *params) {
  const char *uri = json_string_value(cd_json_path(params, "textDocument", "uri", NULL));
  if (uri == NULL || !cd_doc_store_close(server->docs, uri)) {
    cd_server_log("didClose ignored: document not open");
    return;
  }
  cd_server_record_closed(server, uri);
  if (!server->caps.pull_diagnostics) {
    cd_server_notify(server, "textDocument/publishDiagnostics",
                     json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
  }
}

void cd_server_did_save(cd_server *server, json_t *params) {
  /* Articles: we analyse the editor's text, which didChange already gave us.
   * A saved `.copydesk.json` changes the settings of everything open. */
  bool missing;
  char error[256];
  cd_doc *doc = cd_server_doc_param(server, params, &missing, error, sizeof error);
  if (doc != NULL && cd_server_is_config_doc(doc)) cd_server_config_file_changed(server);
}

int cd_server_pull_diagnostics(cd_server *server, json_t *params, json_t **result, char *error,
                               size_t error_size) {
  bool missing;
  cd_doc *doc = cd_server_doc_param(server, params, &missing, error, error_size);
  char result_id[64];
  if (doc == NULL) {
    if (!missing) return CD_RPC_INVALID_PARAMS;
    *result = json_pack("{s:s,s:[]}", "kind", "full", "items");
    return 0;
  }
  snprintf(result_id, sizeof result_id, "%lu.%lu", doc->revision, server->config_generation);
  const char *previous = json_string_value(json_object_get(params, "previousResultId"));
  if (previous != NULL && strcmp(previous, result_id) == 0 && doc->report != NULL) {
    *result = json_pack("{s:s,s:s}", "kind", "unchanged", "resultId", result_id);
    return 0;
  }
  const cd_report *report = cd_server_analysis(server, doc);
  if (report == NULL) {
    snprintf(error, error_size, "out of memory");
    return CD_RPC_INTERNAL_ERROR;
  }
  json_t *items = cd_server_is_config_doc(doc) ? cd_server_config_diagnostics(server, doc)
                                               : cd_lsp_diagnostics(server, doc, report, cd_server_max_hints(server, doc));
  *result = json_pack("{s:s,s:s,s:o}", "kind", "full", "resultId", result_id, "items", items);
  return 0;
}
