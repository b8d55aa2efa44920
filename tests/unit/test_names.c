/* Names: comparison keys, near-miss spelling, clustering and the name.* findings with their
 * related spans and fix edits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "incremental.h"
#include "copydesk/analyzer.h"
#include "namekey.h"
#include "names_near.h"
#include "names_near_kept.h"
#include "strmap.h"

static void test_keys(void **state) {
  (void)state;
  cd_arena *a = cd_arena_new();
  assert_string_equal(cd_name_key(a, "U.S.", 4), "us");
  assert_string_equal(cd_name_key(a, "US", 2), "us");
  assert_string_equal(cd_name_key(a, "Erdo\xC4\x9F" "an", 8), "erdogan");
  assert_string_equal(cd_name_key(a, "Jong-un", 7), "jongun");
  assert_string_equal(cd_name_key(a, "Jong Un", 7), "jongun");
  assert_string_equal(cd_name_key(a, "\xC5\x81ukasz", 7), "lukasz");
  assert_string_equal(cd_alias_key("usa"), "unitedstates");
  /* the table's first and last aliases, and keys beside them that are none */
  assert_string_equal(cd_alias_key("america"), "unitedstates");
  assert_string_equal(cd_alias_key("wto"), "worldtradeorganization");
  assert_string_equal(cd_alias_key("us"), "unitedstates");
  assert_string_equal(cd_alias_key("usaf"), "usaf");
  assert_string_equal(cd_alias_key("americas"), "americas");
  assert_string_equal(cd_alias_key("USA"), "USA"); /* keys are folded: no folding here */
  assert_string_equal(cd_alias_key(""), "");
  assert_string_equal(cd_rename_key("bangalore"), "bengaluru");
  assert_string_equal(cd_rename_key("paris"), "paris");
  /* the tables' first and last names, either column, capitals as small, and names that are none */
  assert_string_equal(cd_rename_key("allahabad"), "prayagraj");
  assert_string_equal(cd_rename_key("zaire"), "democraticrepublicofthecongo");
  assert_true(cd_is_renamed("bombay") && cd_is_renamed("mumbai") && cd_is_renamed("Bombay"));
  assert_true(cd_is_renamed("almaty") && cd_is_renamed("yangon") && cd_is_renamed("zaire"));
  assert_false(cd_is_renamed("bombays") || cd_is_renamed("mumba") || cd_is_renamed("paris") || cd_is_renamed(""));
  assert_true(cd_alias_known("usa") && cd_alias_known("unitedstates") && cd_alias_known("wto"));
  assert_true(cd_alias_known("unitednationseducationalscientificandculturalorganization"));
  assert_false(cd_alias_known("usaf") || cd_alias_known("paris") || cd_alias_known(""));
  cd_arena_free(a);
}

/* Apostrophes and hyphens beyond ASCII (’ ‘ U+2010 U+2011) are dropped from a key whichever way it
 * is folded: a text that has them and is otherwise ASCII gives the key utf8proc's path gives, which
 * a trailing "é" forces (its key ends in "e"). */
