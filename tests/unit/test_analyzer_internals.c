/* The analyzer's small tools that the fast paths lean on: the string map's slice keys, the
 * arena's own formatting of the message directives, the word-list searches, the near-miss index
 * when its room is reserved first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "copydesk/analyzer.h"
#include "names_near.h"
#include "names_short.h"
#include "strmap.h"
#include "words.h"

static void test_strmap_slices(void **state) {
  (void)state;
  cd_arena *a = cd_arena_new();
  cd_strmap m;
  cd_strmap_init(&m, a);
  const char *text = "reportedly, reported";
  cd_strmap_putn(&m, text, 10, 7);                /* "reportedly" */
  cd_strmap_putn(&m, text + 12, 8, 9);            /* "reported" */
  assert_int_equal(cd_strmap_get(&m, "reportedly"), 7);
  assert_int_equal(cd_strmap_getn(&m, text + 12, 8), 9);
  assert_int_equal(cd_strmap_getn(&m, text, 8), 9); /* "reported", the prefix of the first */
  assert_int_equal(cd_strmap_getn(&m, text, 9), CD_NONE);
  assert_int_equal(cd_strmap_getn(&m, text, 11), CD_NONE); /* "reportedly," */
  cd_strmap_put(&m, "reported", 3);                      /* the same key, replaced */
  assert_int_equal(cd_strmap_getn(&m, text + 12, 8), 3);
  for (size_t i = 0; i < 1000; i++) { /* growth keeps every key */
    char k[16];
    int n = snprintf(k, sizeof k, "k%zu", i);
    cd_strmap_putn(&m, k, (size_t)n, i);
  }
  assert_int_equal(cd_strmap_get(&m, "k999"), 999);
  assert_int_equal(cd_strmap_get(&m, "reportedly"), 7);
  cd_strmap_free(&m);
  cd_arena_free(a);
}

static void test_arena_printf(void **state) {
  (void)state;
  cd_arena *a = cd_arena_new();
  char expect[256];
  snprintf(expect, sizeof expect, "'%s' is '%.*s' %zu time%s, 100%%", "Kelly", 8, "Mr Kelly and", (size_t)86, "s");
  assert_string_equal(cd_arena_printf(a, "'%s' is '%.*s' %zu time%s, 100%%", "Kelly", 8, "Mr Kelly and", (size_t)86, "s"),
                      expect);
  assert_string_equal(cd_arena_printf(a, "%zu|%zu|%s", (size_t)0, (size_t)18446744073709551615u, ""),
                      "0|18446744073709551615|");
  assert_string_equal(cd_arena_printf(a, "%.*s", 20, "short"), "short"); /* precision past the end */
  assert_string_equal(cd_arena_printf(a, "no directives"), "no directives");
  /* anything else still goes through vsnprintf */
  assert_string_equal(cd_arena_printf(a, "%d/%04u/%c", -3, 7u, 'x'), "-3/0007/x");
  cd_arena_free(a);
}

static const char *const SORTED[] = {"abbey", "mayor", "mr", "ms", "senator", NULL};

static void test_word_lists(void **state) {
  (void)state;
  assert_true(CD_SORTED_IN("Mayor", 5, SORTED));
  assert_true(CD_SORTED_IN("MR", 2, SORTED));
  assert_true(CD_SORTED_IN("abbey", 5, SORTED));
  assert_true(CD_SORTED_IN("senator", 7, SORTED));
  assert_false(CD_SORTED_IN("mayors", 6, SORTED));
  assert_false(CD_SORTED_IN("may", 3, SORTED));
  assert_false(CD_SORTED_IN("m", 1, SORTED));
  assert_false(CD_SORTED_IN("", 0, SORTED));
  assert_false(CD_SORTED_IN("m\0r", 3, SORTED)); /* a NUL inside the slice ends no word */
  static const char CHARS[] = "abbey\0mayor\0mr\0ms\0senator";
  static const uint32_t OFFSETS[] = {0, 6, 12, 15, 18};
  assert_true(cd_offset_table_has("MS", 2, CHARS, OFFSETS, 5));
  assert_true(cd_offset_table_has("Senator", 7, CHARS, OFFSETS, 5));
  assert_false(cd_offset_table_has("zebra", 5, CHARS, OFFSETS, 5));
  assert_false(cd_offset_table_has("m", 1, CHARS, OFFSETS, 5));
  assert_true(cd_is_common_word("However", 7));
  assert_true(cd_is_common_word("the", 3));
  assert_false(cd_is_common_word("Macierewicz", 11));
  assert_false(cd_is_common_word("don't", 5));
}

