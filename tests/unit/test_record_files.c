/* The server's cache of the record's files (record_files.h): a file no open document names any
 * more is dropped and read again when one names it; a changed file is indexed again; a new
 * file joins a directory's glob once the listing is renewed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "record_files.h"

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* The sources document `id` gets with this front matter (no settings, no editor globs). */
static size_t sources(cd_record_cache *c, const char *id, const char *article, const char *text) {
  const cd_record_source **out;
  size_t n = cd_record_cache_user_sources(c, id, NULL, NULL, 0, article, text, strlen(text), &out);
  free(out);
  return n;
}

static void test_unused_sources_are_dropped(void **state) {
  (void)state;
  char dir[] = "/tmp/copydesk-record-files-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char a[300], b[300], article[300];
  snprintf(a, sizeof a, "%s/a.txt", dir);
  snprintf(b, sizeof b, "%s/b.txt", dir);
  snprintf(article, sizeof article, "%s/story.md", dir);
  write_file(a, "RUIZ: The pier opens in May.\nOKAFOR: Not before June.\n");
  write_file(b, "BROOKS: The ferry runs every hour.\nPATEL: Only in summer.\n");
  cd_record_cache *c = cd_record_cache_new();
  assert_non_null(c);

  assert_int_equal(sources(c, "file:///one.md", article, "---\nsources: [a.txt]\n---\nText.\n"), 1);
  assert_int_equal(sources(c, "file:///two.md", article, "---\nsources: [a.txt, b.txt]\n---\nText.\n"), 2);
  assert_int_equal(cd_record_cache_loaded(c), 2);

  /* the second document stops naming b.txt: nobody uses it, it goes */
  assert_int_equal(sources(c, "file:///two.md", article, "---\nsources: [a.txt]\n---\nText.\n"), 1);
  assert_int_equal(cd_record_cache_loaded(c), 1);
  assert_null(cd_record_cache_find(c, b));
  assert_non_null(cd_record_cache_find(c, a));

  /* one of two users closes: a.txt stays; the other closes: it goes */
  cd_record_cache_release(c, "file:///one.md");
  assert_non_null(cd_record_cache_find(c, a));
  cd_record_cache_release(c, "file:///two.md");
  assert_int_equal(cd_record_cache_loaded(c), 0);
  assert_null(cd_record_cache_find(c, a));

  /* named again after it changed on disk: read again, as it is now (one label: prose, so
   * "RUIZ" is a word of it) */
  write_file(a, "RUIZ: The pier opens in May, and the ferry with it.\n");
  assert_int_equal(sources(c, "file:///three.md", article, "---\nsources: [a.txt]\n---\nText.\n"), 1);
  const cd_record_source *s = cd_record_cache_find(c, a);
  assert_non_null(s);
  assert_int_equal(cd_record_source_words(s), 11);

  /* changed while in use: indexed again */
  write_file(a, "RUIZ: The pier opens in May.\n");
  assert_true(cd_record_cache_refresh(c));
  assert_int_equal(cd_record_source_words(cd_record_cache_find(c, a)), 6);
  assert_false(cd_record_cache_refresh(c));

  cd_record_cache_free(c);
  unlink(a);
  unlink(b);
  rmdir(dir);
}

static void test_new_files_join_after_a_relist(void **state) {
  (void)state;
  char dir[] = "/tmp/copydesk-record-list-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char a[300], b[300], glob[300], article[300];
  snprintf(a, sizeof a, "%s/a.txt", dir);
  snprintf(b, sizeof b, "%s/b.txt", dir);
  snprintf(glob, sizeof glob, "%s/*.txt", dir);
  snprintf(article, sizeof article, "%s/story.md", dir);
  write_file(a, "RUIZ: The pier opens in May.\n");
  cd_record_cache *c = cd_record_cache_new();
  const char *editor[] = {glob};
  const cd_record_source **out;
  size_t n = cd_record_cache_user_sources(c, "file:///story.md", NULL, editor, 1, article, "Text.", 5, &out);
  free(out);
  assert_int_equal(n, 1);
  write_file(b, "BROOKS: The ferry runs every hour.\n");
  /* a keystroke right after: the list stands (no directory listing per keystroke) */
  n = cd_record_cache_user_sources(c, "file:///story.md", NULL, editor, 1, article, "Text!", 5, &out);
  free(out);
  assert_int_equal(n, 1);
  /* the client said files came: listed again */
  cd_record_cache_relist(c);
  n = cd_record_cache_user_sources(c, "file:///story.md", NULL, editor, 1, article, "Text.", 5, &out);
  free(out);
  assert_int_equal(n, 2);
  /* other globs: listed at once */
  unlink(b);
  const char *only_a[] = {a};
  n = cd_record_cache_user_sources(c, "file:///story.md", NULL, only_a, 1, article, "Text.", 5, &out);
  free(out);
  assert_int_equal(n, 1);
  assert_int_equal(cd_record_cache_loaded(c), 1);
  cd_record_cache_free(c);
  unlink(a);
  rmdir(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_unused_sources_are_dropped),
      cmocka_unit_test(test_new_files_join_after_a_relist),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
