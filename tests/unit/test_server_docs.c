/* Document store: opening, incremental and full changes through
 * cd_doc_apply_changes(), clamping, malformed changes, formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "server_docs.h"

static cd_doc *open_doc(cd_doc_store *s, const char *text) {
  cd_doc *d = cd_doc_store_open(s, "untitled:Untitled-1", "plaintext", 0, text, strlen(text));
  assert_non_null(d);
  return d;
}

static int apply(cd_doc *d, const char *changes_json, cd_encoding enc, long long version) {
  json_error_t jerr;
  json_t *changes = json_loads(changes_json, 0, &jerr);
  assert_non_null(changes);
  char err[256];
  int rc = cd_doc_apply_changes(d, changes, enc, version, err, sizeof err);
  json_decref(changes);
  return rc;
}

static void test_incremental_with_and_without_range_length(void **state) {
  (void)state;
  cd_doc_store *s = cd_doc_store_new();
  cd_doc *d = open_doc(s, "Hello world\nsecond line\n");
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":0,\"character\":6},\"end\":{\"line\":0,"
                            "\"character\":11}},\"rangeLength\":5,\"text\":\"there\"}]",
                         CD_ENC_UTF16, 3),
                   0);
  assert_string_equal(d->text, "Hello there\nsecond line\n");
  assert_int_equal(d->version, 3);
  /* Two edits in one notification: the second sees the first's result. */
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":1,\"character\":0},\"end\":{\"line\":1,"
                            "\"character\":6}},\"text\":\"2nd\"},{\"range\":{\"start\":{\"line\":1,"
                            "\"character\":3},\"end\":{\"line\":1,\"character\":3}},\"text\":\"!\"}]",
                         CD_ENC_UTF16, 9),
                   0);
  assert_string_equal(d->text, "Hello there\n2nd! line\n");
  assert_int_equal(cd_line_index_line_start(d->lines, 1), 12);
  cd_doc_store_free(s);
}

static void test_full_text_and_clamping(void **state) {
  (void)state;
  cd_doc_store *s = cd_doc_store_new();
  cd_doc *d = open_doc(s, "abc");
  assert_int_equal(apply(d, "[{\"text\":\"new\\ntext\"}]", CD_ENC_UTF16, 1), 0);
  assert_string_equal(d->text, "new\ntext");
  /* Far out of range: appended at the end, never a crash. */
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":40,\"character\":9},\"end\":{\"line\":99,"
                            "\"character\":0}},\"text\":\"!\"}]",
                         CD_ENC_UTF16, 2),
                   0);
  assert_string_equal(d->text, "new\ntext!");
  /* End before start is taken as the same range reversed. */
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":1,\"character\":4},\"end\":{\"line\":0,"
                            "\"character\":3}},\"text\":\" \"}]",
                         CD_ENC_UTF16, 3),
                   0);
  assert_string_equal(d->text, "new !");
  cd_doc_store_free(s);
}

static void test_utf16_edit_after_emoji(void **state) {
  (void)state;
  cd_doc_store *s = cd_doc_store_new();
  cd_doc *d = open_doc(s, "\xF0\x9F\x98\x80 caf\xC3\xA9 x");
  /* UTF-16: emoji = 2 units, space, c a f é = 4 units: "x" is at 8. */
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":0,\"character\":8},\"end\":{\"line\":0,"
                            "\"character\":9}},\"text\":\"y\"}]",
                         CD_ENC_UTF16, 1),
                   0);
  assert_string_equal(d->text, "\xF0\x9F\x98\x80 caf\xC3\xA9 y");
  /* UTF-8 columns are bytes: "y" is at 11. */
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":0,\"character\":11},\"end\":{\"line\":0,"
                            "\"character\":12}},\"text\":\"z\"}]",
                         CD_ENC_UTF8, 2),
                   0);
  assert_string_equal(d->text, "\xF0\x9F\x98\x80 caf\xC3\xA9 z");
  cd_doc_store_free(s);
}

static void test_malformed_changes_leave_text(void **state) {
  (void)state;
  cd_doc_store *s = cd_doc_store_new();
  cd_doc *d = open_doc(s, "keep me");
  assert_int_equal(apply(d, "{\"text\":\"x\"}", CD_ENC_UTF16, 1), -1);
  assert_int_equal(apply(d, "[{\"text\":\"ok\"},{\"text\":5}]", CD_ENC_UTF16, 1), -1);
  assert_int_equal(apply(d, "[{\"range\":{\"start\":{\"line\":-1,\"character\":0},\"end\":{\"line\":0,"
                            "\"character\":0}},\"text\":\"x\"}]",
                         CD_ENC_UTF16, 1),
                   -1);
  assert_string_equal(d->text, "keep me");
  assert_int_equal(d->version, 0);
  cd_doc_store_free(s);
}

static void test_store_and_formats(void **state) {
  (void)state;
  cd_doc_store *s = cd_doc_store_new();
  cd_doc_store_open(s, "file:///a.md", "markdown", 0, "a", 1);
  cd_doc_store_open(s, "file:///b.txt", NULL, 0, "b", 1);
  assert_int_equal(cd_doc_store_count(s), 2);
  assert_int_equal(cd_doc_store_get(s, "file:///a.md")->format, CD_FORMAT_MARKDOWN);
  cd_doc_store_open(s, "file:///a.md", "markdown", 5, "again", 5); /* reopen replaces */
  assert_int_equal(cd_doc_store_count(s), 2);
  assert_string_equal(cd_doc_store_get(s, "file:///a.md")->text, "again");
  assert_true(cd_doc_store_close(s, "file:///a.md"));
  assert_false(cd_doc_store_close(s, "file:///a.md"));
  assert_null(cd_doc_store_get(s, "file:///a.md"));
  assert_int_equal(cd_doc_format_for("plaintext", "file:///x.md"), CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_doc_format_for("text", "untitled:1"), CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_doc_format_for("unknown", "file:///x.MARKDOWN"), CD_FORMAT_MARKDOWN);
  assert_int_equal(cd_doc_format_for(NULL, "file:///x.md?query=1"), CD_FORMAT_MARKDOWN);
  assert_int_equal(cd_doc_format_for(NULL, "untitled:Untitled-1"), CD_FORMAT_PLAINTEXT);
  cd_doc_store_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_incremental_with_and_without_range_length),
      cmocka_unit_test(test_full_text_and_clamping),
      cmocka_unit_test(test_utf16_edit_after_emoji),
      cmocka_unit_test(test_malformed_changes_leave_text),
      cmocka_unit_test(test_store_and_formats),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
