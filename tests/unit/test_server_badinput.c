/* Every bad-input case over pipes: broken JSON, invalid requests, bad
 * headers, oversized messages, malformed params, unknown documents. The
 * server answers each and keeps serving. */
#include "test_server_client.h"

/* Header and body in one write, as clients send them. */
static void send_body(client *c, const char *body) {
  size_t len = strlen(body);
  char *msg = malloc(len + 64);
  assert_non_null(msg);
  int n = snprintf(msg, 64, "Content-Length: %zu\r\n\r\n", len);
  memcpy(msg + n, body, len);
  client_send_raw(c, msg, (size_t)n + len);
  free(msg);
}

/* The server still works: a request gets its normal answer. */
static void still_serving(client *c) {
  json_t *r = client_request(c, "textDocument/codeLens",
                             json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:none"));
  assert_true(json_is_array(json_object_get(r, "result")));
  json_decref(r);
}

static json_t *next_error(client *c) {
  json_t *msg = client_recv(c);
  assert_non_null(json_object_get(msg, "error"));
  return msg;
}

static void test_framing_and_json_errors(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  send_body(&c, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":");          /* broken JSON */
  json_t *e = next_error(&c);
  assert_int_equal(error_code(e), -32700);
  assert_true(json_is_null(json_object_get(e, "id")));
  json_decref(e);
  send_body(&c, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":42}");       /* not a request */
  e = next_error(&c);
  assert_int_equal(error_code(e), -32600);
  assert_int_equal(json_integer_value(json_object_get(e, "id")), 6);
  json_decref(e);
  send_body(&c, "[1,2]");                                               /* batch */
  e = next_error(&c);
  assert_int_equal(error_code(e), -32600);
  json_decref(e);
  send_body(&c, "{\"id\":7,\"method\":\"shutdown\"}");                  /* no jsonrpc member */
  e = next_error(&c);
  assert_int_equal(error_code(e), -32600);
  json_decref(e);
  const char *bad_header = "Content-Lenght: 2\r\n\r\n{}";              /* misspelt header */
  client_send_raw(&c, bad_header, strlen(bad_header));
  e = next_error(&c);
  assert_int_equal(error_code(e), -32700);
  json_decref(e);
  const char *bad_length = "Content-Length: twelve\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}";
  client_send_raw(&c, bad_length, strlen(bad_length));
  e = next_error(&c);
  assert_int_equal(error_code(e), -32700);
  json_decref(e);
  still_serving(&c);
  /* Content-Type is accepted on a good message. */
  const char *body = "{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"copydesk/nothing\"}";
  char typed[256];
  int tn = snprintf(typed, sizeof typed,
                    "Content-Length: %zu\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n%s",
                    strlen(body), body);
  client_send_raw(&c, typed, (size_t)tn);
  json_t *r = client_wait_response(&c, 77);
  assert_int_equal(error_code(r), -32601);
  json_decref(r);
  client_shutdown(&c);
}

static void test_oversized_message(void **state) {
  (void)state;
  client c;
  client_start_env(&c, "COPYDESK_LSP_MAX_MESSAGE", "4096");
  json_decref(client_initialize(&c, NULL, NULL));
  size_t n = 100000;
  char *big = malloc(n + 256);
  int k = sprintf(big, "{\"jsonrpc\":\"2.0\",\"id\":31,\"method\":\"textDocument/didOpen\",\"params\":{\"text\":\"");
  memset(big + k, 'x', n);
  strcpy(big + k + n, "\"}}");
  send_body(&c, big);
  free(big);
  json_t *e = client_wait_response(&c, 31);
  assert_int_equal(error_code(e), -32600);
  const char *msg = json_string_value(json_object_get(json_object_get(e, "error"), "message"));
  assert_non_null(strstr(msg, "limit"));
  json_decref(e);
  still_serving(&c); /* resynchronised on the next message */
  client_shutdown(&c);
}

/* A declared length far beyond what is sent: refused at once (with the id), and the next
 * message is served instead of being swallowed as the rest of that body. */
static void test_huge_content_length(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  const char *lie = "Content-Length: 99999999999\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"shutdown\"}";
  client_send_raw(&c, lie, strlen(lie));
  json_t *e = client_wait_response(&c, 41);
  assert_int_equal(error_code(e), -32600);
  assert_non_null(strstr(json_string_value(json_object_get(json_object_get(e, "error"), "message")), "99999999999"));
  json_decref(e);
  still_serving(&c);
  client_open(&c, "untitled:after", "plaintext", 1, "\"We will win.\"\n");
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:after", 1));
  client_shutdown(&c);
}

static void test_malformed_params(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_open(&c, "untitled:a", "plaintext", 0, "\"We will win.\"\n");
  json_t *r = client_request(&c, "textDocument/hover", json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:a"));
  assert_int_equal(error_code(r), -32602); /* no position */
  json_decref(r);
  r = client_request(&c, "textDocument/hover",
                     json_pack("{s:{s:s},s:{s:i,s:i}}", "textDocument", "uri", "untitled:a", "position", "line", -1, "character", 0));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  /* real numbers out of range or with a fraction: refused before any conversion */
  r = client_request(&c, "textDocument/hover", json_pack("{s:{s:s},s:{s:f,s:i}}", "textDocument", "uri", "untitled:a",
                                                         "position", "line", 1e300, "character", 0));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  r = client_request(&c, "textDocument/hover", json_pack("{s:{s:s},s:{s:i,s:f}}", "textDocument", "uri", "untitled:a",
                                                         "position", "line", 0, "character", 1.5));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  r = client_request(&c, "textDocument/hover", json_pack("{s:{s:i}}", "textDocument", "uri", 3));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  r = client_request(&c, "textDocument/inlayHint", json_pack("{s:{s:s},s:s}", "textDocument", "uri", "untitled:a", "range", "all"));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  r = client_request(&c, "textDocument/codeAction", json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:a"));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  r = client_request(&c, "textDocument/documentSymbol", json_pack("[]"));
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  r = client_request(&c, "textDocument/diagnostic", NULL);
  assert_int_equal(error_code(r), -32602);
  json_decref(r);
  /* Broken notifications are dropped; documents that were never opened are ignored. */
  client_notify(&c, "textDocument/didOpen", json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:b"));
  client_notify(&c, "textDocument/didChange", json_pack("{s:{s:s,s:i},s:[{s:s}]}", "textDocument", "uri",
                                                        "untitled:never", "version", 1, "contentChanges", "text", "x"));
  client_notify(&c, "textDocument/didChange", json_pack("{s:{s:s,s:i},s:s}", "textDocument", "uri",
                                                        "untitled:a", "version", 1, "contentChanges", "oops"));
  client_notify(&c, "textDocument/didClose", json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:never"));
  client_notify(&c, "textDocument/didChange", NULL);
  /* Far out-of-range edit positions are clamped. */
  client_notify(&c, "textDocument/didChange",
                json_pack("{s:{s:s,s:i},s:[{s:{s:{s:i,s:i},s:{s:i,s:i}},s:s}]}", "textDocument", "uri",
                          "untitled:a", "version", 9, "contentChanges", "range", "start", "line", 99,
                          "character", 99, "end", "line", 100, "character", 0, "text", "\nMore."));
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:a", 9);
  json_decref(note);
  still_serving(&c);
  client_shutdown(&c);
}

static void test_versions_and_uris(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  /* Versions may start at 0 and skip; untitled: and odd schemes work from memory. */
  client_open(&c, "untitled:Untitled-3", "markdown", 0, "# Head\n\n\"We will win.\"\n");
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:Untitled-3", 0));
  client_notify(&c, "textDocument/didChange",
                json_pack("{s:{s:s,s:i},s:[{s:s}]}", "textDocument", "uri", "untitled:Untitled-3", "version", 17,
                          "contentChanges", "text", "\"We will win,\" Jane Smith said.\n"));
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:Untitled-3", 17);
  assert_null(find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.unattributed"));
  json_decref(note);
  /* (In plain text the first line is the headline: the quote goes below it.) */
  client_open(&c, "vscode-notebook-cell:/x#y", "text", 2, "Headline\n\n\"We will win.\"\n");
  note = client_wait_note(&c, "textDocument/publishDiagnostics", "vscode-notebook-cell:/x#y", 2);
  assert_non_null(find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.unattributed"));
  json_decref(note);
  client_shutdown(&c);
}

/* Random garbage (without the letter c, so no Content-Length can form)
 * before a valid request: errors for the garbage, then the answer. */
static void test_garbage_then_request(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  srand(99);
  char garbage[8192];
  for (size_t i = 0; i < sizeof garbage; i++) {
    char b = (char)(rand() % 256);
    if (b == 'c' || b == 'C') b = '\n';
    garbage[i] = b;
  }
  client_send_raw(&c, garbage, sizeof garbage);
  client_send_raw(&c, "\r\n\r\n", 4); /* end any header block the garbage started */
  json_t *r = client_request(&c, "textDocument/codeLens",
                             json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:none"));
  assert_true(json_is_array(json_object_get(r, "result")));
  json_decref(r);
  /* Everything else the server said was an error without an id. */
  size_t i;
  json_t *m;
  json_array_foreach(c.inbox, i, m) {
    assert_int_equal(error_code(m), -32700);
  }
  client_shutdown(&c);
}

/* A good change and a rejected one arrive together: the good one's
 * diagnostics are still published (the rejected change must not swallow them). */
static void test_rejected_change_after_good(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_open(&c, "untitled:r", "plaintext", 0, "Headline\n\nNothing.\n");
  json_decref(client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:r", 0));
  const char *good = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                     "{\"uri\":\"untitled:r\",\"version\":1},\"contentChanges\":[{\"text\":\"Headline\\n\\n\\\"We will win.\\\"\\n\"}]}}";
  const char *bad = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                    "{\"uri\":\"untitled:r\",\"version\":2},\"contentChanges\":[{\"text\":7}]}}";
  char buf[1024];
  int n = snprintf(buf, sizeof buf, "Content-Length: %zu\r\n\r\n%sContent-Length: %zu\r\n\r\n%s",
                   strlen(good), good, strlen(bad), bad);
  client_send_raw(&c, buf, (size_t)n);
  json_t *note = client_wait_note(&c, "textDocument/publishDiagnostics", "untitled:r", 1);
  assert_non_null(find_code(json_object_get(json_object_get(note, "params"), "diagnostics"), "quote.unattributed"));
  json_decref(note);
  client_shutdown(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_framing_and_json_errors),
      cmocka_unit_test(test_oversized_message),
      cmocka_unit_test(test_huge_content_length),
      cmocka_unit_test(test_malformed_params),
      cmocka_unit_test(test_versions_and_uris),
      cmocka_unit_test(test_garbage_then_request),
      cmocka_unit_test(test_rejected_change_after_good),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
