/* The analyzer's small tools that the fast paths lean on: the string map's slice keys, the
 * arena's own formatting of the message directives, the word-list searches, the near-miss index
 * when its room is reserved first, the claims pass's memo of prefixes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "copydesk/analyzer.h"
#include "names_near.h"
#include "names_short.h"
#include "prefix_memo.h"
#include "strmap.h"
#include "lexicon.h"
#include "word_hash.h"
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

/* An interned map tells keys apart by address: one copy found (through growth), another copy of
 * the same bytes not. */
static void test_strmap_interned(void **state) {
  (void)state;
  static char keys[600][8];
  static char twin[] = "k7";
  cd_strmap m;
  cd_strmap_init_interned(&m);
  for (size_t i = 0; i < 600; i++) {
    snprintf(keys[i], sizeof keys[i], "k%zu", i);
    cd_strmap_put(&m, keys[i], i);
  }
  assert_int_equal(cd_strmap_get(&m, keys[7]), 7);
  assert_int_equal(cd_strmap_get(&m, keys[599]), 599);
  assert_int_equal(cd_strmap_get(&m, twin), CD_NONE); /* "k7" again, another copy */
  cd_strmap_put(&m, keys[7], 70);                     /* the same key, replaced */
  assert_int_equal(cd_strmap_get(&m, keys[7]), 70);
  cd_strmap_free(&m);
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
  /* a claim's message: a letter recased between two slices */
  assert_string_equal(cd_arena_printf(a, "%.*s%c%.*s%s", 6, "Which {h}?", 'O', 8, "fficials said", "?"),
                      "Which Officials?");
  /* anything else still goes through vsnprintf */
  assert_string_equal(cd_arena_printf(a, "%d/%04u/%c", -3, 7u, 'x'), "-3/0007/x");
  /* messages longer than the formatter's buffer, a piece straddling its end, and one just fitting */
  for (size_t len = 490; len <= 1300; len += 7) {
    char *name = malloc(len + 1), *want = malloc(2 * len + 64);
    for (size_t i = 0; i < len; i++) name[i] = (char)('a' + i % 26);
    name[len] = 0;
    snprintf(want, 2 * len + 64, "'%s' is used %zu times; '%.*s'.", name, len, 9, name);
    assert_string_equal(cd_arena_printf(a, "'%s' is used %zu times; '%.*s'.", name, len, 9, name), want);
    free(name);
    free(want);
  }
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
  /* a generated table's layout, its slots placed here as gen_word_index places them: eight slots
   * for five entries, so some probes run on past a collision */
  static const char CHARS[] = "abbey\0mayor\0mr\0ms\0senator";
  static const uint32_t OFFSETS[] = {0, 6, 12, 15, 18};
  uint32_t slots[8] = {0};
  uint64_t filter[CD_WORD_FILTER_WORDS] = {0};
  for (size_t i = 0; i < 5; i++) {
    const char *e = CHARS + OFFSETS[i];
    uint32_t h = cd_word_hash(e, strlen(e));
    uint32_t k = h & 7;
    while (slots[k]) k = (k + 1) & 7;
    slots[k] = cd_word_slot_tag(h) | (OFFSETS[i] + 1);
    uint32_t bit = cd_word_filter_bit(e, strlen(e));
    filter[bit / 64] |= 1ull << (bit % 64);
  }
  cd_word_table table = {CHARS, OFFSETS, slots, 5, 7, {0}};
  memcpy(table.filter, filter, sizeof filter);
  for (size_t i = 0; i < 5; i++) assert_true(cd_word_table_has(&table, CHARS + OFFSETS[i], strlen(CHARS + OFFSETS[i])));
  assert_true(cd_word_table_has(&table, "MS", 2));
  assert_true(cd_word_table_has(&table, "Senator", 7));
  assert_false(cd_word_table_has(&table, "zebra", 5));
  assert_false(cd_word_table_has(&table, "m", 1));
  assert_false(cd_word_table_has(&table, "mayors", 6));
  assert_false(cd_word_table_has(&table, "", 0));
  assert_false(cd_word_table_has(&table, "mr\0ms", 5)); /* a NUL inside the slice ends no entry */
  /* the filter answers first: with every bit set the slots still say no; with none set, no entry
   * is found */
  memset(table.filter, 0xff, sizeof table.filter);
  assert_true(cd_word_table_has(&table, "Mayor", 5));
  assert_false(cd_word_table_has(&table, "mayo", 4));
  assert_false(cd_word_table_has(&table, "xr", 2));
  memset(table.filter, 0, sizeof table.filter);
  assert_false(cd_word_table_has(&table, "mayor", 5));
  /* the bit of a slice is that of its lower-case form */
  assert_int_equal(cd_word_filter_bit("SENATOR", 7), cd_word_filter_bit("senator", 7));
  assert_true(cd_lex_has(CD_LEX_SPEECH_VERBS, "SAID", 4));
  assert_false(cd_lex_has(CD_LEX_SPEECH_VERBS, "saidx", 5));
  assert_true(cd_is_common_word("However", 7));
  assert_true(cd_is_common_word("the", 3));
  assert_false(cd_is_common_word("Macierewicz", 11));
  assert_false(cd_is_common_word("don't", 5));
}