static void test_keys_typographic_apostrophes(void **state) {
  (void)state;
  cd_arena *a = cd_arena_new();
  assert_string_equal(cd_name_key(a, "O\xE2\x80\x99" "Brien", 10), "obrien");
  assert_string_equal(cd_name_key(a, "Trump\xE2\x80\x99s", 10), "trumps");
  assert_string_equal(cd_name_key(a, "Jong\xE2\x80\x90" "Un", 9), "jongun");
  /* a sequence cut short is invalid UTF-8: the bytes as they are, not folded */
  assert_string_equal(cd_name_key(a, "O'B\xE2\x80", 5), "O'B\xE2\x80");
  assert_string_equal(cd_name_key(a, "O\xE2\x80" "B", 4), "O\xE2\x80" "B");
  static const char *const parts[] = {"O", "\xE2\x80\x99", "\xE2\x80\x98", "\xE2\x80\x90", "\xE2\x80\x91",
                                      "Brien", " ", "-", ".", "'", "McK", "\xE2\x80\x9C"};
  enum { P = sizeof parts / sizeof parts[0] };
  for (size_t x = 0; x < P; x++)
    for (size_t y = 0; y < P; y++)
      for (size_t z = 0; z < P; z++) {
        char text[32], forced[40], want[40];
        int n = snprintf(text, sizeof text, "%s%s%s", parts[x], parts[y], parts[z]);
        snprintf(forced, sizeof forced, "%s\xC3\xA9", text);
        const char *key = cd_name_key(a, text, (size_t)n), *general = cd_name_key(a, forced, (size_t)n + 2);
        assert_non_null(key);
        snprintf(want, sizeof want, "%se", key);
        assert_string_equal(general, want);
        cd_strmap keys; /* the interning path folds the same way */
        cd_strmap_init(&keys, NULL);
        assert_string_equal(cd_name_key_in(&keys, text, (size_t)n), key);
        cd_strmap_free(&keys);
      }
  cd_arena_free(a);
}

static bool has_id(const cd_vec *out, size_t id) {
  for (size_t i = 0; i < out->len; i++)
    if (*CD_VEC_AT(out, size_t, i) == id) return true;
  return false;
}

/* The whole table, every cell worked out: what cd_edit_distance, which works out only the cells
 * near the diagonal, must agree with for every limit. */
static size_t full_distance(const char *a, size_t an, const char *b, size_t bn) {
  size_t d[16][16];
  for (size_t i = 0; i <= an; i++) d[i][0] = i;
  for (size_t j = 0; j <= bn; j++) d[0][j] = j;
  for (size_t i = 1; i <= an; i++)
    for (size_t j = 1; j <= bn; j++) {
      size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
        v = d[i - 2][j - 2] + 1;
      d[i][j] = v;
    }
  return d[an][bn];
}

static void test_edit_distance_band(void **state) {
  (void)state;
  uint32_t seed = 12345;
  char a[16], b[16];
  for (int round = 0; round < 20000; round++) {
    size_t an = 0, bn = 0;
    seed = seed * 1103515245u + 12345u;
    an = 1 + (seed >> 16) % 15;
    for (size_t i = 0; i < an; i++) seed = seed * 1103515245u + 12345u, a[i] = (char)('a' + (seed >> 16) % 3);
    /* b: a few edits of a, so that near pairs are common */
    memcpy(b, a, an);
    bn = an;
    seed = seed * 1103515245u + 12345u;
    for (unsigned e = (seed >> 16) % 5; e > 0; e--) {
      seed = seed * 1103515245u + 12345u;
      size_t at = (seed >> 16) % (bn + 1);
      unsigned op = (seed >> 8) % 3;
      if (op == 0 && bn < 15) { memmove(b + at + 1, b + at, bn - at); b[at] = 'c'; bn++; }
      else if (op == 1 && at < bn && bn > 1) { memmove(b + at, b + at + 1, bn - at - 1); bn--; }
      else if (at + 1 < bn) { char t = b[at]; b[at] = b[at + 1]; b[at + 1] = t; }
    }
    size_t want = full_distance(a, an, b, bn);
    for (size_t limit = 0; limit <= 4; limit++) {
      size_t got = cd_edit_distance(a, an, b, bn, limit);
      assert_int_equal(got, want <= limit ? want : limit + 1);
    }
  }
}

