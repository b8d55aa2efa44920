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

/* The editor's "sources" (the `copydesk` settings), joined to the workspace folder, or to the
 * article's directory when there is none (new strings). */
static size_t editor_globs(const cd_server *server, const char *article_path, char ***out) {
  *out = NULL;
  json_t *list = json_object_get(server->editor_settings, "sources");
  size_t n = 0, i;
  json_t *v;
  if (!json_is_array(list) || json_array_size(list) == 0) return 0;
  *out = calloc(json_array_size(list), sizeof **out);
  if (!*out) return 0;
  const char *base = server->root_dir;
  size_t base_len = base ? strlen(base) : 0;
  if (!base && article_path) {
    const char *slash = strrchr(article_path, '/');
    base = article_path;
    base_len = slash ? (size_t)(slash - article_path) : 0;
  }
  json_array_foreach(list, i, v) {
    const char *g = json_string_value(v);
    if (!g || !*g) continue;
    char *joined = NULL;
    if (g[0] == '/' || !base_len) joined = strdup(g);
    else if ((joined = malloc(base_len + strlen(g) + 2)) != NULL) sprintf(joined, "%.*s/%s", (int)base_len, base, g);
    if (joined) (*out)[n++] = joined;
  }
  return n;
}

size_t cd_server_record_for(cd_server *server, cd_doc *doc, const cd_settings *settings,
                            const cd_record_source ***out) {
  *out = NULL;
  cd_record_cache *cache = cache_of(server);
  if (!cache) return 0;
  char *path = cd_lsp_uri_to_path(doc->uri);
  char **editor;
  size_t n_editor = editor_globs(server, path, &editor);
  /* an untitled buffer has no directory: only the configuration's sources apply */
  size_t n = cd_record_cache_user_sources(cache, doc->uri, settings, (const char *const *)editor, n_editor, path,
                                          doc->text, doc->len, out);
  cd_record_globs_free(editor, n_editor);
  free(path);
  return n;
}

void cd_server_record_closed(cd_server *server, const char *uri) {
  cd_record_cache_release(server->record, uri);
}

void cd_server_record_files_changed(cd_server *server) {
  if (!server->record) return;
  /* a file created or deleted may join or leave a glob's files: list them again, and check
   * every open article against what the record is now */
  cd_record_cache_relist(server->record);
  cd_record_cache_refresh(server->record);
  cd_server_config_file_changed(server);
}

void cd_server_poll_record(cd_server *server) {
  if (server->record && cd_record_cache_refresh(server->record)) cd_server_config_file_changed(server);
}

void cd_server_watch_record_files(cd_server *server) {
  cd_server_watch_files(server, "copydesk.recordFiles", "**/*.{txt,md,markdown,vtt,srt}");
}

/* The source a match came from, if it is still the version the analysis saw. */
static const cd_record_source *source_of(const cd_server *server, const cd_record_match *m, size_t *len) {
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

/* The passage's range: the match knows its first line, so only the lines from there to the
 * passage's end are indexed, never the whole source. */
static bool passage_of(const cd_server *server, const cd_record_match *m, cd_lsp_passage *out) {
  memset(out, 0, sizeof *out);
  size_t len;
  const cd_record_source *s = source_of(server, m, &len);
  if (!s || m->source_name[0] != '/' || m->line == 0) return false; /* no file to point at */
  const char *text = cd_record_source_text(s, NULL);
  size_t from = m->passage.start;
  while (from > 0 && text[from - 1] != '\n' && text[from - 1] != '\r') from--; /* a line as m->line counts it */
  cd_line_index *lines = cd_line_index_new(text + from, m->passage.end - from);
  out->uri = file_uri(m->source_name);
  if (!lines || !out->uri) {
    cd_line_index_free(lines);
    cd_lsp_passage_free(out);
    return false;
  }
  out->start = cd_line_index_position(lines, m->passage.start - from, server->enc);
  out->end = cd_line_index_position(lines, m->passage.end - from, server->enc);
  out->start.line += (uint32_t)(m->line - 1);
  out->end.line += (uint32_t)(m->line - 1);
  cd_line_index_free(lines);
  cd_record_match_label(m, out->message, sizeof out->message);
  return true;
}

void cd_lsp_passage_free(cd_lsp_passage *p) {
  free(p->uri);
  p->uri = NULL;
}

bool cd_lsp_record_passage(const cd_server *server, const cd_report *report, const cd_diagnostic *d,
                           cd_lsp_passage *out) {
  if (!report || d->quote == CD_NONE || !server->record) return false;
  if (strcmp(d->code, "quote.altered") != 0 && strcmp(d->code, "quote.speaker-mismatch") != 0) return false;
  const cd_record_match *m = cd_report_record_match(report, d->quote);
  return m && passage_of(server, m, out);
}

static json_t *position_json(cd_position p) {
  return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
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
  cd_lsp_passage p;
  if (!m || !passage_of(server, m, &p)) return 0; /* null: nowhere to go */
  *result = json_pack("{s:s,s:{s:o,s:o}}", "uri", p.uri, "range", "start", position_json(p.start), "end",
                      position_json(p.end));
  cd_lsp_passage_free(&p);
  if (*result == NULL) {
    snprintf(error, error_size, "out of memory");
    return CD_RPC_INTERNAL_ERROR;
  }
  return 0;
}
