/* The server loop: read messages, queue them (so a $/cancelRequest can
 * overtake the request it cancels), and dispatch them one at a time through
 * a closed table. Lifecycle rules live here. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "server.h"

#include "copydesk/lsp_json.h"
#include "lsp_record.h"
#include "server_internal.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ERROR_SIZE 512

void cd_server_log(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("copydesk: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

void cd_server_send(cd_server *server, const json_t *msg) {
  if (msg == NULL) {
    cd_server_log("out of memory building a message");
    return;
  }
  if (cd_jsonrpc_send(server->out_fd, msg) != 0) {
    /* The client is gone: nobody is left to talk to. */
    server->input_ended = true;
  }
}

void cd_server_notify(cd_server *server, const char *method, json_t *params) {
  json_t *msg = cd_jsonrpc_notification(method, params);
  cd_server_send(server, msg);
  json_decref(msg);
}

void cd_server_show_message(cd_server *server, int type, const char *message) {
  cd_server_notify(server, "window/showMessage",
                   json_pack("{s:i,s:s}", "type", type, "message", message));
}

static void send_error(cd_server *server, json_t *id, int code, const char *message) {
  json_t *msg = cd_jsonrpc_error(id, code, message);
  cd_server_send(server, msg);
  json_decref(msg);
}

cd_doc *cd_server_doc_param(cd_server *server, const json_t *params, bool *missing, char *error,
                            size_t error_size) {
  const char *uri = json_string_value(cd_json_path(params, "textDocument", "uri", NULL));
  *missing = false;
  if (uri == NULL) {
    snprintf(error, error_size, "params.textDocument.uri must be a string");
    return NULL;
  }
  cd_doc *doc = cd_doc_store_get(server->docs, uri);
  if (doc == NULL) {
    *missing = true;
    snprintf(error, error_size, "document not open: %s", uri);
  }
  return doc;
}

int cd_server_range_param(cd_server *server, const json_t *params, cd_doc **doc, size_t *start, size_t *end,
                          char *error, size_t error_size) {
  bool missing;
  if (!cd_lsp_range_valid(json_object_get(params, "range"))) {
    snprintf(error, error_size, "params.range must be a valid Range");
    return CD_RPC_INVALID_PARAMS;
  }
  *doc = cd_server_doc_param(server, params, &missing, error, error_size);
  if (*doc == NULL) return missing ? 0 : CD_RPC_INVALID_PARAMS;
  if (!cd_lsp_range_parse(json_object_get(params, "range"), (*doc)->lines, server->enc, start, end)) {
    snprintf(error, error_size, "params.range must be a valid Range");
    return CD_RPC_INVALID_PARAMS;
  }
  return 0;
}

int cd_server_position_param(cd_server *server, const json_t *params, cd_doc **doc, const cd_report **report,
                             size_t *off, char *error, size_t error_size) {
  bool missing;
  cd_position pos;
  *doc = NULL;
  /* Malformed params are an error even for a document that is not open. */
  if (!cd_lsp_position_parse(json_object_get(params, "position"), &pos)) {
    snprintf(error, error_size, "params.position must be {line, character} of non-negative integers");
    return CD_RPC_INVALID_PARAMS;
  }
  *doc = cd_server_doc_param(server, params, &missing, error, error_size);
  if (*doc == NULL) return missing ? 0 : CD_RPC_INVALID_PARAMS;
  *report = cd_server_analysis(server, *doc);
  if (*report == NULL) {
    snprintf(error, error_size, "out of memory");
    return CD_RPC_INTERNAL_ERROR;
  }
  *off = cd_line_index_offset((*doc)->lines, pos, server->enc);
  return 0;
}

const cd_report *cd_server_analysis(cd_server *server, cd_doc *doc) {
  if (cd_server_is_config_doc(doc)) {
    /* A configuration buffer is no article: an empty analysis keeps every feature quiet. */
    if (doc->report == NULL) doc->report = cd_analyze("", 0, CD_FORMAT_PLAINTEXT, NULL);
    return doc->report;
  }
  const cd_settings *settings = cd_server_settings_for(server, doc);
  if (doc->report == NULL) {
    const cd_record_source **record;
    size_t n = cd_server_record_for(server, doc, settings, &record);
    cd_doc_analysis_with_record(doc, settings != NULL ? settings->config : NULL, record, n);
    free(record);
  }
  return cd_doc_analysis(doc, settings != NULL ? settings->config : NULL);
}