static void test_near_miss(void **state) {
  (void)state;
  assert_int_equal(cd_edit_distance("macierewicz", 11, "macierewitz", 11, 2), 1);
  assert_int_equal(cd_edit_distance("abcdef", 6, "badcfe", 6, 2), 3);
  assert_true(cd_near_miss("macierewicz", "macierewitz"));
  assert_true(cd_near_miss("sacoolas", "socoolas"));
  assert_false(cd_near_miss("smith", "smith"));
  assert_false(cd_near_miss("iran", "iraq")); /* under five letters */
  assert_true(cd_jaro_winkler("martha", 6, "marhta", 6) > 0.95);
  assert_true(cd_spelling_explained("korea", "korean"));
  assert_true(cd_spelling_explained("kowalski", "kowalska"));
  assert_true(cd_spelling_explained("mysore", "mysuru"));
  assert_false(cd_spelling_explained("sacoolas", "socoolas"));

  const char *keys[] = {"macierewicz", "kowalczyk", "wielgoszewska", "macierewitz", "wielgoszewksa", "zzzzzzzz"};
  cd_near_index ix;
  cd_near_init(&ix);
  cd_near_build(&ix, keys, 6, 5);
  cd_vec out;
  cd_vec_init(&out, sizeof(size_t));
  cd_near_candidates(&ix, 3, &out); /* itself and the substitution */
  assert_int_equal(out.len, 2);
  assert_true(has_id(&out, 0) && has_id(&out, 3));
  out.len = 0;
  cd_near_candidates(&ix, 4, &out); /* a transposition: two deletions apart */
  assert_int_equal(out.len, 2);
  assert_true(has_id(&out, 2) && has_id(&out, 4));
  out.len = 0;
  cd_near_candidates(&ix, 5, &out); /* only itself */
  assert_int_equal(out.len, 1);
  assert_int_equal(*CD_VEC_AT(&out, size_t, 0), 5);
  cd_vec_free(&out);
  cd_near_free(&ix);
}

/* A small deterministic generator: the same lists on every run. */
static uint64_t rng_state;
static size_t rnd(size_t n) {
  rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
  return (size_t)(rng_state >> 33) % n;
}

enum { KEY_CAP = 48 };

/* A key of three to ten letters from a four-letter alphabet (many near pairs and crowds), now and
 * then one too long to index. */
static void random_key(char *k) {
  size_t n = rnd(20) == 0 ? 33 + rnd(5) : 3 + rnd(8);
  for (size_t i = 0; i < n; i++) k[i] = "abcd"[rnd(4)];
  k[n] = 0;
}

/* The candidates of every id, as a sorted list per id, or one CD_NONE for a crowd. */
static void candidate_sets(const cd_near_index *ix, size_t n, cd_vec *out) {
  out->len = 0;
  cd_vec one;
  cd_vec_init(&one, sizeof(size_t));
  for (size_t i = 0; i < n; i++) {
    one.len = 0;
    cd_near_candidates(ix, i, &one);
    size_t *v = one.data;
    for (size_t a = 1; a < one.len; a++) /* insertion sort: a handful each */
      for (size_t b = a; b > 0 && v[b - 1] > v[b]; b--) {
        size_t t = v[b];
        v[b] = v[b - 1];
        v[b - 1] = t;
      }
    *(size_t *)cd_vec_push(out) = i < ix->n && ix->count[i] == CD_NEAR_CROWDED ? CD_NONE : one.len;
    for (size_t x = 0; x < one.len; x++) *(size_t *)cd_vec_push(out) = v[x];
  }
  cd_vec_free(&one);
}

/* The kept index, after every change to its list of keys (a letter typed or deleted in a key, keys
 * added, removed, repeated, a new list), answers as an index built afresh on the same list. */
