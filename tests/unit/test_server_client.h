/* A small LSP client for the server tests: runs the real copydesk binary
 * over pipes, frames JSON, and keeps notifications and server requests that
 * arrive while waiting for a response. Included by tests/unit/test_server_*.c. */
#ifndef COPYDESK_TEST_SERVER_CLIENT_H
#define COPYDESK_TEST_SERVER_CLIENT_H

#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "copydesk/framing.h"

#define CLIENT_TIMEOUT_MS 20000

typedef struct client {
  pid_t pid;
  int to, from;
  cd_frame_reader *reader;
  json_t *inbox; /* notifications and server requests not yet taken */
  json_int_t next_id;
} client;

/* Starts `copydesk lsp` (under $CD_TEST_SERVER_WRAPPER when set); with `env_name`
 * non-NULL, that variable set to `env_value`. */
static inline void client_start_env(client *c, const char *env_name, const char *env_value) {
  int in[2], out[2];
  assert_int_equal(pipe(in), 0);
  assert_int_equal(pipe(out), 0);
  signal(SIGPIPE, SIG_IGN);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
    if (env_name != NULL) setenv(env_name, env_value, 1);
    /* CD_TEST_SERVER_WRAPPER runs the server under a tool: "valgrind -q --error-exitcode=99". */
    const char *wrapper = getenv("CD_TEST_SERVER_WRAPPER");
    if (wrapper != NULL && wrapper[0] != '\0') {
      execl("/bin/sh", "sh", "-c", "exec $CD_TEST_SERVER_WRAPPER \"$0\" lsp", CD_BINARY, (char *)NULL);
    }
    execl(CD_BINARY, CD_BINARY, "lsp", (char *)NULL);
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  c->pid = pid;
  c->to = in[1];
  c->from = out[0];
  c->reader = cd_frame_reader_new(c->from, 0);
  c->inbox = json_array();
  c->next_id = 1;
}

static inline void client_start(client *c) { client_start_env(c, NULL, NULL); }

static inline void client_send_raw(client *c, const char *bytes, size_t n) {
  while (n > 0) {
    ssize_t w = write(c->to, bytes, n);
    if (w < 0 && errno == EINTR) continue;
    assert_true(w > 0);
    bytes += w;
    n -= (size_t)w;
  }
}

/* Frames and sends `msg` (stolen). */
static inline void client_send(client *c, json_t *msg) {
  assert_non_null(msg);
  char *text = json_dumps(msg, JSON_COMPACT);
  assert_non_null(text);
  char header[64];
  int hl = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", strlen(text));
  client_send_raw(c, header, (size_t)hl);
  client_send_raw(c, text, strlen(text));
  free(text);
  json_decref(msg);
}

/* The next message from the server; fails the test on timeout, EOF or bad framing. */
static inline json_t *client_recv(client *c) {
  for (;;) {
    char *body;
    size_t len;
    char err[256];
    cd_frame_status st = cd_frame_read(c->reader, false, &body, &len, err, sizeof err);
    if (st == CD_FRAME_OK) {
      json_error_t jerr;
      json_t *msg = json_loadb(body, len, 0, &jerr);
      free(body);
      assert_non_null(msg);
      return msg;
    }
    assert_int_equal(st, CD_FRAME_AGAIN); /* stdout must carry protocol only */
    struct pollfd p = {.fd = c->from, .events = POLLIN};
    int rc = poll(&p, 1, CLIENT_TIMEOUT_MS);
    if (rc == 0) fail_msg("timed out waiting for the server");
  }
}

/* Waits for the response to `id`, keeping everything else in the inbox. */
static inline json_t *client_wait_response(client *c, json_int_t id) {
  for (;;) {
    json_t *msg = client_recv(c);
    json_t *mid = json_object_get(msg, "id");
    if (json_object_get(msg, "method") == NULL && json_is_integer(mid) &&
        json_integer_value(mid) == id) {
      return msg;
    }
    json_array_append_new(c->inbox, msg);
  }
}

