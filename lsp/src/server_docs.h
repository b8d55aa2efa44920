/* The server's open documents: each owns its text, version, line index and
 * latest analysis. Full and incremental changes go through one function,
 * cd_doc_apply_changes(). Documents live in memory only: any URI scheme
 * (file:, untitled:, ...) works the same.
 */
#ifndef COPYDESK_SERVER_DOCS_H
#define COPYDESK_SERVER_DOCS_H

#include "copydesk/analyzer.h"
#include "copydesk/record.h"
#include "copydesk/line_index.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct cd_doc {
  char *uri;               /* owned */
  char *text;              /* owned, NUL-terminated, `len` bytes (may contain NUL) */
  size_t len, cap;
  long long version;
  cd_format format;
  cd_line_index *lines;    /* owned; always matches `text` */
  cd_report *report;       /* owned; NULL until analysed or after a change */
  cd_analysis *analysis;   /* owned; the previous version's per-paragraph work, NULL until analysed */
  unsigned long revision;  /* bumped on every change; never reused */
  char *config_file;       /* owned: the `.copydesk.json` that applies, or NULL */
  bool config_looked_up;   /* config_file is known (the search touches the disk) */
  size_t edit_at;          /* byte offset of the latest edit (0 after open): where the writer is */
  double published_ms;     /* when diagnostics last went out (monotonic ms), 0: never */
  double publish_due_ms;   /* a publish held back under a burst of changes is due then; 0: none */
} cd_doc;

typedef struct cd_doc_store cd_doc_store;

/* NULL when out of memory. Freeing frees every document. */
cd_doc_store *cd_doc_store_new(void);
void cd_doc_store_free(cd_doc_store *store);

/* Markdown for languageId "markdown", plain text for "plaintext"/"text",
 * else by the URI's extension. `language_id` may be NULL. */
cd_format cd_doc_format_for(const char *language_id, const char *uri);

/* Opens (or reopens, replacing) a document with a copy of `text`. The store
 * owns the result. NULL when out of memory. */
cd_doc *cd_doc_store_open(cd_doc_store *store, const char *uri, const char *language_id,
                          long long version, const char *text, size_t len);
/* The open document with this URI (borrowed), or NULL. */
cd_doc *cd_doc_store_get(cd_doc_store *store, const char *uri);
/* Closes a document; false when it was not open. */
bool cd_doc_store_close(cd_doc_store *store, const char *uri);
size_t cd_doc_store_count(const cd_doc_store *store);
cd_doc *cd_doc_store_at(cd_doc_store *store, size_t i);

/* Applies LSP TextDocumentContentChangeEvent[] (`changes`, borrowed) in
 * order: with "range" an incremental edit (positions in `enc`, clamped;
 * "rangeLength" is ignored since the range is authoritative), without it
 * the full new text. The whole array is checked before anything changes, so
 * a malformed array leaves the document as it was. Returns 0, or -1 with a
 * message in `error` when malformed, -2 when out of memory. */
int cd_doc_apply_changes(cd_doc *doc, const json_t *changes, cd_encoding enc, long long version,
                         char *error, size_t error_size);

/* Replaces bytes [start, end) with `text` (clamped). 0, or -2 when out of memory. */
int cd_doc_replace(cd_doc *doc, size_t start, size_t end, const char *text, size_t len);

/* The document's analysis under `config` (may be NULL), computed when
 * missing, reusing what the previous version's analysis found in the
 * paragraphs a change did not touch. Borrowed; NULL only when out of memory. */
const cd_report *cd_doc_analysis(cd_doc *doc, const cd_config *config);
/* The same, checking the quotes against `sources` (borrowed during the call). */
const cd_report *cd_doc_analysis_with_record(cd_doc *doc, const cd_config *config,
                                             const cd_record_source *const *sources, size_t n_sources);
/* Drops the cached analysis (after a configuration change). */
void cd_doc_invalidate(cd_doc *doc);

#endif
