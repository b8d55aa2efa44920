/* JSON-RPC classification, error shapes, LSP position helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/jsonrpc.h"
#include "copydesk/lsp_json.h"

static cd_msg_kind classify(const char *text, cd_message *m, json_t **root) {
  char err[256];
  *root = cd_jsonrpc_parse(text, strlen(text), err, sizeof err);
  assert_non_null(*root);
  return cd_jsonrpc_classify(*root, m, err, sizeof err);
}

static void test_kinds(void **state) {
  (void)state;
  cd_message m;
  json_t *root;
  assert_int_equal(classify("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":{}}", &m, &root),
                   CD_MSG_REQUEST);
  assert_string_equal(m.method, "a");
  assert_int_equal(json_integer_value(m.id), 1);
  json_decref(root);
  assert_int_equal(classify("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}", &m, &root), CD_MSG_NOTIFICATION);
  assert_null(m.params);
  json_decref(root);
  assert_int_equal(classify("{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"shutdown\",\"params\":null}",
                            &m, &root),
                   CD_MSG_REQUEST);
  assert_null(m.params);
  json_decref(root);
  assert_int_equal(classify("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":null}", &m, &root), CD_MSG_RESPONSE);
  json_decref(root);
}

static void test_invalid(void **state) {
  (void)state;
  static const char *const bad[] = {
      "[]", "1", "{\"id\":1,\"method\":\"a\"}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"a\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"a\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":3}", "{\"jsonrpc\":\"2.0\"}"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    cd_message m;
    json_t *root;
    assert_int_equal(classify(bad[i], &m, &root), CD_MSG_INVALID);
    json_decref(root);
  }
  /* The id is still found when the rest is wrong, so the error can name it. */
  cd_message m;
  json_t *root;
  classify("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":5}", &m, &root);
  assert_int_equal(json_integer_value(m.id), 9);
  json_decref(root);
  char err[128];
  assert_null(cd_jsonrpc_parse("{\"a\":", 5, err, sizeof err));
  assert_non_null(strstr(err, "invalid JSON"));
}

/* Half an emoji (a lone surrogate escape, as JavaScript writes it) and a byte that is no UTF-8 are
 * read as U+FFFD, one UTF-16 unit as the editor counts them, not dropped with the whole message;
 * a surrogate pair and other escapes are untouched. */
static void test_bad_unicode_read_as_replacement(void **state) {
  (void)state;
  static const char lone[] = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"a\\ud83d b\\\\ud83d \\ud83d\\ude00\"}}";
  char err[128] = "";
  json_t *root = cd_jsonrpc_parse(lone, sizeof lone - 1, err, sizeof err);
  assert_non_null(root);
  const char *t = json_string_value(json_object_get(json_object_get(root, "params"), "t"));
  assert_string_equal(t, "a\xEF\xBF\xBD b\\ud83d \xF0\x9F\x98\x80");
  json_decref(root);
  static const char bytes[] = "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"t\":\"caf\xE9 \xC3\xA9\"}}";
  root = cd_jsonrpc_parse(bytes, sizeof bytes - 1, err, sizeof err);
  assert_non_null(root);
  t = json_string_value(json_object_get(json_object_get(root, "params"), "t"));
  assert_string_equal(t, "caf\xEF\xBF\xBD \xC3\xA9");
  json_decref(root);
  /* broken JSON is still an error */
  static const char broken[] = "{\"jsonrpc\":\"2.0\",\"t\":\"\xFF";
  assert_null(cd_jsonrpc_parse(broken, sizeof broken - 1, err, sizeof err));
  assert_true(strlen(err) > 0);
}

static void test_error_shape(void **state) {
  (void)state;
  json_t *e = cd_jsonrpc_error(NULL, CD_RPC_PARSE_ERROR, "bad");
  assert_true(json_is_null(json_object_get(e, "id")));
  assert_int_equal(json_integer_value(json_object_get(json_object_get(e, "error"), "code")), -32700);
  json_decref(e);
  json_t *id = json_string("x");
  json_t *r = cd_jsonrpc_response(id, NULL);
  assert_true(json_is_null(json_object_get(r, "result")));
  assert_string_equal(json_string_value(json_object_get(r, "id")), "x");
  json_decref(r);
  json_decref(id);
}

