/* Random methods with random, mostly malformed params: the server answers
 * every request, never crashes, and still shuts down cleanly. */
#include "test_server_client.h"

static const char *const METHODS[] = {
    "textDocument/hover", "textDocument/codeAction", "textDocument/inlayHint",
    "textDocument/documentSymbol", "textDocument/codeLens", "textDocument/diagnostic",
    "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
    "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles", "$/cancelRequest",
    "initialized", "copydesk/none"};
#define N_METHODS (sizeof METHODS / sizeof METHODS[0])

/* A random JSON value, biased toward shapes the handlers look at. */
static json_t *random_value(int depth) {
  static const char *const keys[] = {"textDocument", "uri", "position", "range", "start", "end",
                                     "line", "character", "text", "version", "contentChanges",
                                     "context", "only", "settings", "copydesk", "id", "changes"};
  int pick = rand() % (depth > 3 ? 6 : 9);
  switch (pick) {
  case 0: return json_null();
  case 1: return json_integer((json_int_t)(rand() % 7) - 2);
  case 2: return json_integer((json_int_t)rand() * 1000003);
  case 3: return json_string(rand() % 2 ? "untitled:f" : "\"We will win.\" \xF0\x9F\x98\x80\n\n");
  case 4: return json_true();
  case 5: return json_real(1.5);
  case 6: {
    json_t *a = json_array();
    for (int i = rand() % 3; i > 0; i--) json_array_append_new(a, random_value(depth + 1));
    return a;
  }
  default: {
    json_t *o = json_object();
    for (int i = 1 + rand() % 4; i > 0; i--) {
      json_object_set_new(o, keys[(size_t)rand() % (sizeof keys / sizeof keys[0])], random_value(depth + 1));
    }
    return o;
  }
  }
}

static void test_random_messages(void **state) {
  (void)state;
  client c;
  client_start(&c);
  json_decref(client_initialize(&c, "{\"textDocument\":{\"diagnostic\":{}},\"workspace\":{\"workspaceEdit\":{\"documentChanges\":true}}}", NULL));
  client_open(&c, "untitled:f", "plaintext", 0, "Headline\n\n\"We will win.\"\n\n\"Yes,\" Jane Smith said.\n");
  srand(4242);
  for (int i = 0; i < 600; i++) {
    const char *method = METHODS[(size_t)rand() % N_METHODS];
    json_t *params = rand() % 10 == 0 ? NULL : random_value(0);
    if (rand() % 2) {
      json_t *r = client_request(&c, method, params);
      assert_true(json_object_get(r, "result") != NULL || json_object_get(r, "error") != NULL);
      json_decref(r);
    } else {
      client_notify(&c, method, params);
    }
  }
  json_t *r = client_request(&c, "textDocument/codeLens", json_pack("{s:{s:s}}", "textDocument", "uri", "untitled:f"));
  assert_true(json_is_array(json_object_get(r, "result")));
  json_decref(r);
  client_shutdown(&c);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_random_messages)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