bool cd_server_change_queued(const cd_server *server, const char *uri) {
  for (size_t i = 0; i < server->queue_len; i++) {
    const cd_message *m = &server->queue[i].msg;
    if (m->kind != CD_MSG_NOTIFICATION) continue;
    if (strcmp(m->method, "textDocument/didChange") != 0 &&
        strcmp(m->method, "textDocument/didClose") != 0) {
      continue;
    }
    const char *u = json_string_value(cd_json_path(m->params, "textDocument", "uri", NULL));
    if (u != NULL && strcmp(u, uri) == 0) return true;
  }
  return false;
}

/* ---- queue ------------------------------------------------------------ */

static bool same_id(const json_t *a, const json_t *b) {
  return a != NULL && b != NULL && json_equal((json_t *)a, (json_t *)b);
}

/* Marks a queued request cancelled; true when found (else it already ran). */
static bool cancel_queued(cd_server *server, const json_t *id) {
  for (size_t i = 0; i < server->queue_len; i++) {
    cd_pending *p = &server->queue[i];
    if (p->msg.kind == CD_MSG_REQUEST && same_id(p->msg.id, id)) {
      p->cancelled = true;
      return true;
    }
  }
  return false;
}

static void enqueue(cd_server *server, json_t *root, const cd_message *msg) {
  if (server->queue_len == server->queue_cap) {
    size_t ncap = server->queue_cap ? server->queue_cap * 2 : 16;
    cd_pending *nq = realloc(server->queue, ncap * sizeof *nq);
    if (nq == NULL) {
      cd_server_log("out of memory queueing a message; dropped");
      if (msg->kind == CD_MSG_REQUEST) send_error(server, msg->id, CD_RPC_INTERNAL_ERROR, "out of memory");
      json_decref(root);
      return;
    }
    server->queue = nq;
    server->queue_cap = ncap;
  }
  cd_pending *p = &server->queue[server->queue_len++];
  p->root = root;
  p->msg = *msg;
  p->cancelled = false;
}

/* Turns one frame into a queued message or an immediate error response. */
static void take_frame(cd_server *server, cd_frame_status status, char *body, size_t len,
                       const char *frame_error) {
  char error[ERROR_SIZE];
  json_t *root = NULL;
  switch (status) {
  case CD_FRAME_OK:
    break;
  case CD_FRAME_BAD_HEADER:
    cd_server_log("malformed header: %s", frame_error);
    snprintf(error, sizeof error, "malformed message header: %s", frame_error);
    send_error(server, NULL, CD_RPC_PARSE_ERROR, error);
    return;
  case CD_FRAME_TOO_LARGE: {
    json_t *id = cd_jsonrpc_id_from_prefix(body, len);
    cd_server_log("%s", frame_error);
    send_error(server, id, CD_RPC_INVALID_REQUEST, frame_error);
    json_decref(id);
    free(body);
    return;
  }
  case CD_FRAME_EOF:
    server->input_ended = true;
    return;
  case CD_FRAME_IO_ERROR:
    cd_server_log("input failed: %s", frame_error);
    server->input_ended = true;
    return;
  case CD_FRAME_AGAIN:
    return;
  }
  root = cd_jsonrpc_parse(body, len, error, sizeof error);
  free(body);
  if (root == NULL) {
    send_error(server, NULL, CD_RPC_PARSE_ERROR, error);
    return;
  }
  cd_message msg;
  if (cd_jsonrpc_classify(root, &msg, error, sizeof error) == CD_MSG_INVALID) {
    send_error(server, msg.id, CD_RPC_INVALID_REQUEST, error);
    json_decref(root);
    return;
  }
  if (msg.kind == CD_MSG_NOTIFICATION && strcmp(msg.method, "$/cancelRequest") == 0) {
    json_t *id = json_object_get(msg.params, "id");
    if (id != NULL) cancel_queued(server, id);
    json_decref(root);
    return;
  }
  enqueue(server, root, &msg);
}

