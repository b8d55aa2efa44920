/* The server's state and the helpers its handler files share. Not public:
 * only lsp/src/server*.c and lsp_*.c include it. */
#ifndef COPYDESK_SERVER_INTERNAL_H
#define COPYDESK_SERVER_INTERNAL_H

#include "config_file.h"
#include "copydesk/analyzer.h"
#include "copydesk/framing.h"
#include "copydesk/jsonrpc.h"
#include "copydesk/line_index.h"
#include "server_docs.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum cd_server_state {
  CD_STATE_UNINITIALIZED = 0,
  CD_STATE_RUNNING,
  CD_STATE_SHUTDOWN
} cd_server_state;

/* What the client said it can do (from initialize). */
typedef struct cd_client_caps {
  bool related_information;  /* publishDiagnostics.relatedInformation */
  bool code_description;     /* publishDiagnostics.codeDescriptionSupport: link rule pages */
  bool pull_diagnostics;     /* textDocument.diagnostic present */
  bool hierarchical_symbols; /* documentSymbol.hierarchicalDocumentSymbolSupport */
  bool markdown_hover;       /* hover.contentFormat lists markdown (or is absent) */
  bool document_changes;     /* workspaceEdit.documentChanges */
  bool configuration;        /* workspace.configuration */
  bool code_action_literals; /* codeActionLiteralSupport */
  bool inlay_refresh;        /* workspace.inlayHint.refreshSupport */
  bool code_lens_refresh;    /* workspace.codeLens.refreshSupport */
  bool diagnostic_refresh;   /* workspace.diagnostics.refreshSupport */
  bool watch_registration;   /* workspace.didChangeWatchedFiles.dynamicRegistration */
  /* experimental.copydesk.insertSnippetCommand: a client command taking (uri, version, range,
   * snippet) that inserts a snippet (the VS Code extension); NULL: plain edits only. Owned. */
  char *snippet_command;
} cd_client_caps;

/* One queued incoming message. */
typedef struct cd_pending {
  json_t *root;     /* owned */
  cd_message msg;   /* borrowed from root */
  bool cancelled;   /* $/cancelRequest arrived before we got to it */
} cd_pending;

typedef struct cd_server {
  int out_fd;
  cd_frame_reader *reader;
  cd_server_state state;
  bool input_ended;
  int exit_status;      /* set by `exit`; -1 while running */
  cd_encoding enc;
  cd_client_caps caps;
  cd_doc_store *docs;
  json_t *editor_settings; /* the editor's `copydesk` section (owned), or NULL */
  char *root_dir;       /* the workspace folder's path (owned), or NULL */
  struct cd_settings_entry *settings; /* built settings, one per configuration file */
  struct cd_record_cache *record; /* the record's files, read once per version (lsp_record.c) */
  size_t n_settings, cap_settings;
  unsigned long config_generation;
  json_int_t next_request_id;
  json_int_t config_request_id; /* pending workspace/configuration, or 0 */
  cd_pending *queue;    /* messages read but not yet handled */
  size_t queue_len, queue_cap;
} cd_server;

/* A request handler fills *result (new reference, NULL means json null) and
 * returns 0, or returns a JSON-RPC error code and writes `error`. */
typedef int (*cd_request_fn)(cd_server *server, json_t *params, json_t **result, char *error,
                             size_t error_size);
typedef void (*cd_notification_fn)(cd_server *server, json_t *params);

/* Sends a message (borrowed) to the client. Failures end input (peer gone). */
void cd_server_send(cd_server *server, const json_t *msg);
/* Sends a notification; steals `params`. */
void cd_server_notify(cd_server *server, const char *method, json_t *params);
/* window/showMessage with type 1 error .. 4 log. */
void cd_server_show_message(cd_server *server, int type, const char *message);
/* A line to stderr (never stdout: it carries protocol only). */
void cd_server_log(const char *fmt, ...);
/* Tunes the allocator for a long-running process that analyses the same documents again and again. */
void cd_server_keep_memory(void);

/* Looks up the open document named by params.textDocument.uri. On failure
 * returns NULL and writes an InvalidParams message to `error`; *missing is
 * set when the params were fine but the document is not open. */
cd_doc *cd_server_doc_param(cd_server *server, const json_t *params, bool *missing, char *error,
                            size_t error_size);
/* For requests on a range (code actions, inlay hints): checks params.range, looks the document
 * up and converts the range to byte offsets. Returns 0 with *doc set (NULL when the document is
 * not open: answer an empty array), or CD_RPC_INVALID_PARAMS with a message in `error`. */
int cd_server_range_param(cd_server *server, const json_t *params, cd_doc **doc, size_t *start, size_t *end,
                          char *error, size_t error_size);
/* For requests at a position (hover, definition): checks params.position, looks the document up,
 * analyses it and converts the position to a byte offset. Returns 0 with *doc and *report set
 * (*doc NULL when the document is not open: answer null), or a JSON-RPC error code with a
 * message in `error`. */
int cd_server_position_param(cd_server *server, const json_t *params, cd_doc **doc, const cd_report **report,
                             size_t *off, char *error, size_t error_size);
