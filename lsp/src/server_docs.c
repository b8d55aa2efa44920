/* Document store: a small array searched by URI (editors keep few documents open). */
#define _POSIX_C_SOURCE 200809L
#include "server_docs.h"

#include "copydesk/lsp_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cd_doc_store {
  cd_doc **docs;
  size_t n, cap;
};

/* Revisions are unique across documents and reopenings, so a pull
 * diagnostics resultId can never match a different text. */
static unsigned long next_revision;

static void set_error(char *error, size_t size, const char *msg) {
  if (error != NULL && size > 0) snprintf(error, size, "%s", msg);
}

static void doc_free(cd_doc *doc) {
  if (doc == NULL) return;
  free(doc->uri);
  free(doc->text);
  free(doc->config_file);
  cd_line_index_free(doc->lines);
  cd_report_free(doc->report);
  cd_analysis_free(doc->analysis);
  free(doc);
}

cd_doc_store *cd_doc_store_new(void) { return calloc(1, sizeof(cd_doc_store)); }

void cd_doc_store_free(cd_doc_store *store) {
  if (store == NULL) return;
  for (size_t i = 0; i < store->n; i++) doc_free(store->docs[i]);
  free(store->docs);
  free(store);
}

static bool ends_with_ci(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++) {
    char c = s[n - k + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

cd_format cd_doc_format_for(const char *language_id, const char *uri) {
  if (language_id != NULL) {
    if (strcmp(language_id, "markdown") == 0) return CD_FORMAT_MARKDOWN;
    if (strcmp(language_id, "plaintext") == 0 || strcmp(language_id, "text") == 0) {
      return CD_FORMAT_PLAINTEXT;
    }
  }
  if (uri == NULL) return CD_FORMAT_PLAINTEXT;
  /* The path part only: stop at a query or fragment. */
  size_t n = strcspn(uri, "?#");
  static const char *const md[] = {".md", ".markdown", ".mdown", ".mkd"};
  for (size_t i = 0; i < sizeof md / sizeof md[0]; i++) {
    if (ends_with_ci(uri, n, md[i])) return CD_FORMAT_MARKDOWN;
  }
  return CD_FORMAT_PLAINTEXT;
}

static int set_text(cd_doc *doc, const char *text, size_t len) {
  char *t = malloc(len + 1);
  if (t == NULL) return -2;
  memcpy(t, text, len);
  t[len] = '\0';
  cd_line_index *lines = cd_line_index_new(t, len);
  if (lines == NULL) {
    free(t);
    return -2;
  }
  free(doc->text);
  cd_line_index_free(doc->lines);
  doc->text = t;
  doc->len = len;
  doc->cap = len + 1;
  doc->lines = lines;
  cd_doc_invalidate(doc);
  return 0;
}

cd_doc *cd_doc_store_open(cd_doc_store *store, const char *uri, const char *language_id,
                          long long version, const char *text, size_t len) {
  cd_doc *doc = calloc(1, sizeof *doc);
  if (doc == NULL) goto fail;
  doc->uri = strdup(uri);
  if (doc->uri == NULL || set_text(doc, text, len) != 0) goto fail;
  doc->version = version;
  doc->format = cd_doc_format_for(language_id, uri);
  cd_doc *old = cd_doc_store_get(store, uri);
  if (old != NULL) {
    for (size_t i = 0; i < store->n; i++) {
      if (store->docs[i] == old) store->docs[i] = doc;
    }
    doc_free(old);
    return doc;
  }
  if (store->n == store->cap) {
    size_t ncap = store->cap ? store->cap * 2 : 8;
    cd_doc **nd = realloc(store->docs, ncap * sizeof *nd);
    if (nd == NULL) goto fail;
    store->docs = nd;
    store->cap = ncap;
  }
  store->docs[store->n++] = doc;
  return doc;
fail:
  doc_free(doc);
  return NULL;
}

cd_doc *cd_doc_store_get(cd_doc_store *store, const char *uri) {
  for (size_t i = 0; i < store->n; i++) {
    if (strcmp(store->docs[i]->uri, uri) == 0) return store->docs[i];
  }
  return NULL;
}

bool cd_doc_store_close(cd_doc_store *store, const char *uri) {
  for (size_t i = 0; i < store->n; i++) {
    if (strcmp(store->docs[i]->uri, uri) != 0) continue;
    doc_free(store->docs[i]);
    store->docs[i] = store->docs[--store->n];
    return true;
  }
  return false;
}

size_t cd_doc_store_count(const cd_doc_store *store) { return store->n; }
cd_doc *cd_doc_store_at(cd_doc_store *store, size_t i) { return i < store->n ? store->docs[i] : NULL; }

int cd_doc_replace(cd_doc *doc, size_t start, size_t end, const char *text, size_t len) {
  if (start > doc->len) start = doc->len;
  if (end > doc->len) end = doc->len;
  if (end < start) end = start;
  size_t new_len = doc->len - (end - start) + len;
  if (new_len + 1 > doc->cap) {
    size_t ncap = doc->cap * 2 > new_len + 1 ? doc->cap * 2 : new_len + 1;
    char *nt = realloc(doc->text, ncap);
    if (nt == NULL) return -2;
    doc->text = nt;
    doc->cap = ncap;
  }
  memmove(doc->text + start + len, doc->text + end, doc->len - end);
  memcpy(doc->text + start, text, len);
  doc->len = new_len;
  doc->text[new_len] = '\0';
  /* The index points into the text, which may have moved: rebuild it. */
  cd_line_index *lines = cd_line_index_new(doc->text, doc->len);
  if (lines == NULL) return -2;
  cd_line_index_free(doc->lines);
  doc->lines = lines;
  cd_doc_invalidate(doc);
  return 0;
}

static bool change_ok(const json_t *change) {
  if (!json_is_object(change) || !json_is_string(json_object_get(change, "text"))) return false;
  json_t *range = json_object_get(change, "range");
  if (range == NULL) return true;
  cd_position a, b;
  return cd_lsp_position_parse(json_object_get(range, "start"), &a) &&
         cd_lsp_position_parse(json_object_get(range, "end"), &b);
}

int cd_doc_apply_changes(cd_doc *doc, const json_t *changes, cd_encoding enc, long long version,
                         char *error, size_t error_size) {
  size_t i;
  json_t *change;
  if (!json_is_array(changes)) {
    set_error(error, error_size, "contentChanges must be an array");
    return -1;
  }
  json_array_foreach(changes, i, change) {
    if (!change_ok(change)) {
      if (error != NULL && error_size > 0) {
        snprintf(error, error_size,
                 "contentChanges[%zu] must have a string \"text\" and an optional valid \"range\"", i);
      }
      return -1;
    }
  }
  json_array_foreach(changes, i, change) {
    json_t *text = json_object_get(change, "text");
    json_t *range = json_object_get(change, "range");
    int rc;
    if (range == NULL) {
      rc = set_text(doc, json_string_value(text), json_string_length(text));
    } else {
      cd_position a, b;
          cd_lsp_position_parse(json_object_get(range, "start"), &a);
      cd_lsp_position_parse(json_object_get(range, "end"), &b);
      size_t s = cd_line_index_offset(doc->lines, a, enc);
      size_t e = cd_line_index_offset(doc->lines, b, enc);
      if (e < s) {
        size_t t = s;
        s = e;
        e = t;
      }
      rc = cd_doc_replace(doc, s, e, json_string_value(text), json_string_length(text));
      doc->edit_at = s;
    }
    if (doc->edit_at > doc->len) doc->edit_at = doc->len;
    if (rc != 0) {
      set_error(error, error_size, "out of memory");
      return rc;
    }
  }
  doc->version = version;
  return 0;
}

const cd_report *cd_doc_analysis(cd_doc *doc, const cd_config *config) {
  return cd_doc_analysis_with_record(doc, config, NULL, 0);
}

const cd_report *cd_doc_analysis_with_record(cd_doc *doc, const cd_config *config,
                                             const cd_record_source *const *sources, size_t n_sources) {
  if (doc->report != NULL) return doc->report;
  if (doc->analysis == NULL) doc->analysis = cd_analysis_new();
  doc->report = doc->analysis != NULL
                    ? cd_analysis_update_with_record(doc->analysis, doc->text, doc->len, doc->format, config,
                                                     sources, n_sources)
                    : cd_analyze_with_record(doc->text, doc->len, doc->format, config, sources, n_sources);
  return doc->report;
}

void cd_doc_invalidate(cd_doc *doc) {
  cd_report_free(doc->report);
  doc->report = NULL;
  doc->revision = ++next_revision;
}