/* Reads everything available; blocks for one message when the queue is empty and no publish is held. */
static void read_input(cd_server *server) {
  char error[ERROR_SIZE];
  bool block = server->queue_len == 0 && cd_server_publish_due(server) == 0;
  /* Bounded, so a client that never pauses still gets answers. */
  while (!server->input_ended && server->queue_len < 4096) {
    char *body;
    size_t len;
    error[0] = '\0';
    cd_frame_status st = cd_frame_read(server->reader, block, &body, &len, error, sizeof error);
    if (st == CD_FRAME_AGAIN) break;
    take_frame(server, st, body, len, error);
    if (server->queue_len > 0) block = false;
  }
}

/* ---- lifecycle and dispatch -------------------------------------------- */

static void read_client_caps(cd_server *server, const json_t *caps) {
  cd_client_caps *c = &server->caps;
  json_t *td = cd_json_path(caps, "textDocument", NULL);
  /* publishDiagnostics says it for pushed diagnostics; LSP 3.18 lets a pulling client say it in
   * textDocument.diagnostic */
  c->related_information = cd_json_path_true(td, "publishDiagnostics", "relatedInformation", NULL) ||
                           cd_json_path_true(td, "diagnostic", "relatedInformation", NULL);
  c->code_description = cd_json_path_true(td, "publishDiagnostics", "codeDescriptionSupport", NULL);
  c->pull_diagnostics = json_is_object(cd_json_path(td, "diagnostic", NULL));
  c->hierarchical_symbols =
      cd_json_path_true(td, "documentSymbol", "hierarchicalDocumentSymbolSupport", NULL);
  c->document_changes = cd_json_path_true(caps, "workspace", "workspaceEdit", "documentChanges", NULL);
  c->configuration = cd_json_path_true(caps, "workspace", "configuration", NULL);
  c->code_action_literals = json_is_object(cd_json_path(td, "codeAction", "codeActionLiteralSupport", NULL));
  c->inlay_refresh = cd_json_path_true(caps, "workspace", "inlayHint", "refreshSupport", NULL);
  c->code_lens_refresh = cd_json_path_true(caps, "workspace", "codeLens", "refreshSupport", NULL);
  c->diagnostic_refresh = cd_json_path_true(caps, "workspace", "diagnostics", "refreshSupport", NULL);
  c->watch_registration =
      cd_json_path_true(caps, "workspace", "didChangeWatchedFiles", "dynamicRegistration", NULL);
  const char *snippet = json_string_value(cd_json_path(caps, "experimental", "copydesk", "insertSnippetCommand", NULL));
  free(c->snippet_command);
  c->snippet_command = snippet != NULL && snippet[0] != '\0' ? strdup(snippet) : NULL;
  json_t *formats = cd_json_path(td, "hover", "contentFormat", NULL);
  c->markdown_hover = true;
  if (json_is_array(formats) && json_array_size(formats) > 0) {
    c->markdown_hover = false;
    size_t i;
    json_t *f;
    json_array_foreach(formats, i, f) {
      const char *s = json_string_value(f);
      if (s != NULL && strcmp(s, "markdown") == 0) c->markdown_hover = true;
    }
  }
  server->enc = cd_lsp_negotiate_encoding(caps);
}

/* The workspace folder: the first of workspaceFolders, else rootUri, else rootPath. */
static void read_root(cd_server *server, const json_t *params) {
  const char *uri = json_string_value(cd_json_path(json_array_get(json_object_get(params, "workspaceFolders"), 0), "uri", NULL));
  if (uri == NULL) uri = json_string_value(json_object_get(params, "rootUri"));
  free(server->root_dir);
  server->root_dir = cd_lsp_uri_to_path(uri);
  const char *path = json_string_value(json_object_get(params, "rootPath"));
  if (server->root_dir == NULL && path != NULL && path[0] == '/') server->root_dir = strdup(path);
}

