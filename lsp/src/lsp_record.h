/* The record in the server: the sources each article is analysed with (read and indexed once
 * per version by a record_files.h cache), the passage in a quote's hover, go-to-definition from a
 * quote to its passage, and re-checking open articles when a source changes on disk. */
#ifndef COPYDESK_LSP_RECORD_H
#define COPYDESK_LSP_RECORD_H

#include <jansson.h>
#include <stddef.h>

#include "copydesk/record.h"
#include "copydesk/line_index.h"
#include "lsp_text.h"

struct cd_server;
struct cd_doc;
struct cd_settings;

/* The sources of an open article (new array in *out, free(); the sources stay the cache's). */
size_t cd_server_record_for(struct cd_server *server, struct cd_doc *doc, const struct cd_settings *settings,
                            const cd_record_source ***out);
/* Before each message: re-reads sources that changed on disk and, when any did, re-checks
 * every open article (a stat per source). */
void cd_server_poll_record(struct cd_server *server);
/* Asks the client to watch the files a record is made of, when it lets us. */
void cd_server_watch_record_files(struct cd_server *server);
void cd_server_record_free(struct cd_server *server);

/* Appends the passage of quote `quote` (with a little context) to a hover; nothing when the
 * quote was not found in the record. */
void cd_lsp_record_hover(cd_text *t, struct cd_server *server, const cd_report *report, size_t quote);
/* Where a match's passage is, as LSP gives a location: the source's file URI and the passage's
 * range in the negotiated encoding, and a label for it ("the record: RUIZ at 00:02:24,
 * interview-ruiz.txt line 14"). */
typedef struct cd_lsp_passage {
  char *uri; /* malloc'd: cd_lsp_passage_free */
  cd_position start, end;
  char message[192];
} cd_lsp_passage;
void cd_lsp_passage_free(cd_lsp_passage *p);
/* The passage a finding of the record (quote.altered, quote.speaker-mismatch) is about, for its
 * relatedInformation. False for other diagnostics, for a source that is no longer the version
 * the analysis saw, and when memory runs out. */
bool cd_lsp_record_passage(const struct cd_server *server, const cd_report *report, const cd_diagnostic *d,
                           cd_lsp_passage *out);
/* textDocument/definition: from a quote to its passage in the record (a Location), or null. */
int cd_lsp_definition(struct cd_server *server, json_t *params, json_t **result, char *error, size_t error_size);

#endif