static bool near_has(const cd_vec *out, size_t id) {
  for (size_t i = 0; i < out->len; i++)
    if (*CD_VEC_AT(out, size_t, i) == id) return true;
  return false;
}

static void test_near_build(void **state) {
  (void)state;
  const char *keys[] = {"sacoolas", "kowalczyk", "anna", "socoolas", "kowalczykowa", "sacoo"};
  assert_int_equal(cd_near_variants("anna"), 0); /* under five letters: not indexed */
  assert_int_equal(cd_near_variants("sacoolas"), 1 + 8 + 28);
  cd_near_index ix;
  cd_near_init(&ix);
  cd_near_build(&ix, keys, 6, 5);
  cd_vec out;
  cd_vec_init(&out, sizeof(size_t));
  cd_near_candidates(&ix, 0, &out); /* itself and one substitution away; not three letters shorter */
  assert_int_equal(out.len, 2);
  assert_true(near_has(&out, 0) && near_has(&out, 3));
  out.len = 0;
  cd_near_candidates(&ix, 4, &out); /* three letters more than kowalczyk: too far */
  assert_int_equal(out.len, 1);
  assert_true(near_has(&out, 4));
  out.len = 0;
  cd_near_candidates(&ix, 2, &out); /* too short to be asked */
  assert_int_equal(out.len, 0);
  cd_near_free(&ix);

  const char *short_keys[] = {"trump", "tump"};
  cd_near_build(&ix, short_keys, 2, 4);
  out.len = 0;
  cd_near_candidates(&ix, 1, &out); /* a four-letter key is asked: it finds the one a letter longer */
  assert_int_equal(out.len, 1);
  assert_true(near_has(&out, 0));
  out.len = 0;
  cd_near_candidates(&ix, 0, &out); /* but is not indexed */
  assert_int_equal(out.len, 1);
  assert_true(near_has(&out, 0));
  cd_near_free(&ix);
  cd_vec_free(&out);
}

/* Keys that differ only in their last letter are all near each other: sixteen are a group, the
 * seventeenth makes a crowd in which nobody has candidates. */