static void test_kept_near_index_equals_fresh(void **state) {
  (void)state;
  for (size_t query_min = 4; query_min <= 5; query_min++) {
    rng_state = 1500 + query_min;
    cd_near_kept *kept = cd_near_kept_new(query_min);
    assert_non_null(kept);
    static char store[200][KEY_CAP];
    const char *keys[200];
    size_t n = 60;
    for (size_t i = 0; i < n; i++) random_key(store[i]);
    cd_near_index fresh;
    cd_near_init(&fresh);
    cd_vec a, b;
    cd_vec_init(&a, sizeof(size_t));
    cd_vec_init(&b, sizeof(size_t));
    size_t crowded = 0, near = 0;
    for (size_t step = 0; step < 3000; step++) {
      size_t what = rnd(10), i = rnd(n);
      size_t len = strlen(store[i]);
      if (what < 4 && len + 1 < KEY_CAP) { /* type a letter */
        size_t at = rnd(len + 1);
        memmove(store[i] + at + 1, store[i] + at, len - at + 1);
        store[i][at] = "abcde"[rnd(5)];
      } else if (what < 7 && len > 0) { /* delete one */
        size_t at = rnd(len);
        memmove(store[i] + at, store[i] + at + 1, len - at);
      } else if (what == 7 && n < 200) { /* a new key, or a repeated one, somewhere */
        memmove(store[i + 1], store[i], (n - i) * KEY_CAP);
        if (rnd(2)) random_key(store[i]);
        else memcpy(store[i], store[rnd(n + 1)], KEY_CAP);
        n++;
      } else if (what == 8 && n > 1) { /* a key removed */
        memmove(store[i], store[i + 1], (n - i - 1) * KEY_CAP);
        n--;
      } else if (rnd(20) == 0) { /* another list altogether */
        n = 1 + rnd(200);
        for (size_t k = 0; k < n; k++) random_key(store[k]);
      }
      for (size_t k = 0; k < n; k++) keys[k] = store[k];
      cd_near_build(&fresh, keys, n, query_min);
      candidate_sets(&fresh, n, &a);
      candidate_sets(cd_near_kept_update(kept, keys, n), n, &b);
      if (a.len != b.len || memcmp(a.data, b.data, a.len * sizeof(size_t)) != 0)
        fail_msg("query_min %zu, step %zu: the kept index differs from a fresh one", query_min, step);
      for (size_t k = 0; k < n; k++) {
        crowded += fresh.count[k] == CD_NEAR_CROWDED;
        near += fresh.count[k] >= 2 && fresh.count[k] != CD_NEAR_CROWDED;
      }
    }
    assert_true(crowded > 100 && near > 1000); /* the lists had crowds and near pairs to keep */
    cd_vec_free(&a);
    cd_vec_free(&b);
    cd_near_free(&fresh);
    cd_near_kept_free(kept);
  }
}

/* A variant's hash is the hash of the string it stands for: each one- and two-byte deletion of a
 * key hashes as that shorter string does on its own, for keys of every length indexed. */
static void test_near_variant_hashes(void **state) {
  (void)state;
  rng_state = 31;
  static uint32_t hv[CD_NEAR_VARIANTS_MAX], whole[CD_NEAR_VARIANTS_MAX];
  char key[CD_NEAR_MAX_KEY + 1], part[CD_NEAR_MAX_KEY + 1];
  for (size_t n = 1; n <= CD_NEAR_MAX_KEY; n++) {
    for (size_t i = 0; i < n; i++) key[i] = (char)(1 + rnd(255));
    size_t k = cd_near_hash_variants(key, n, hv), v = 0;
    assert_int_equal(k, 1 + n + n * (n - 1) / 2);
    cd_near_hash_variants(key, n, whole);
    assert_int_equal(hv[v++], whole[0]);
    for (size_t i = 0; i < n; i++) {
      for (size_t j = i; j < n; j++) { /* without byte i, then without bytes i and j */
        size_t m = 0;
        for (size_t x = 0; x < n; x++)
          if (x != i && x != j) part[m++] = key[x];
        cd_near_hash_variants(part, m, whole);
        assert_int_equal(hv[v++], whole[0]);
      }
    }
  }
}

static const uint32_t *near_list(const cd_near_index *ix, size_t k) {
  return &ix->near[ix->at ? ix->at[k] : k * CD_NEAR_CROWD];
}

/* The one-pass build (an article's keys) and the two-pass one (a text with millions of variants)
 * give the same index: the same near keys for every key, in the same order, and the same crowds. */