static void test_near_reserved(void **state) {
  (void)state;
  const char *keys[] = {"macierewicz", "kowalczyk", "wielgoszewska", "sacoolas", "anna"};
  cd_near_index ix;
  cd_near_init(&ix);
  size_t variants = 0;
  for (size_t i = 0; i < 5; i++) variants += cd_near_variants(keys[i]);
  assert_int_equal(cd_near_variants("anna"), 0); /* under five letters: not indexed */
  assert_int_equal(cd_near_variants("sacoolas"), 1 + 8 + 28);
  cd_near_reserve(&ix, variants);
  size_t cap = ix.cap;
  for (size_t i = 0; i < 5; i++) cd_near_add(&ix, keys[i], i);
  assert_int_equal(ix.cap, cap); /* no rehash once reserved */
  cd_vec out;
  cd_vec_init(&out, sizeof(size_t));
  cd_near_candidates(&ix, "socoolas", &out);
  assert_int_equal(out.len, 1);
  assert_int_equal(*CD_VEC_AT(&out, size_t, 0), 3);
  out.len = 0;
  cd_near_candidates(&ix, "sacoola", &out); /* a deletion */
  assert_int_equal(out.len, 1);
  out.len = 0;
  cd_near_candidates(&ix, "kowalczykowa", &out); /* three letters more: too far */
  assert_int_equal(out.len, 0);
  cd_vec_free(&out);
  cd_near_free(&ix);
}

/* The four-letter keys' index: their slips of three to five letters find them, once each, and
 * keys of other lengths are not indexed. */
static void test_short_index(void **state) {
  (void)state;
  cd_arena *arena = cd_arena_new();
  assert_non_null(arena);
  const char *keys[] = {"holt", "kall", "trump", "cruz"};
  cd_short_index sx;
  cd_short_init(&sx, arena);
  for (size_t i = 0; i < 4; i++) cd_short_add(&sx, keys[i], i);
  cd_vec out;
  cd_vec_init(&out, sizeof(size_t));
  const char *slips[] = {"hlot", "hollt", "kal", "cuz", "hol"};
  const size_t want[] = {0, 0, 1, 3, 0};
  for (size_t i = 0; i < 5; i++) {
    out.len = 0;
    cd_short_candidates(&sx, slips[i], &out);
    assert_int_equal(out.len, 1);
    assert_int_equal(*CD_VEC_AT(&out, size_t, 0), want[i]);
  }
  out.len = 0;
  cd_short_candidates(&sx, "tump", &out); /* "trump" has five letters: not here */
  assert_int_equal(out.len, 0);
  out.len = 0;
  *(size_t *)cd_vec_push(&out) = 0; /* already a candidate: not added twice */
  cd_short_candidates(&sx, "hotl", &out);
  assert_int_equal(out.len, 1);
  out.len = 0;
  cd_short_candidates(&sx, "hxyz", &out); /* two edits away */
  assert_int_equal(out.len, 0);
  cd_vec_free(&out);
  cd_short_free(&sx);
  cd_arena_free(arena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strmap_slices),
      cmocka_unit_test(test_arena_printf),
      cmocka_unit_test(test_word_lists),
      cmocka_unit_test(test_near_reserved),
      cmocka_unit_test(test_short_index),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