/* Sends a request (params stolen, may be NULL) and returns its response. */
static inline json_t *client_request(client *c, const char *method, json_t *params) {
  json_int_t id = c->next_id++;
  json_t *msg = json_pack("{s:s,s:I,s:s}", "jsonrpc", "2.0", "id", id, "method", method);
  if (params != NULL) json_object_set_new(msg, "params", params);
  client_send(c, msg);
  return client_wait_response(c, id);
}

static inline void client_notify(client *c, const char *method, json_t *params) {
  json_t *msg = json_pack("{s:s,s:s}", "jsonrpc", "2.0", "method", method);
  if (params != NULL) json_object_set_new(msg, "params", params);
  client_send(c, msg);
}

/* True when `msg` is `method` and (uri == NULL or params.uri == uri) and
 * (version < 0 or params.version == version). */
static inline bool note_matches(json_t *msg, const char *method, const char *uri, long long version) {
  const char *m = json_string_value(json_object_get(msg, "method"));
  if (m == NULL || strcmp(m, method) != 0) return false;
  json_t *params = json_object_get(msg, "params");
  const char *u = json_string_value(json_object_get(params, "uri"));
  if (uri != NULL && (u == NULL || strcmp(u, uri) != 0)) return false;
  if (version >= 0 && json_integer_value(json_object_get(params, "version")) != version) return false;
  return true;
}

/* Takes (from the inbox, else waits for) the first message matching. New reference. */
static inline json_t *client_wait_note(client *c, const char *method, const char *uri,
                                       long long version) {
  size_t i;
  json_t *msg;
  json_array_foreach(c->inbox, i, msg) {
    if (note_matches(msg, method, uri, version)) {
      json_incref(msg);
      json_array_remove(c->inbox, i);
      return msg;
    }
  }
  for (;;) {
    msg = client_recv(c);
    if (note_matches(msg, method, uri, version)) return msg;
    json_array_append_new(c->inbox, msg);
  }
}

/* Whether the inbox holds a message with this method (for absence checks
 * after a round trip: the server answers in order). */
static inline bool client_inbox_has(client *c, const char *method) {
  size_t i;
  json_t *msg;
  json_array_foreach(c->inbox, i, msg) {
    if (note_matches(msg, method, NULL, -1)) return true;
  }
  return false;
}

/* initialize + initialized. caps/options are JSON texts (NULL: {} / absent). */
static inline json_t *client_initialize(client *c, const char *caps, const char *options) {
  json_error_t jerr;
  json_t *params = json_pack("{s:o}", "capabilities",
                             caps != NULL ? json_loads(caps, 0, &jerr) : json_object());
  assert_non_null(params);
  if (options != NULL) json_object_set_new(params, "initializationOptions", json_loads(options, 0, &jerr));
  json_t *resp = client_request(c, "initialize", params);
  assert_non_null(json_object_get(resp, "result"));
  client_notify(c, "initialized", json_object());
  return resp;
}

static inline void client_open(client *c, const char *uri, const char *language, long long version,
                               const char *text) {
  client_notify(c, "textDocument/didOpen",
                json_pack("{s:{s:s,s:s,s:I,s:s}}", "textDocument", "uri", uri, "languageId",
                          language, "version", (json_int_t)version, "text", text));
}

/* Closes stdin and returns the server's exit status. */
static inline int client_finish(client *c) {
  int status = -1;
  close(c->to);
  /* Drain so the server never blocks writing. */
  char buf[4096];
  while (read(c->from, buf, sizeof buf) > 0) {
  }
  assert_int_equal(waitpid(c->pid, &status, 0), c->pid);
  close(c->from);
  cd_frame_reader_free(c->reader);
  json_decref(c->inbox);
  assert_true(WIFEXITED(status));
  return WEXITSTATUS(status);
}

/* shutdown + exit, expecting status 0. */
static inline void client_shutdown(client *c) {
  json_t *resp = client_request(c, "shutdown", NULL);
  assert_non_null(json_object_get(resp, "result"));
  json_decref(resp);
  client_notify(c, "exit", NULL);
  assert_int_equal(client_finish(c), 0);
}

static inline int error_code(const json_t *resp) {
  return (int)json_integer_value(json_object_get(json_object_get(resp, "error"), "code"));
}