static int handle_initialize(cd_server *server, json_t *params, json_t **result, char *error,
                             size_t error_size) {
  if (!json_is_object(params)) {
    snprintf(error, error_size, "initialize needs an object of params");
    return CD_RPC_INVALID_PARAMS;
  }
  json_t *caps = json_object_get(params, "capabilities");
  if (caps != NULL && !json_is_object(caps)) {
    snprintf(error, error_size, "params.capabilities must be an object");
    return CD_RPC_INVALID_PARAMS;
  }
  read_client_caps(server, caps);
  read_root(server, params);
  /* Still uninitialised here, so applying settings sends no refresh requests:
   * only showMessage may precede the initialize response. */
  json_t *options = json_object_get(params, "initializationOptions");
  if (options != NULL && !json_is_null(options)) {
    cd_server_apply_settings(server, options, "initializationOptions");
  }
  server->state = CD_STATE_RUNNING;
  json_t *capabilities = json_pack(
      "{s:s, s:{s:b,s:i,s:{s:b}}, s:b, s:b, s:b, s:{s:b}}", "positionEncoding",
      cd_encoding_name(server->enc), "textDocumentSync", "openClose", 1, "change", 2, "save",
      "includeText", 0, "hoverProvider", 1, "inlayHintProvider", 1, "documentSymbolProvider", 1,
      "codeLensProvider", "resolveProvider", 0);
  if (capabilities == NULL) return CD_RPC_INTERNAL_ERROR;
  json_object_set_new(capabilities, "definitionProvider", json_true()); /* a quote to its passage of the record */
  if (server->caps.code_action_literals) {
    json_object_set_new(capabilities, "codeActionProvider",
                        json_pack("{s:[s],s:b}", "codeActionKinds", "quickfix", "resolveProvider", 0));
  } else {
    json_object_set_new(capabilities, "codeActionProvider", json_true());
  }
  if (server->caps.pull_diagnostics) {
    json_object_set_new(capabilities, "diagnosticProvider",
                        json_pack("{s:s,s:b,s:b}", "identifier", "copydesk", "interFileDependencies",
                                  0, "workspaceDiagnostics", 0));
  }
  *result = json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities, "serverInfo", "name",
                      "copydesk", "version", "0.1.0");
  return *result != NULL ? 0 : CD_RPC_INTERNAL_ERROR;
}

static void handle_initialized(cd_server *server, json_t *params) {
  (void)params;
  cd_server_watch_config_files(server);
  cd_server_watch_record_files(server);
  cd_server_request_configuration(server);
}

typedef struct request_entry {
  const char *method;
  cd_request_fn fn;
} request_entry;

typedef struct notification_entry {
  const char *method;
  cd_notification_fn fn;
} notification_entry;

static const request_entry requests[] = {
    {"textDocument/hover", cd_lsp_hover},
    {"textDocument/definition", cd_lsp_definition},
    {"textDocument/codeAction", cd_lsp_code_action},
    {"textDocument/inlayHint", cd_lsp_inlay_hint},
    {"textDocument/documentSymbol", cd_lsp_document_symbol},
    {"textDocument/codeLens", cd_lsp_code_lens},
    {"textDocument/diagnostic", cd_server_pull_diagnostics},
};

static const notification_entry notifications[] = {
    {"initialized", handle_initialized},
    {"textDocument/didOpen", cd_server_did_open},
    {"textDocument/didChange", cd_server_did_change},
    {"textDocument/didClose", cd_server_did_close},
    {"textDocument/didSave", cd_server_did_save},
    {"workspace/didChangeConfiguration", cd_server_did_change_configuration},
    {"workspace/didChangeWatchedFiles", cd_server_did_change_watched_files},
};

static void answer(cd_server *server, json_t *id, int code, json_t *result, const char *error) {
  json_t *msg = code == 0 ? cd_jsonrpc_response(id, result) : cd_jsonrpc_error(id, code, error);
  cd_server_send(server, msg);
  json_decref(msg);
}

