/* The record in the server (lsp_record.h). Sources are files: this layer reads them, the
 * analyzer only compares. */
#include "lsp_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/lsp_json.h"
#include "record_files.h"
#include "server_internal.h"

#define CONTEXT_BYTES 160 /* of the turn shown before and after a passage in a hover */

static cd_record_cache *cache_of(cd_server *server) {
  if (!server->record) server->record = cd_record_cache_new();
  return server->record;
}

void cd_server_record_free(cd_server *server) {
  cd_record_cache_free(server->record);
  server->record = NULL;
}

size_t cd_server_record_for(cd_server *server, cd_doc *doc, const cd_settings *settings,
                            const cd_record_source ***out) {
  *out = NULL;
  cd_record_cache *cache = cache_of(server);
  if (!cache) return 0;
  char *path = cd_lsp_uri_to_path(doc->uri);
  /* an untitled buffer has no directory: only the configuration's sources apply */
  size_t n = cd_record_cache_sources(cache, settings, path, doc->text, doc->len, NULL, 0, out, NULL, NULL);
  free(path);
  return n;
}

void cd_server_poll_record(cd_server *server) {
  if (server->record && cd_record_cache_refresh(server->record)) cd_server_config_file_changed(server);
}

void cd_server_watch_record_files(cd_server *server) {
  cd_server_watch_files(server, "copydesk.recordFiles", "**/*.{txt,md,markdown,vtt,srt}");
}

/* The source a match came from, if it is still the version the analysis saw. */
static const cd_record_source *source_of(cd_server *server, const cd_record_match *m, size_t *len) {
  const cd_record_source *s = server->record ? cd_record_cache_find(server->record, m->source_name) : NULL;
  if (!s) return NULL;
  cd_record_source_text(s, len);
  return m->passage.end <= *len && m->turn.end <= *len ? s : NULL;
}

void cd_lsp_record_hover(cd_text *t, cd_server *server, const cd_report *report, size_t quote) {
  const cd_record_match *m = cd_report_record_match(report, quote);
  size_t len;
  const cd_record_source *s = m ? source_of(server, m, &len) : NULL;
  if (!s) return;
  const char *text = cd_record_source_text(s, NULL);
  const char *br = t->markdown ? "\n\n" : "\n";
  const char *base = strrchr(m->source_name, '/');
  base = base ? base + 1 : m->source_name;
  cd_text_add(t, br);
  cd_text_bold(t, "In the record:", strlen("In the record:"));
  cd_text_add(t, " ");
  cd_text_user(t, base, strlen(base));
  cd_text_printf(t, " line %zu", m->line);
  if (m->speaker) {
    cd_text_add(t, ", ");
    cd_text_user(t, m->speaker, strlen(m->speaker));
  }
  if (m->timestamp) cd_text_printf(t, " at %s", m->timestamp);
  if (!m->exact) cd_text_add(t, " (the quote's words differ)");
  cd_text_add(t, br);
  /* a little of the turn around the passage, cut at spaces */
  size_t a = m->passage.start > m->turn.start + CONTEXT_BYTES ? m->passage.start - CONTEXT_BYTES : m->turn.start;
  size_t b = m->passage.end + CONTEXT_BYTES < m->turn.end ? m->passage.end + CONTEXT_BYTES : m->turn.end;
  if (a > m->turn.start)
    while (a < m->passage.start && text[a - 1] != ' ') a++;
  if (b < m->turn.end)
    while (b > m->passage.end && text[b] != ' ') b--;
  if (t->markdown) cd_text_add(t, "> ");
  if (a > m->turn.start) cd_text_add(t, "\xE2\x80\xA6");
  cd_text_user(t, text + a, m->passage.start - a);
  cd_text_bold(t, text + m->passage.start, m->passage.end - m->passage.start);
  cd_text_user(t, text + m->passage.end, b - m->passage.end);
  if (b < m->turn.end) cd_text_add(t, "\xE2\x80\xA6");
}

/* file:// URI of an absolute path, with the bytes a URI cannot hold percent-encoded. */
static char *file_uri(const char *path) {
  size_t n = strlen(path);
  char *uri = malloc(7 + 3 * n + 1);
  if (!uri) return NULL;
  size_t k = 0;
  memcpy(uri, "file://", 7);
  k = 7;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)path[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("/-._~", c)) {
      uri[k++] = (char)c;
    } else {
      sprintf(uri + k, "%%%02X", c);
      k += 3;
    }
  }
  uri[k] = 0;
  return uri;
}

int cd_lsp_definition(cd_server *server, json_t *params, json_t **result, char *error, size_t error_size) {
  cd_doc *doc;
  const cd_report *report;
  size_t off;
  int rc = cd_server_position_param(server, params, &doc, &report, &off, error, error_size);
  if (rc != 0 || doc == NULL) return rc;
  size_t n;
  const cd_quote *qs = cd_report_quotes(report, &n);
  const cd_record_match *m = NULL;
  for (size_t i = 0; i < n; i++) /* the innermost quote under the cursor that is in the record */
    if (qs[i].span.start <= off && off < qs[i].span.end && cd_report_record_match(report, i))
      m = cd_report_record_match(report, i);
  size_t len;
  const cd_record_source *s = m ? source_of(server, m, &len) : NULL;
  if (!s || m->source_name[0] != '/') return 0; /* null: nowhere to go */
  cd_line_index *lines = cd_line_index_new(cd_record_source_text(s, NULL), len);
  char *uri = file_uri(m->source_name);
  if (lines && uri)
    *result = json_pack("{s:s,s:o}", "uri", uri,
                        "range", cd_lsp_range_json(lines, m->passage.start, m->passage.end, server->enc));
  free(uri);
  cd_line_index_free(lines);
  if (*result == NULL) {
    snprintf(error, error_size, "out of memory");
    return CD_RPC_INTERNAL_ERROR;
  }
  return 0;
}