/* ---- an independent UTF-16/UTF-8 converter (not the server's line index) ---- */

/* Byte offset of (line, character) counting UTF-16 units (or bytes when utf8). */
static inline size_t test_offset(const char *text, unsigned line, unsigned character, bool utf8) {
  size_t i = 0, len = strlen(text);
  for (unsigned l = 0; l < line && i < len; i++) {
    if (text[i] == '\n') l++;
  }
  unsigned units = 0;
  while (i < len && text[i] != '\n' && units < character) {
    unsigned char b = (unsigned char)text[i];
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    units += utf8 ? (unsigned)n : (n == 4 ? 2 : 1);
    i += n;
  }
  return i;
}

/* (line, character) of byte offset `off`, counting UTF-16 units (or bytes when utf8). */
static inline void test_position(const char *text, size_t off, bool utf8, unsigned *line,
                                 unsigned *character) {
  unsigned l = 0, ch = 0;
  for (size_t i = 0; i < off && text[i] != '\0';) {
    if (text[i] == '\n') {
      l++;
      ch = 0;
      i++;
      continue;
    }
    unsigned char b = (unsigned char)text[i];
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    ch += utf8 ? (unsigned)n : (n == 4 ? 2 : 1);
    i += n;
  }
  *line = l;
  *character = ch;
}

static inline json_t *test_position_json(const char *text, size_t off, bool utf8) {
  unsigned l, ch;
  test_position(text, off, utf8, &l, &ch);
  return json_pack("{s:i,s:i}", "line", (int)l, "character", (int)ch);
}

static inline size_t test_range_offset(const char *text, const json_t *pos, bool utf8) {
  return test_offset(text, (unsigned)json_integer_value(json_object_get(pos, "line")),
                     (unsigned)json_integer_value(json_object_get(pos, "character")), utf8);
}

/* Applies LSP TextEdits (non-overlapping, any order) to `text`; returns a new string. */
static inline char *test_apply_edits(const char *text, const json_t *edits, bool utf8) {
  size_t n = json_array_size(edits);
  size_t *starts = calloc(n + 1, sizeof *starts), *ends = calloc(n + 1, sizeof *ends);
  size_t *order = calloc(n + 1, sizeof *order);
  for (size_t i = 0; i < n; i++) {
    json_t *range = json_object_get(json_array_get(edits, i), "range");
    starts[i] = test_range_offset(text, json_object_get(range, "start"), utf8);
    ends[i] = test_range_offset(text, json_object_get(range, "end"), utf8);
    order[i] = i;
  }
  for (size_t i = 1; i < n; i++) { /* insertion sort by start, stable */
    for (size_t j = i; j > 0 && starts[order[j - 1]] > starts[order[j]]; j--) {
      size_t t = order[j];
      order[j] = order[j - 1];
      order[j - 1] = t;
    }
  }
  size_t len = strlen(text), cap = len + 1;
  for (size_t i = 0; i < n; i++) {
    cap += strlen(json_string_value(json_object_get(json_array_get(edits, i), "newText")));
  }
  char *out = malloc(cap);
  size_t o = 0, at = 0;
  for (size_t k = 0; k < n; k++) {
    size_t i = order[k];
    memcpy(out + o, text + at, starts[i] - at);
    o += starts[i] - at;
    const char *nt = json_string_value(json_object_get(json_array_get(edits, i), "newText"));
    memcpy(out + o, nt, strlen(nt));
    o += strlen(nt);
    at = ends[i];
  }
  memcpy(out + o, text + at, len - at);
  o += len - at;
  out[o] = '\0';
  free(starts);
  free(ends);
  free(order);
  return out;
}

/* The diagnostic with this code in a publishDiagnostics/pull items array, or NULL. */
static inline json_t *find_code(const json_t *items, const char *code) {
  size_t i;
  json_t *d;
  json_array_foreach(items, i, d) {
    const char *cd = json_string_value(json_object_get(d, "code"));
    if (cd != NULL && strcmp(cd, code) == 0) return d;
  }
  return NULL;
}

#endif