static void test_near_build_paths_agree(void **state) {
  (void)state;
  static char store[4000][KEY_CAP];
  static const char *keys[4000];
  size_t crowded = 0, near = 0;
  for (size_t round = 0; round < 40; round++) {
    rng_state = 7100 + round;
    size_t n = round < 30 ? 1 + rnd(300) : 1000 + rnd(3000), query_min = 4 + round % 2;
    for (size_t i = 0; i < n; i++) {
      if (i && rnd(8) == 0) memcpy(store[i], store[rnd(i)], KEY_CAP); /* a key repeated */
      else random_key(store[i]);
      keys[i] = store[i];
    }
    cd_near_index one, two;
    cd_near_init(&one);
    cd_near_init(&two);
    cd_near_build_split(&one, keys, n, query_min, SIZE_MAX);
    cd_near_build_split(&two, keys, n, query_min, 0);
    assert_int_equal(one.n, two.n);
    for (size_t k = 0; k < n; k++) {
      assert_int_equal(one.count[k], two.count[k]);
      if (one.count[k] != CD_NEAR_CROWDED)
        assert_memory_equal(near_list(&one, k), near_list(&two, k), one.count[k] * sizeof *one.near);
      crowded += one.count[k] == CD_NEAR_CROWDED;
      near += one.count[k] >= 2 && one.count[k] != CD_NEAR_CROWDED;
    }
    cd_near_free(&one);
    cd_near_free(&two);
  }
  assert_true(crowded > 100 && near > 1000); /* the lists had crowds and near pairs to agree on */
}

/* The index built for some keys only (cd_near_build_asked) gives each of them the near keys and
 * the crowds of the whole index, whether a few keys are asked (its own build) or most (the whole
 * index's). */
static void test_near_build_asked_agrees(void **state) {
  (void)state;
  static char store[4000][KEY_CAP];
  static const char *keys[4000];
  static bool asked[4000];
  cd_vec a, b;
  cd_vec_init(&a, sizeof(size_t));
  cd_vec_init(&b, sizeof(size_t));
  size_t crowded = 0, near = 0, compared = 0;
  for (size_t round = 0; round < 60; round++) {
    rng_state = 9100 + round;
    size_t n = round < 45 ? 1 + rnd(300) : 1000 + rnd(3000), query_min = 4 + round % 2;
    size_t share = 1 + rnd(8); /* one key in `share` is asked: 1 asks every key */
    for (size_t i = 0; i < n; i++) {
      if (i && rnd(8) == 0) memcpy(store[i], store[rnd(i)], KEY_CAP); /* a key repeated */
      else random_key(store[i]);
      keys[i] = store[i];
      asked[i] = rnd(share) == 0;
    }
    cd_near_index whole, some;
    cd_near_init(&whole);
    cd_near_init(&some);
    cd_near_build(&whole, keys, n, query_min);
    cd_near_build_asked(&some, keys, n, query_min, asked);
    candidate_sets(&whole, n, &a);
    candidate_sets(&some, n, &b);
    /* per key: its count (CD_NONE for a crowd) then its sorted ids; compare the asked keys' */
    size_t x = 0, y = 0;
    for (size_t k = 0; k < n; k++) {
      size_t ca = *CD_VEC_AT(&a, size_t, x), cb = *CD_VEC_AT(&b, size_t, y);
      size_t la = ca == CD_NONE ? 0 : ca, lb = cb == CD_NONE ? 0 : cb;
      if (asked[k]) {
        if (ca != cb || memcmp(CD_VEC_AT(&a, size_t, x + 1), CD_VEC_AT(&b, size_t, y + 1), la * sizeof(size_t)) != 0)
          fail_msg("round %zu, key %zu (%s): the asked build differs from the whole index", round, k, keys[k]);
        compared++;
        crowded += ca == CD_NONE;
        near += ca != CD_NONE && ca >= 2;
      }
      x += 1 + la;
      y += 1 + lb;
    }
    cd_near_free(&whole);
    cd_near_free(&some);
  }
  assert_true(compared > 10000 && crowded > 100 && near > 1000); /* crowds and near pairs were asked */
  cd_vec_free(&a);
  cd_vec_free(&b);
}