static void test_near_crowd(void **state) {
  (void)state;
  char names[CD_NEAR_CROWD + 1][8];
  const char *keys[CD_NEAR_CROWD + 1];
  for (size_t i = 0; i <= CD_NEAR_CROWD; i++) {
    snprintf(names[i], sizeof names[i], "kessel%c", (char)('a' + i));
    keys[i] = names[i];
  }
  cd_near_index ix;
  cd_near_init(&ix);
  cd_vec out;
  cd_vec_init(&out, sizeof(size_t));
  cd_near_build(&ix, keys, CD_NEAR_CROWD, 5);
  cd_near_candidates(&ix, 3, &out);
  assert_int_equal(out.len, CD_NEAR_CROWD);
  cd_near_build(&ix, keys, CD_NEAR_CROWD + 1, 5);
  out.len = 0;
  cd_near_candidates(&ix, 3, &out);
  assert_int_equal(out.len, 0);
  cd_near_free(&ix);
  cd_vec_free(&out);
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

/* A test closed under prefixes: the bytes begin one of these phrases (or are one). */
typedef struct prefix_probe {
  size_t asked;
} prefix_probe;

static int begins_phrase(void *ctx, const char *s, size_t n) {
  static const char *const PHRASES[] = {"said ", "say ", "some \xC3\xA9lus ", "some people "};
  ((prefix_probe *)ctx)->asked++;
  for (size_t i = 0; i < sizeof PHRASES / sizeof PHRASES[0]; i++)
    if (n <= strlen(PHRASES[i]) && memcmp(PHRASES[i], s, n) == 0) return true;
  return false;
}

/* The memo gives the test's answers, asks it once per prefix, and settles a string by a prefix
 * that failed before. */
static void test_prefix_memo_answers(void **state) {
  (void)state;
  cd_prefix_memo m;
  cd_prefix_memo_init(&m, 1000);
  prefix_probe p = {0};
  const char *const ASK[] = {"said ", "sa", "sad ", "sx", "some people ", "some peoples", "x", "say "};
  for (size_t i = 0; i < sizeof ASK / sizeof ASK[0]; i++) {
    prefix_probe direct = {0};
    assert_int_equal(cd_prefix_memo_test(&m, ASK[i], strlen(ASK[i]), begins_phrase, &p),
                     begins_phrase(&direct, ASK[i], strlen(ASK[i])));
  }
  size_t asked = p.asked;
  for (size_t i = 0; i < sizeof ASK / sizeof ASK[0]; i++) cd_prefix_memo_test(&m, ASK[i], strlen(ASK[i]), begins_phrase, &p);
  assert_int_equal(p.asked, asked); /* all known now */
  assert_false(cd_prefix_memo_test(&m, "sxyz", 4, begins_phrase, &p)); /* "sx" failed: not asked */
  assert_false(cd_prefix_memo_test(&m, "sadly", 5, begins_phrase, &p)); /* "sad" failed */
  assert_int_equal(p.asked, asked);
  cd_prefix_memo_free(&m);
}

/* A prefix that ends inside a UTF-8 character is asked, never kept; the whole character is. */
static void test_prefix_memo_characters(void **state) {
  (void)state;
  cd_prefix_memo m;
  cd_prefix_memo_init(&m, 1000);
  prefix_probe p = {0};
  const char *cut = "some \xC3"; /* the first byte of "\xC3\xA9" alone */
  assert_true(cd_prefix_memo_test(&m, cut, strlen(cut), begins_phrase, &p));
  size_t asked = p.asked;
  assert_true(cd_prefix_memo_test(&m, cut, strlen(cut), begins_phrase, &p));
  assert_int_equal(p.asked, asked + 1); /* asked again */
  const char *whole = "some \xC3\xA9";
  assert_true(cd_prefix_memo_test(&m, whole, strlen(whole), begins_phrase, &p));
  asked = p.asked;
  assert_true(cd_prefix_memo_test(&m, whole, strlen(whole), begins_phrase, &p));
  assert_int_equal(p.asked, asked); /* kept */
  const char *other = "some \xC3\xA8"; /* the same first byte, another letter */
  assert_false(cd_prefix_memo_test(&m, other, strlen(other), begins_phrase, &p));
  cd_prefix_memo_free(&m);
}

/* "by " and whatever follows: a phrase matched whole in the first three bytes. */
static int by_anything(void *ctx, const char *s, size_t n) {
  ((prefix_probe *)ctx)->asked++;
  if (n >= 3 && memcmp(s, "by ", 3) == 0) return CD_PREFIX_YES_ALL;
  return n < 3 && memcmp(s, "by ", n) == 0 ? CD_PREFIX_YES : CD_PREFIX_NO;
}

/* A prefix that passes with all that follows settles every string that begins with it: they are
 * not asked, and take no room. */
static void test_prefix_memo_pass_all(void **state) {
  (void)state;
  cd_prefix_memo m;
  cd_prefix_memo_init(&m, 1000);
  prefix_probe p = {0};
  assert_true(cd_prefix_memo_test(&m, "by ", 3, by_anything, &p));
  size_t asked = p.asked, nodes = m.nodes;
  assert_true(cd_prefix_memo_test(&m, "by one estimate", 15, by_anything, &p));
  assert_true(cd_prefix_memo_test(&m, "by the way", 10, by_anything, &p));
  assert_int_equal(cd_prefix_memo_known(&m, "by \xC3\xA9", 5), 1);
  assert_int_equal(p.asked, asked);
  assert_int_equal(m.nodes, nodes);
  assert_false(cd_prefix_memo_test(&m, "bx", 2, by_anything, &p));
  assert_int_equal(p.asked, asked + 1);
  /* a string asked whole first: its prefixes are kept as passing, the whole as passing with all */
  assert_true(cd_prefix_memo_test(&m, "by a", 4, by_anything, &p) && p.asked == asked + 1);
  cd_prefix_memo_free(&m);
}

/* The walk over the first two bytes is kept with the node it reaches, whatever the bytes after
 * them answer; it is emptied with the memo, or a node made again for another prefix would answer
 * for the old one. */
static void test_prefix_memo_known_after_reset(void **state) {
  (void)state;
  cd_prefix_memo m;
  cd_prefix_memo_init(&m, 16);
  prefix_probe p = {0};
  assert_true(cd_prefix_memo_test(&m, "said ", 5, begins_phrase, &p));
  assert_int_equal(cd_prefix_memo_known(&m, "said ", 5), 1);
  assert_int_equal(cd_prefix_memo_known(&m, "said ", 5), 1); /* from the kept walk */
  assert_false(cd_prefix_memo_test(&m, "sax", 3, begins_phrase, &p));
  assert_int_equal(cd_prefix_memo_known(&m, "sax", 3), 0); /* fails past the kept walk, which stays */
  assert_int_equal(cd_prefix_memo_known(&m, "said ", 5), 1);
  assert_int_equal(cd_prefix_memo_known(&m, "sx", 2), -1);
  assert_false(cd_prefix_memo_test(&m, "sx", 2, begins_phrase, &p));
  assert_int_equal(cd_prefix_memo_known(&m, "sx", 2), 0);
  /* past the limit: emptied, and "so" gets the node "sa" had; "soi" fails */
  assert_true(cd_prefix_memo_test(&m, "some people ", 12, begins_phrase, &p));
  assert_false(cd_prefix_memo_test(&m, "soil", 4, begins_phrase, &p));
  assert_int_equal(cd_prefix_memo_known(&m, "said ", 5), -1);
  assert_true(cd_prefix_memo_test(&m, "said ", 5, begins_phrase, &p));
  assert_int_equal(cd_prefix_memo_known(&m, "said ", 5), 1);
  cd_prefix_memo_free(&m);
}

/* Past its node limit the memo starts again, and still answers as the test does. */
static void test_prefix_memo_limit(void **state) {
  (void)state;
  cd_prefix_memo m;
  cd_prefix_memo_init(&m, 16);
  prefix_probe p = {0};
  for (int round = 0; round < 3; round++) {
    assert_true(cd_prefix_memo_test(&m, "some people ", 12, begins_phrase, &p));
    assert_true(cd_prefix_memo_test(&m, "said ", 5, begins_phrase, &p));
    assert_false(cd_prefix_memo_test(&m, "some peach", 10, begins_phrase, &p));
    assert_true(m.nodes <= 16);
  }
  assert_true(cd_prefix_memo_test(&m, "some people and more than sixteen bytes", 39, begins_phrase, &p) == false);
  cd_prefix_memo_free(&m);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strmap_slices),
      cmocka_unit_test(test_strmap_interned),
      cmocka_unit_test(test_arena_printf),
      cmocka_unit_test(test_word_lists),
      cmocka_unit_test(test_near_build),
      cmocka_unit_test(test_near_crowd),
      cmocka_unit_test(test_short_index),
      cmocka_unit_test(test_prefix_memo_answers),
      cmocka_unit_test(test_prefix_memo_characters),
      cmocka_unit_test(test_prefix_memo_limit),
      cmocka_unit_test(test_prefix_memo_pass_all),
      cmocka_unit_test(test_prefix_memo_known_after_reset),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
