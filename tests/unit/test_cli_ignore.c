/* .copydeskignore matching (gitignore syntax) and the walk's extension filter, without the file
 * system: patterns against paths, anchoring, directory-only rules, negation, `**`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/ignore.h"
#include "cli/walk.h"

static void test_glob(void **state) {
  (void)state;
  assert_true(cd_ignore_glob("*.md", "a.md"));
  assert_false(cd_ignore_glob("*.md", "sub/a.md")); /* * stays within a segment */
  assert_true(cd_ignore_glob("sub/*.md", "sub/a.md"));
  assert_true(cd_ignore_glob("**/drafts", "drafts"));
  assert_true(cd_ignore_glob("**/drafts", "a/b/drafts"));
  assert_true(cd_ignore_glob("desk/**/old.txt", "desk/old.txt"));
  assert_true(cd_ignore_glob("desk/**/old.txt", "desk/2024/05/old.txt"));
  assert_false(cd_ignore_glob("desk/**/old.txt", "other/2024/old.txt"));
  assert_true(cd_ignore_glob("desk/**", "desk/a/b.md"));
  assert_true(cd_ignore_glob("draft-[0-9].md", "draft-7.md"));
  assert_false(cd_ignore_glob("draft-[0-9].md", "draft-x.md"));
}

/* A stack with rules as .copydeskignore files would give them. */
static void push(cd_ignore_stack *st, const char *base, const char *pattern, bool negate, bool dir_only,
                 bool anchored) {
  if (st->len == st->cap) {
    st->cap = st->cap ? st->cap * 2 : 8;
    st->items = realloc(st->items, st->cap * sizeof *st->items);
    assert_non_null(st->items);
  }
  st->items[st->len++] = (cd_ignore_rule){strdup(pattern), strdup(base), negate, dir_only, anchored};
}

static void test_match(void **state) {
  (void)state;
  cd_ignore_stack st = {0};
  push(&st, "desk", "drafts", false, true, false);    /* drafts/ */
  push(&st, "desk", "*.txt", false, false, false);    /* *.txt */
  push(&st, "desk", "keep.txt", true, false, false);  /* !keep.txt */
  push(&st, "desk", "sport/old", false, false, true); /* /sport/old */
  assert_true(cd_ignore_match(&st, "desk/drafts", true));
  assert_true(cd_ignore_match(&st, "desk/news/drafts", true)); /* no slash: any depth */
  assert_false(cd_ignore_match(&st, "desk/drafts", false));    /* a file named drafts */
  assert_true(cd_ignore_match(&st, "desk/a/b.txt", false));
  assert_false(cd_ignore_match(&st, "desk/a/keep.txt", false)); /* the last rule decides */
  assert_true(cd_ignore_match(&st, "desk/sport/old", true));
  assert_false(cd_ignore_match(&st, "desk/news/sport/old", true)); /* anchored to desk/ */
  assert_false(cd_ignore_match(&st, "other/a.txt", false));        /* not below the rules' base */
  cd_ignore_pop_to(&st, 1);
  assert_false(cd_ignore_match(&st, "desk/a/b.txt", false));
  cd_ignore_free(&st);
}

static void test_extensions(void **state) {
  (void)state;
  assert_true(cd_cli_walk_wants("a.md"));
  assert_true(cd_cli_walk_wants("A.MARKDOWN"));
  assert_true(cd_cli_walk_wants("story.txt"));
  assert_false(cd_cli_walk_wants("notes.json"));
  assert_false(cd_cli_walk_wants(".md"));
  assert_false(cd_cli_walk_wants("README"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_glob),
      cmocka_unit_test(test_match),
      cmocka_unit_test(test_extensions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
