/* The hand-written publishDiagnostics text equals the jansson-built
 * diagnostics (the ones pull diagnostics and code actions use), and the
 * JSON writer escapes everything JSON requires. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/json_writer.h"
#include "copydesk/lsp_json.h"
#include "server_internal.h"

static const char ARTICLE[] =
    "Headline with \\ backslash and \"quotes\"\n\n"
    "\"We will win.\"\n\n"
    "Zo\xC3\xAB Brandt \xF0\x9F\x98\x80 said: \"Fine.\" John Kelly agreed. \"Yes,\" he said.\n\n"
    "Kelly, Mr Kelly and Mr. Kelly\ttab. \"Unclosed quote\n";

static void check_equivalent(cd_encoding enc, bool related) {
  cd_doc_store *store = cd_doc_store_new();
  cd_doc *doc = cd_doc_store_open(store, "file:///tmp/a \"b\".md", "markdown", 42, ARTICLE, strlen(ARTICLE));
  cd_server server;
  memset(&server, 0, sizeof server);
  server.enc = enc;
  server.caps.related_information = related;
  const cd_report *report = cd_doc_analysis(doc, NULL);
  assert_non_null(report);
  size_t len;
  char *text = cd_lsp_publish_text(&server, doc, report, SIZE_MAX, &len);
  assert_non_null(text);
  json_error_t jerr;
  json_t *parsed = json_loadb(text, len, 0, &jerr);
  if (parsed == NULL) fail_msg("invalid JSON: %s in %s", jerr.text, text);
  json_t *params = json_object_get(parsed, "params");
  assert_string_equal(json_string_value(json_object_get(parsed, "method")), "textDocument/publishDiagnostics");
  assert_string_equal(json_string_value(json_object_get(params, "uri")), doc->uri);
  assert_int_equal(json_integer_value(json_object_get(params, "version")), 42);
  json_t *expected = cd_lsp_diagnostics(&server, doc, report, SIZE_MAX);
  assert_true(json_array_size(expected) > 0);
  assert_true(json_equal(json_object_get(params, "diagnostics"), expected));
  json_decref(expected);
  json_decref(parsed);
  free(text);
  cd_doc_store_free(store);
}

static void test_publish_text_matches_jansson(void **state) {
  (void)state;
  check_equivalent(CD_ENC_UTF16, true);
  check_equivalent(CD_ENC_UTF8, false);
  check_equivalent(CD_ENC_UTF32, true);
}

/* Twenty attributed quotes (hints) and one unattributed (a warning), one paragraph each. */
static char *many_quotes(void) {
  char *text = malloc(4096);
  size_t len = 0;
  len += (size_t)sprintf(text + len, "\"Nobody told us.\"\n\n");
  for (int i = 0; i < 20; i++) len += (size_t)sprintf(text + len, "\"Point %d stands,\" said Ann Lee.\n\n", i);
  return text;
}

static size_t count_severity(const json_t *items, int severity) {
  size_t n = 0, i;
  json_t *d;
  json_array_foreach(items, i, d) n += json_integer_value(json_object_get(d, "severity")) == severity;
  return n;
}