static void dispatch_request(cd_server *server, cd_pending *p) {
  char error[ERROR_SIZE] = "";
  const cd_message *m = &p->msg;
  json_t *result = NULL;
  int code;
  if (p->cancelled) {
    code = CD_RPC_REQUEST_CANCELLED;
    snprintf(error, sizeof error, "request cancelled");
  } else if (server->state == CD_STATE_UNINITIALIZED) {
    if (strcmp(m->method, "initialize") == 0) {
      code = handle_initialize(server, m->params, &result, error, sizeof error);
    } else {
      code = CD_RPC_SERVER_NOT_INITIALIZED;
      snprintf(error, sizeof error, "the server is not initialized: send initialize first");
    }
  } else if (server->state == CD_STATE_SHUTDOWN) {
    code = CD_RPC_INVALID_REQUEST;
    snprintf(error, sizeof error, "the server is shut down: only exit is accepted");
  } else if (strcmp(m->method, "initialize") == 0) {
    code = CD_RPC_INVALID_REQUEST;
    snprintf(error, sizeof error, "initialize was already received");
  } else if (strcmp(m->method, "shutdown") == 0) {
    server->state = CD_STATE_SHUTDOWN;
    code = 0;
  } else {
    code = CD_RPC_METHOD_NOT_FOUND;
    snprintf(error, sizeof error, "unknown method: %s", m->method);
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++) {
      if (strcmp(requests[i].method, m->method) == 0) {
        error[0] = '\0';
        code = requests[i].fn(server, m->params, &result, error, sizeof error);
        break;
      }
    }
  }
  if (code != 0) {
    json_decref(result);
    result = NULL;
  }
  answer(server, m->id, code, result, error);
}

static void dispatch_notification(cd_server *server, cd_pending *p) {
  const cd_message *m = &p->msg;
  if (strcmp(m->method, "exit") == 0) {
    server->exit_status = server->state == CD_STATE_SHUTDOWN ? 0 : 1;
    return;
  }
  if (server->state != CD_STATE_RUNNING) return; /* dropped, as the spec says */
  for (size_t i = 0; i < sizeof notifications / sizeof notifications[0]; i++) {
    if (strcmp(notifications[i].method, m->method) == 0) {
      notifications[i].fn(server, m->params);
      return;
    }
  }
  /* Unknown notifications ($/setTrace, ...) are ignored. */
}

static void dispatch_next(cd_server *server) {
  cd_pending p = server->queue[0];
  memmove(server->queue, server->queue + 1, (server->queue_len - 1) * sizeof *server->queue);
  server->queue_len--;
  if (server->state == CD_STATE_RUNNING && p.msg.kind != CD_MSG_RESPONSE && !p.cancelled) {
    cd_server_poll_config_files(server);
    cd_server_poll_record(server);
  }
  switch (p.msg.kind) {
  case CD_MSG_REQUEST:
    dispatch_request(server, &p);
    break;
  case CD_MSG_NOTIFICATION:
    dispatch_notification(server, &p);
    break;
  case CD_MSG_RESPONSE:
    cd_server_configuration_response(server, &p.msg);
    break;
  case CD_MSG_INVALID:
    break;
  }
  json_decref(p.root);
}

/* COPYDESK_LSP_MAX_MESSAGE (bytes) overrides the 64 MiB default, for tests and odd clients. */
static size_t max_message_size(void) {
  const char *env = getenv("COPYDESK_LSP_MAX_MESSAGE");
  char *end;
  if (env == NULL || *env == '\0') return 0;
  unsigned long long v = strtoull(env, &end, 10);
  return *end == '\0' && v > 0 ? (size_t)v : 0;
}

/* A publishDiagnostics for a long article can run to a few hundred KB; with the default 64 KB pipe
 * the server would block on every 64 KB until the editor reads. A wider pipe (Linux; the limit
 * for unprivileged processes is 1 MB) lets it go in one write. Any other output is left as is. */