/* The document's analysis under the current configuration. */
const cd_report *cd_server_analysis(cd_server *server, cd_doc *doc);
/* True when a later didChange/didClose for `uri` is already queued. */
bool cd_server_change_queued(const cd_server *server, const char *uri);

/* Document sync (server_sync.c). */
void cd_server_did_open(cd_server *server, json_t *params);
void cd_server_did_change(cd_server *server, json_t *params);
void cd_server_did_close(cd_server *server, json_t *params);
void cd_server_did_save(cd_server *server, json_t *params);
void cd_server_publish(cd_server *server, cd_doc *doc);
/* Publishing under bursts of changes: a long document's first change publishes at once; changes
 * that follow within its interval (longer for longer texts; none under 256 KB) are held and
 * published together when it ends, so the client never draws more than one set per interval and
 * always gets the last. */
double cd_server_now_ms(void);
/* The earliest time a held publish is due (monotonic ms), or 0 when none is held. */
double cd_server_publish_due(cd_server *server);
/* Publishes every held document whose time has come (all of them with `all`). */
void cd_server_flush_publishes(cd_server *server, bool all);
void cd_server_republish_all(cd_server *server);
int cd_server_pull_diagnostics(cd_server *server, json_t *params, json_t **result, char *error,
                               size_t error_size);

/* Configuration (server_config.c): defaults < the nearest `.copydesk.json` < the
 * editor's settings, built once per configuration file and cached until a change. */
/* What a configuration file was when it was read: a change to any of it means "read it again". */
typedef struct cd_file_stamp {
  bool exists;
  unsigned long long dev, ino, size;
  long long mtime_sec, mtime_nsec;
} cd_file_stamp;

typedef struct cd_settings_entry {
  char *file;           /* the configuration file (owned), or NULL for none */
  cd_file_stamp stamp;  /* `file` as it was just before it was read */
  cd_settings settings;
} cd_settings_entry;

/* The settings for `doc` (borrowed; valid until the next settings change), or
 * NULL when out of memory (then defaults apply). Problems are shown to the
 * user once, when the settings are built. */
const cd_settings *cd_server_settings_for(cd_server *server, cd_doc *doc);
/* Forgets every built setting (they are rebuilt on demand). */
void cd_server_settings_clear(cd_server *server);
/* A `.copydesk.json` was saved or changed on disk: reload and re-analyse. */
void cd_server_config_file_changed(cd_server *server);
void cd_server_did_change_watched_files(cd_server *server, json_t *params);
/* Asks the client to watch `.copydesk.json` files (client/registerCapability), when it lets us. */
void cd_server_watch_config_files(cd_server *server);
/* Asks the client to watch the files matching `glob`, as registration `id`, when it lets us. */
void cd_server_watch_files(cd_server *server, const char *id, const char *glob);
/* Clients that cannot watch files tell us nothing: before each message that may analyse, check
 * whether a document's `.copydesk.json` appeared, went or changed (a few stat calls), and reload. */
void cd_server_poll_config_files(cd_server *server);
/* True for a `.copydesk.json` buffer: checked as configuration, not as an article. */
bool cd_server_is_config_doc(const cd_doc *doc);
/* The configuration problems of a `.copydesk.json` buffer as LSP diagnostics. */
json_t *cd_server_config_diagnostics(cd_server *server, const cd_doc *doc);
void cd_server_apply_settings(cd_server *server, const json_t *settings, const char *origin);
void cd_server_request_configuration(cd_server *server);
void cd_server_configuration_response(cd_server *server, const cd_message *msg);
void cd_server_did_change_configuration(cd_server *server, json_t *params);

/* Features (lsp_*.c). */
/* The report's diagnostics, with at most `max_hints` hints: those nearest doc->edit_at. */
json_t *cd_lsp_diagnostics(const cd_server *server, const cd_doc *doc, const cd_report *report,
                           size_t max_hints);
json_t *cd_lsp_diagnostic(const cd_server *server, const cd_doc *doc, const cd_diagnostic *d);
/* The whole publishDiagnostics notification as JSON text, built without
 * jansson (it runs on every keystroke). malloc'd, *len bytes; NULL when out
 * of memory. Equivalent to cd_lsp_diagnostics() in a notification. */
char *cd_lsp_publish_text(const cd_server *server, const cd_doc *doc, const cd_report *report,
                          size_t max_hints, size_t *len);
/* The hint cap ("maxHints") for a document's settings. */
size_t cd_server_max_hints(cd_server *server, cd_doc *doc);
int cd_lsp_hover(cd_server *server, json_t *params, json_t **result, char *error, size_t error_size);
int cd_lsp_code_action(cd_server *server, json_t *params, json_t **result, char *error,
                       size_t error_size);
int cd_lsp_inlay_hint(cd_server *server, json_t *params, json_t **result, char *error,
                      size_t error_size);
int cd_lsp_document_symbol(cd_server *server, json_t *params, json_t **result, char *error,
                           size_t error_size);
int cd_lsp_code_lens(cd_server *server, json_t *params, json_t **result, char *error,
                     size_t error_size);

#endif