static cd_report *run(const char *text, const cd_config *cfg) {
  cd_report *r = cd_analyze(text, strlen(text), CD_FORMAT_PLAINTEXT, cfg);
  assert_non_null(r);
  return r;
}

static const cd_diagnostic *find_diag(const cd_report *r, const char *text, const char *code, const char *form) {
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  size_t fl = strlen(form);
  for (size_t i = 0; i < n; i++)
    if (strcmp(d[i].code, code) == 0 && d[i].span.end - d[i].span.start == fl &&
        memcmp(text + d[i].span.start, form, fl) == 0)
      return &d[i];
  return NULL;
}

static size_t count_code(const cd_report *r, const char *prefix) {
  size_t n, k = 0;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++)
    if (strncmp(d[i].code, prefix, strlen(prefix)) == 0) k++;
  return k;
}

static void test_variant_fix_and_related(void **state) {
  (void)state;
  const char *text = "Talks resume\n\nU.S. officials met on Monday. U.S. and British officials agreed. "
                     "A US delegation will follow.\n";
  cd_report *r = run(text, NULL);
  const cd_diagnostic *d = find_diag(r, text, "name.variant", "US");
  assert_non_null(d);
  assert_int_equal(d->n_fixes, 1);
  assert_int_equal(d->fixes[0].n_edits, 1);
  assert_string_equal(d->fixes[0].edits[0].new_text, "U.S.");
  assert_int_equal(d->n_related, 1);
  assert_memory_equal(text + d->related[0].span.start, "U.S.", 4);
  assert_non_null(strstr(d->message, "'U.S.'"));
  assert_int_equal(count_code(r, "name.variant"), 1);
  cd_report_free(r);
}

static void test_preferred_form(void **state) {
  (void)state;
  const char *text = "Talks resume\n\nThe US officials met on Monday. Later US and British officials agreed.\n";
  cd_config *cfg = cd_config_new();
  assert_true(cd_config_add_preferred_form(cfg, "United States", "U.S."));
  cd_report *r = run(text, cfg);
  assert_int_equal(count_code(r, "name.variant"), 2);
  const cd_diagnostic *d = find_diag(r, text, "name.variant", "US");
  assert_non_null(d);
  assert_string_equal(d->fixes[0].edits[0].new_text, "U.S.");
  cd_report_free(r);
  cd_config_free(cfg);
}

static void test_shared_surname_never_merges(void **state) {
  (void)state;
  const char *text = "Court hears case\n\nDavid Turpin appeared in court on Friday. Louise Turpin appeared "
                     "an hour later. Turpin said nothing.\n";
  cd_report *r = run(text, NULL);
  size_t n;
  const cd_entity *e = cd_report_entities(r, &n);
  size_t david = CD_NONE, louise = CD_NONE;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(e[i].name, "David Turpin") == 0) david = i;
    if (strcmp(e[i].name, "Louise Turpin") == 0) louise = i;
  }
  assert_true(david != CD_NONE && louise != CD_NONE && david != louise);
  assert_int_equal(count_code(r, "name."), 0);
  cd_report_free(r);
}

/* The entity an entity list gives the mention written `form` (the first such mention), or CD_NONE. */
static size_t entity_of(const cd_report *r, const char *form) {
  size_t n;
  const cd_entity *e = cd_report_entities(r, &n);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < e[i].n_mentions; k++)
      if (strcmp(e[i].mentions[k].text, form) == 0) return i;
  return CD_NONE;
}

/* Names the clustering ties by strings it makes: an organisation in singular and plural, an
 * abbreviation spelled by a name's initials, a country's alias. Each pair is one entity, whether
 * the text is analysed once or version after version through a handle (whose name keys are kept),
 * and names that only look alike stay apart. */