/* With more hints than maxHints, the ones nearest the latest edit go out, and every other finding. */
static void test_hint_cap(void **state) {
  (void)state;
  char *text = many_quotes();
  cd_doc_store *store = cd_doc_store_new();
  cd_doc *doc = cd_doc_store_open(store, "file:///tmp/many.md", "markdown", 1, text, strlen(text));
  cd_server server;
  memset(&server, 0, sizeof server);
  server.enc = CD_ENC_UTF16;
  const cd_report *report = cd_doc_analysis(doc, NULL);
  json_t *all = cd_lsp_diagnostics(&server, doc, report, SIZE_MAX);
  assert_int_equal(count_severity(all, 4), 20);
  assert_int_equal(count_severity(all, 2), 1);
  doc->edit_at = strlen(text); /* the writer is at the end */
  json_t *some = cd_lsp_diagnostics(&server, doc, report, 5);
  assert_int_equal(count_severity(some, 4), 5);
  assert_int_equal(count_severity(some, 2), 1); /* the warning is never dropped */
  size_t i;
  json_t *d;
  json_array_foreach(some, i, d) {
    if (json_integer_value(json_object_get(d, "severity")) != 4) continue;
    /* the last five quotes: lines 32..40 of 42 (0-based, one blank line between) */
    assert_true(json_integer_value(cd_json_path(d, "range", "start", "line", NULL)) >= 32);
  }
  size_t len;
  char *published = cd_lsp_publish_text(&server, doc, report, 5, &len);
  json_t *parsed = json_loadb(published, len, 0, NULL);
  assert_true(json_equal(cd_json_path(parsed, "params", "diagnostics", NULL), some));
  json_t *none = cd_lsp_diagnostics(&server, doc, report, 0);
  assert_int_equal(json_array_size(none), 1);
  json_decref(none);
  json_decref(parsed);
  free(published);
  json_decref(some);
  json_decref(all);
  cd_doc_store_free(store);
  free(text);
}

static void test_writer_escapes(void **state) {
  (void)state;
  cd_jw w = {0};
  const char raw[] = "a\"b\\c\n\t\x01\x7f \xC3\xA9 \xFF end";
  cd_jw_raw(&w, "[");
  cd_jw_str(&w, raw, sizeof raw - 1);
  cd_jw_raw(&w, ",");
  cd_jw_int(&w, -9223372036854775807LL - 1);
  cd_jw_raw(&w, ",");
  cd_jw_int(&w, 0);
  cd_jw_raw(&w, ",");
  cd_jw_cstr(&w, NULL);
  cd_jw_raw(&w, "]");
  json_error_t jerr;
  json_t *v = json_loadb(w.data, w.len, 0, &jerr);
  assert_non_null(v);
  assert_string_equal(json_string_value(json_array_get(v, 0)),
                      "a\"b\\c\n\t\x01\x7f \xC3\xA9 \xEF\xBF\xBD end");
  assert_true(json_integer_value(json_array_get(v, 1)) == -9223372036854775807LL - 1);
  assert_int_equal(json_integer_value(json_array_get(v, 2)), 0);
  assert_true(json_is_null(json_array_get(v, 3)));
  json_decref(v);
  cd_jw_free(&w);
}

/* Strings of every length up to 80 with escapes at every offset, so that both the sixteen- and the
 * eight-byte runs of plain bytes meet each kind of byte to escape: they read back as written, and
 * no control byte or DEL is left unescaped. */
static void test_writer_escapes_at_every_offset(void **state) {
  (void)state;
  static const char *const odd[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA9", "\xE2\x80\x9C"};
  for (size_t len = 0; len <= 80; len++) {
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
      char text[96];
      size_t at = len ? (len * 7 + k * 13) % len : 0, n = 0;
      for (size_t i = 0; i < len; i++) {
        if (i == at) {
          memcpy(text + n, odd[k], strlen(odd[k]));
          n += strlen(odd[k]);
        } else {
          text[n++] = (char)('a' + (i % 26));
        }
      }
      cd_jw w = {0};
      cd_jw_str(&w, text, n);
      assert_non_null(w.data);
      for (size_t i = 0; i < w.len; i++) assert_true((unsigned char)w.data[i] >= 0x20 && w.data[i] != 0x7f);
      json_error_t jerr;
      json_t *v = json_loadb(w.data, w.len, JSON_DECODE_ANY, &jerr);
      assert_non_null(v);
      assert_int_equal(json_string_length(v), n);
      assert_memory_equal(json_string_value(v), text, n);
      json_decref(v);
      cd_jw_free(&w);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_publish_text_matches_jansson),
      cmocka_unit_test(test_writer_escapes),
      cmocka_unit_test(test_writer_escapes_at_every_offset),
      cmocka_unit_test(test_hint_cap),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
