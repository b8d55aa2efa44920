/* Server lifecycle over pipes against the real binary: initialize,
 * shutdown/exit statuses, errors before/after, unknown methods, cancellation. */
#include "test_server_client.h"

static void test_full_lifecycle(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_t *r = client_request(&c, "textDocument/hover", json_object());
  assert_int_equal(error_code(r), -32002); /* before initialize */
  json_decref(r);
  r = client_initialize(&c, NULL, NULL);
  json_t *caps = json_object_get(json_object_get(r, "result"), "capabilities");
  assert_string_equal(json_string_value(json_object_get(caps, "positionEncoding")), "utf-16");
  assert_true(json_is_true(json_object_get(caps, "hoverProvider")));
  assert_non_null(json_object_get(caps, "inlayHintProvider"));
  assert_non_null(json_object_get(caps, "codeLensProvider"));
  assert_null(json_object_get(caps, "diagnosticProvider")); /* client offered no pull */
  json_decref(r);
  r = client_request(&c, "initialize", json_pack("{s:{}}", "capabilities"));
  assert_int_equal(error_code(r), -32600); /* only once */
  json_decref(r);
  r = client_request(&c, "copydesk/noSuchThing", json_object());
  assert_int_equal(error_code(r), -32601);
  json_decref(r);
  client_notify(&c, "copydesk/unknownNotification", json_object());
  client_notify(&c, "$/setTrace", json_pack("{s:s}", "value", "off"));
  r = client_request(&c, "shutdown", NULL); /* absent params */
  assert_true(json_is_null(json_object_get(r, "result")));
  assert_null(json_object_get(r, "error"));
  json_decref(r);
  r = client_request(&c, "textDocument/hover", json_object());
  assert_int_equal(error_code(r), -32600); /* after shutdown */
  json_decref(r);
  /* Nothing but responses came back: unknown notifications are silent. */
  assert_int_equal(json_array_size(c.inbox), 0);
  client_notify(&c, "exit", NULL);
  assert_int_equal(client_finish(&c), 0);
}

static void test_shutdown_with_null_params(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  json_int_t id = c.next_id++;
  client_send(&c, json_pack("{s:s,s:I,s:s,s:n}", "jsonrpc", "2.0", "id", id, "method", "shutdown",
                            "params"));
  json_t *r = client_wait_response(&c, id);
  assert_null(json_object_get(r, "error"));
  json_decref(r);
  client_notify(&c, "exit", NULL);
  assert_int_equal(client_finish(&c), 0);
}

static void test_exit_without_shutdown(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_notify(&c, "exit", NULL);
  assert_int_equal(client_finish(&c), 1);
}

static void test_eof_is_status_1(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  assert_int_equal(client_finish(&c), 1);
}

static void test_exit_before_initialize(void **state) {
  (void)state;
  client c;
  client_start(&c);
  client_notify(&c, "textDocument/didOpen", json_object()); /* dropped before initialize */
  client_notify(&c, "exit", NULL);
  assert_int_equal(client_finish(&c), 1);
}

static void test_cancellation(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, NULL, NULL));
  client_open(&c, "untitled:Untitled-1", "plaintext", 0, "\"We will win,\" Jane Smith said.\n");
  /* The request and its cancellation in one write: the server reads both
   * before it starts the request, so the work has not finished. */
  const char *req = "{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"textDocument/documentSymbol\","
                    "\"params\":{\"textDocument\":{\"uri\":\"untitled:Untitled-1\"}}}";
  const char *cancel = "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":900}}";
  char buf[1024];
  int n = snprintf(buf, sizeof buf, "Content-Length: %zu\r\n\r\n%sContent-Length: %zu\r\n\r\n%s",
                   strlen(req), req, strlen(cancel), cancel);
  client_send_raw(&c, buf, (size_t)n);
  json_t *r = client_wait_response(&c, 900);
  assert_int_equal(error_code(r), -32800);
  json_decref(r);
  /* Cancelling something already answered changes nothing. */
  client_notify(&c, "$/cancelRequest", json_pack("{s:i}", "id", 900));
  r = client_request(&c, "textDocument/documentSymbol",
                     json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:Untitled-1"));
  assert_true(json_is_array(json_object_get(r, "result")));
  json_decref(r);
  client_shutdown(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_full_lifecycle),      cmocka_unit_test(test_shutdown_with_null_params),
      cmocka_unit_test(test_exit_without_shutdown), cmocka_unit_test(test_eof_is_status_1),
      cmocka_unit_test(test_exit_before_initialize), cmocka_unit_test(test_cancellation),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