static void test_made_keys_join_entities(void **state) {
  (void)state;
  const char *text = "Rail strike ends\n\nIndian Railway staff returned to work on Monday. Indian Railways "
                     "said fares would not rise. Services on the South West Railway would resume, and SWR "
                     "apologised for the delays. The USA and the United States agreed. Staff of the North "
                     "Star Line struck too; NSR said nothing.\n";
  cd_analysis *a = cd_analysis_new();
  for (int pass = 0; pass < 3; pass++) {
    cd_report *r = pass == 0 ? run(text, NULL) : cd_analysis_update(a, text, strlen(text), CD_FORMAT_PLAINTEXT, NULL);
    assert_non_null(r);
    assert_true(entity_of(r, "Indian Railway") != CD_NONE);
    assert_int_equal(entity_of(r, "Indian Railway"), entity_of(r, "Indian Railways"));
    assert_true(entity_of(r, "SWR") != CD_NONE);
    assert_int_equal(entity_of(r, "SWR"), entity_of(r, "South West Railway"));
    assert_true(entity_of(r, "USA") != CD_NONE);
    assert_int_equal(entity_of(r, "USA"), entity_of(r, "United States"));
    assert_true(entity_of(r, "NSR") != CD_NONE);
    assert_true(entity_of(r, "NSR") != entity_of(r, "North Star Line")); /* not its initials */
    cd_report_free(r);
  }
  cd_analysis_free(a);
}

/* Every mention's text is its own bytes, though mentions of one entity share a key and a length
 * ("Kim Jong-un", "Kim Jong Un", "KIM JONG UN"): fresh, and through a handle on a version whose
 * mentions are the previous one's (the entities taken over) and on one that clusters again. */
static void test_mention_texts_as_written(void **state) {
  (void)state;
  char text[] = "Summit talks\n\nKim Jong-un arrived on Monday. Officials said Kim Jong Un would stay two "
                "days. Kim Jong-un left on Wednesday, and KIM JONG UN was on every front page.\n\nThe talks "
                "ended.\n";
  cd_analysis *a = cd_analysis_new();
  for (int pass = 0; pass < 4; pass++) {
    if (pass == 2) text[sizeof text - 4] = 'D'; /* "endeD": no mention changes */
    if (pass == 3) memcpy(strstr(text, "Officials"), "Ann Perry", 9); /* a new name: clustered again */
    cd_report *r = pass == 0 ? run(text, NULL) : cd_analysis_update(a, text, strlen(text), CD_FORMAT_PLAINTEXT, NULL);
    assert_non_null(r);
    size_t n, seen = 0;
    const cd_entity *e = cd_report_entities(r, &n);
    for (size_t i = 0; i < n; i++)
      for (size_t k = 0; k < e[i].n_mentions; k++, seen++) {
        const cd_mention *m = &e[i].mentions[k];
        assert_int_equal(strlen(m->text), m->span.end - m->span.start);
        assert_memory_equal(m->text, text + m->span.start, strlen(m->text));
      }
    assert_true(seen >= 4);
    if (pass >= 2) assert_true(cd_incr_entities_taken(a) == (pass == 2));
    cd_report_free(r);
  }
  cd_analysis_free(a);
}

static void test_courtesy_styles(void **state) {
  (void)state;
  const char *text = "Mayor opens library\n\nTomasz Halberg opened the library on Saturday. Mr Halberg "
                     "said it took six years.\n";
  cd_config *cfg = cd_config_new();
  cd_config_set_courtesy_style(cfg, CD_COURTESY_NONE);
  cd_report *r = run(text, cfg);
  const cd_diagnostic *d = find_diag(r, text, "name.courtesy-title", "Mr Halberg");
  assert_non_null(d);
  assert_string_equal(d->fixes[0].edits[0].new_text, "");
  cd_report_free(r);
  cd_config_set_courtesy_style(cfg, CD_COURTESY_AFTER_FIRST_REFERENCE);
  r = run(text, cfg);
  assert_int_equal(count_code(r, "name.courtesy-title"), 0);
  cd_report_free(r);
  cd_config_free(cfg);
}