static void widen_output_pipe(int fd) {
#if defined(__linux__) && defined(F_SETPIPE_SZ)
  (void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#else
  (void)fd;
#endif
}

/* Each analysis allocates a few MB and frees it all; by default glibc hands large blocks back to
 * the kernel and the next keystroke's analysis faults every page in again, which costs more than
 * the analysis itself. A server keeps them: its footprint stays at its largest document's. The
 * mmap threshold is the trim threshold: a block between them (a report's quotes are 136 bytes
 * each, 71 MB for 1 MB of straight quotation marks) would be mapped afresh on every keystroke
 * while the heap kept the rest. */
void cd_server_keep_memory(void) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

/* Keeping freed memory (above) has a price over a long session: the free blocks left between
 * documents' texts and reports by thousands of analyses stay resident, and RSS creeps up though
 * the heap in use does not (bench_soak). They go back to the kernel when the client pauses
 * (TRIM_IDLE_MS, below), where nobody waits; this count is the backstop for a client that never
 * pauses. Each trim costs the next keystroke its page faults (and the one after it some): every
 * 256 messages, as this was, that put two slow keystrokes in each 256 of a burst of typing, a
 * p99 of their own (bench_lsp_latency: 2.7-3.3 ms at keystrokes 252-253 and 508-509, against
 * 1.6 ms); every 4,096 messages, a burst of over ten minutes without a three-second pause. */
enum { TRIM_EVERY = 4096 };
/* The same when the client has been silent for TRIM_IDLE_MS with nothing left to answer or publish
 * and a message came since the last time: the free pages go back while nobody waits for an answer,
 * so the RSS of a server at rest is what it holds, not what its heap once spread over (bench_soak).
 * The next analysis faults those pages in again (about 140 faults, several ms here, on a 60 KB
 * article), so the silence must be a pause in the writing, not the gap between two keystrokes: a
 * typist at five characters a second leaves 200 ms between them, and with a 200 ms threshold every
 * such keystroke paid for a trim (bench_lsp_latency with a pace of 250 ms: 138 page faults a
 * keystroke; 0.2 with this one). */
enum { TRIM_IDLE_MS = 3000 };
static void give_back_free_memory(void) {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

/* Nothing to answer or publish, and no byte from the client for TRIM_IDLE_MS. */
static bool idle(cd_server *server, int in_fd) {
  if (cd_server_publish_due(server) != 0) return false;
  struct pollfd pfd = {.fd = in_fd, .events = POLLIN};
  return poll(&pfd, 1, TRIM_IDLE_MS) == 0;
}

int cd_server_main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  return cd_server_run(STDIN_FILENO, STDOUT_FILENO);
}

int cd_server_run(int in_fd, int out_fd) {
  int status = 1;
  unsigned long handled = 0, handled_at_trim = 0;
  cd_server server;
  memset(&server, 0, sizeof server);
  server.out_fd = out_fd;
  server.exit_status = -1;
  server.enc = CD_ENC_UTF16;
  server.next_request_id = 1;
  cd_server_keep_memory();
  widen_output_pipe(server.out_fd);
  /* A vanished client must end the loop with EPIPE, not kill us mid-write. */
  signal(SIGPIPE, SIG_IGN);
  server.reader = cd_frame_reader_new(in_fd, max_message_size());
  server.docs = cd_doc_store_new();
  if (server.reader == NULL || server.docs == NULL) {
    cd_server_log("out of memory at start");
    goto cleanup;
  }
  while (server.exit_status < 0) {
    if (server.queue_len == 0 && handled != handled_at_trim && idle(&server, in_fd)) {
      give_back_free_memory();
      handled_at_trim = handled;
    }
    read_input(&server);
    if (server.queue_len == 0) {
      if (server.input_ended) break;
      /* Idle with a publish held back: wait for more input until it is due, then send it. */
      double due = cd_server_publish_due(&server);
      if (due > 0) {
        double wait = due - cd_server_now_ms();
        struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
        if (wait <= 0 || poll(&pfd, 1, (int)wait + 1) == 0) cd_server_flush_publishes(&server, false);
      }
      continue;
    }
    dispatch_next(&server);
    if (++handled - handled_at_trim >= TRIM_EVERY) {
      give_back_free_memory();
      handled_at_trim = handled;
    }
  }
  status = server.exit_status >= 0 ? server.exit_status : 1;
cleanup:
  for (size_t i = 0; i < server.queue_len; i++) json_decref(server.queue[i].root);
  free(server.queue);
  cd_frame_reader_free(server.reader);
  cd_doc_store_free(server.docs);
  cd_server_record_free(&server);
  cd_server_settings_clear(&server);
  free(server.settings);
  json_decref(server.editor_settings);
  free(server.root_dir);
  free(server.caps.snippet_command);
  return status;
}