static void test_id_from_prefix(void **state) {
  (void)state;
  const char *a = "{\"jsonrpc\":\"2.0\",\"id\": 42,\"method\":\"x\",\"params\":{\"id\":1";
  json_t *id = cd_jsonrpc_id_from_prefix(a, strlen(a));
  assert_int_equal(json_integer_value(id), 42);
  json_decref(id);
  const char *b = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"id\":1";
  assert_null(cd_jsonrpc_id_from_prefix(b, strlen(b)));
  const char *c = "{\"id\":\"abc\"";
  id = cd_jsonrpc_id_from_prefix(c, strlen(c));
  assert_string_equal(json_string_value(id), "abc");
  json_decref(id);
}

static void test_negotiation_and_positions(void **state) {
  (void)state;
  json_t *caps = json_loads("{\"general\":{\"positionEncodings\":[\"utf-16\",\"utf-32\"]}}", 0, NULL);
  assert_int_equal(cd_lsp_negotiate_encoding(caps), CD_ENC_UTF32);
  json_decref(caps);
  caps = json_loads("{\"general\":{\"positionEncodings\":[\"utf-32\",\"utf-8\"]}}", 0, NULL);
  assert_int_equal(cd_lsp_negotiate_encoding(caps), CD_ENC_UTF8);
  json_decref(caps);
  assert_int_equal(cd_lsp_negotiate_encoding(NULL), CD_ENC_UTF16);
  cd_position p;
  json_t *pos = json_loads("{\"line\":1,\"character\":-1}", 0, NULL);
  assert_false(cd_lsp_position_parse(pos, &p));
  json_decref(pos);
  pos = json_loads("{\"line\":1}", 0, NULL);
  assert_false(cd_lsp_position_parse(pos, &p));
  json_decref(pos);
  pos = json_loads("{\"line\":99999999999,\"character\":2}", 0, NULL);
  assert_true(cd_lsp_position_parse(pos, &p));
  assert_int_equal(p.line, UINT32_MAX);
  json_decref(pos);
  /* reals: an integral one in range is that integer; others are refused, never cast */
  static const char *const refused[] = {"{\"line\":1e300,\"character\":0}", "{\"line\":-1e300,\"character\":0}",
                                        "{\"line\":0,\"character\":2.5}", "{\"line\":4294967296.0,\"character\":0}",
                                        "{\"line\":-0.5,\"character\":0}"};
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    pos = json_loads(refused[i], 0, NULL);
    assert_non_null(pos);
    assert_false(cd_lsp_position_parse(pos, &p));
    json_decref(pos);
  }
  pos = json_loads("{\"line\":3.0,\"character\":4294967295.0}", 0, NULL);
  assert_true(cd_lsp_position_parse(pos, &p));
  assert_int_equal(p.line, 3);
  assert_int_equal(p.character, UINT32_MAX);
  json_decref(pos);
}

static void test_uri_to_path(void **state) {
  (void)state;
  char *p = cd_lsp_uri_to_path("file:///tmp/a%20b/%C3%A9.md");
  assert_string_equal(p, "/tmp/a b/\xC3\xA9.md");
  free(p);
  p = cd_lsp_uri_to_path("file://localhost/x.txt?q#f");
  assert_string_equal(p, "/x.txt");
  free(p);
  assert_null(cd_lsp_uri_to_path("untitled:Untitled-1"));
  assert_null(cd_lsp_uri_to_path("file://server/share/x"));
  assert_null(cd_lsp_uri_to_path("file:///a%00b"));
  assert_null(cd_lsp_uri_to_path(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kinds),           cmocka_unit_test(test_invalid),
      cmocka_unit_test(test_error_shape),
      cmocka_unit_test(test_bad_unicode_read_as_replacement),     cmocka_unit_test(test_id_from_prefix),
      cmocka_unit_test(test_negotiation_and_positions),
      cmocka_unit_test(test_uri_to_path),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