/* Messages quote the title as the article writes it: 'Mr. Adeyemi', not 'Mr Adeyemi'. */
static void test_courtesy_message_quotes_text(void **state) {
  (void)state;
  const char *text = "Talks resume\n\nKofi Adeyemi opened the talks. Mr. Adeyemi said the deal was close, "
                     "and Adeyemi said he would return.\n";
  cd_report *r = run(text, NULL);
  const cd_diagnostic *d = find_diag(r, text, "name.courtesy-title", "Adeyemi");
  assert_non_null(d);
  assert_non_null(strstr(d->message, "'Mr. Adeyemi'"));
  assert_null(strstr(d->message, "'Mr Adeyemi'"));
  assert_true(strlen(d->message) <= 120);
  cd_report_free(r);
}

/* "President Obama" alone: AP style asks for the first name, and the message says the house may
 * choose otherwise; a vice president's finding is a person's. */
static void test_president_message_names_the_choice(void **state) {
  (void)state;
  const char *text = "Pipeline vote delayed\n\nPresident Obama said the review would wait. Vice President "
                     "Biden said the same.\n";
  cd_report *r = run(text, NULL);
  const cd_diagnostic *d = find_diag(r, text, "name.no-first-reference", "President Obama");
  assert_non_null(d);
  assert_non_null(strstr(d->message, "for this president"));
  assert_non_null(strstr(d->message, "house style names presidents by title and surname"));
  d = find_diag(r, text, "name.no-first-reference", "Vice President Biden");
  assert_non_null(d);
  assert_non_null(strstr(d->message, "for this person"));
  cd_report_free(r);
}

static void test_spelling_in_quotes_and_headline_silent(void **state) {
  (void)state;
  const char *text = "Wielgoszewksa wins vote\n\nKatarzyna Wielgoszewska won the vote. Wielgoszewska "
                     "thanked her party. \"Wielgoszewksa is wrong,\" the opposition leader Adam Nowicki said.\n";
  cd_report *r = run(text, NULL);
  assert_int_equal(count_code(r, "name."), 0);
  cd_report_free(r);
}

static void test_long_input_is_fast(void **state) {
  (void)state;
  /* many distinct names: linear passes, no pairwise scans */
  size_t cap = 1 << 20, len = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  len += (size_t)snprintf(buf, cap, "Headline\n\n");
  for (int i = 0; len + 200 < cap; i++)
    len += (size_t)snprintf(buf + len, cap - len, "Marta Kowal%cq%ci met Piotr Zaw%cd%cki in Ostr%cva. ",
                            'a' + i % 26, 'a' + (i / 26) % 26, 'a' + (i / 7) % 26, 'a' + (i / 3) % 26,
                            'a' + (i / 11) % 26);
  cd_report *r = cd_analyze(buf, len, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  cd_report_free(r);
  free(buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_keys),
      cmocka_unit_test(test_keys_typographic_apostrophes),
      cmocka_unit_test(test_edit_distance_band),
      cmocka_unit_test(test_near_miss),
      cmocka_unit_test(test_kept_near_index_equals_fresh),
      cmocka_unit_test(test_near_build_paths_agree),
      cmocka_unit_test(test_near_build_asked_agrees),
      cmocka_unit_test(test_near_variant_hashes),
      cmocka_unit_test(test_variant_fix_and_related),
      cmocka_unit_test(test_preferred_form),
      cmocka_unit_test(test_shared_surname_never_merges),
      cmocka_unit_test(test_made_keys_join_entities),
      cmocka_unit_test(test_mention_texts_as_written),
      cmocka_unit_test(test_courtesy_styles),
      cmocka_unit_test(test_courtesy_message_quotes_text),
      cmocka_unit_test(test_president_message_names_the_choice),
      cmocka_unit_test(test_spelling_in_quotes_and_headline_silent),
      cmocka_unit_test(test_long_input_is_fast),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
