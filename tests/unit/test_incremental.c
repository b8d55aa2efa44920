/* Incremental analysis (cd_analysis): after random edits to every fixture article, the report of
 * the handle that saw each earlier version equals a fresh cd_analyze of the same text, field by
 * field; unchanged paragraphs really are taken over; answers kept for a kept paragraph change with
 * what they read outside it; reports outlive the handle. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/analyzer.h"
#include "copydesk/record.h"
#include "incremental.h"
#include "report_equal.h"
#include "test_files.h"

typedef struct text {
  char *s;
  size_t len, cap;
} text;

static void text_set(text *t, const char *s, size_t n) {
  if (n + 1 > t->cap) {
    t->cap = 2 * (n + 1);
    t->s = realloc(t->s, t->cap);
    assert_non_null(t->s);
  }
  memcpy(t->s, s, n);
  t->len = n;
  t->s[n] = 0;
}

/* Replaces [at, at + del) with `ins`. */
static void text_edit(text *t, size_t at, size_t del, const char *ins, size_t n) {
  if (t->len + n + 1 > t->cap) {
    t->cap = 2 * (t->len + n + 1);
    t->s = realloc(t->s, t->cap);
    assert_non_null(t->s);
  }
  memmove(t->s + at + n, t->s + at + del, t->len - at - del);
  memcpy(t->s + at, ins, n);
  t->len = t->len - del + n;
  t->s[t->len] = 0;
}

/* A small deterministic generator: the same edits on every run and machine. */
static uint64_t rng_state;
static size_t rnd(size_t n) {
  rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
  return n ? (size_t)(rng_state >> 33) % n : 0;
}

/* What writers type: letters, capitals, spaces, line and paragraph breaks, quotation marks of
 * every family, attributions, Markdown structure. */
static const char *const SNIPPETS[] = {"x", "K", " ", "\n", "\n\n", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'",
                                       "\xE2\x80\x99", ".", ",", ", she said.", " Mr Hollis", "# ", "```\n",
                                       "\xC2\xAB", "According to officials, ", "Ms. ", "\xFF"};

/* One random edit: type a snippet, delete a few bytes, or move a stretch of the text. */
static void random_edit(text *t) {
  size_t at = rnd(t->len + 1);
  size_t kind = rnd(10);
  if (kind < 6 || t->len == 0) {
    const char *s = SNIPPETS[rnd(sizeof SNIPPETS / sizeof SNIPPETS[0])];
    text_edit(t, at, 0, s, strlen(s));
  } else if (kind < 9) {
    size_t del = 1 + rnd(6);
    if (at + del > t->len) del = t->len - at;
    text_edit(t, at, del, "", 0);
  } else { /* cut a stretch and paste it elsewhere */
    size_t n = rnd(200);
    if (at + n > t->len) n = t->len - at;
    char *cut = malloc(n + 1);
    memcpy(cut, t->s + at, n);
    text_edit(t, at, n, "", 0);
    text_edit(t, rnd(t->len + 1), 0, cut, n);
    free(cut);
  }
}

static void check_same(cd_analysis *a, const text *t, cd_format format, const cd_config *config, const char *what,
                       size_t step) {
  cd_report *inc = cd_analysis_update(a, t->s, t->len, format, config);
  cd_report *fresh = cd_analyze(t->s, t->len, format, config);
  assert_non_null(inc);
  assert_non_null(fresh);
  const char *diff = report_difference(inc, fresh);
  if (diff) fail_msg("%s, after edit %zu: the incremental report differs in %s", what, step, diff);
  cd_report_free(inc);
  cd_report_free(fresh);
}

typedef struct article {
  char *name;
  char *s;
  size_t len;
  cd_format format;
} article;

static size_t load_fixtures(article **out) {
  DIR *d = opendir(CD_SOURCE_DIR "/tests/fixtures");
  assert_non_null(d);
  size_t n = 0, cap = 0;
  article *v = NULL;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *dot = strrchr(e->d_name, '.');
    if (!dot || (strcmp(dot, ".txt") != 0 && strcmp(dot, ".md") != 0)) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/fixtures/%s", CD_SOURCE_DIR, e->d_name);
    if (n == cap) v = realloc(v, (cap = cap ? 2 * cap : 64) * sizeof *v);
    v[n].s = read_file(path, &v[n].len);
    if (!v[n].s) continue;
    v[n].name = strdup(e->d_name);
    v[n].format = cd_format_from_path(e->d_name);
    n++;
  }
  closedir(d);
  *out = v;
  return n;
}

static void free_fixtures(article *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(v[i].name);
    free(v[i].s);
  }
  free(v);
}

/* Every fixture, 40 random edits each, compared with a fresh analysis after every edit. */
static void test_random_edits_equal_fresh_analysis(void **state) {
  (void)state;
  article *v;
  size_t n = load_fixtures(&v);
  assert_true(n > 10);
  cd_config *config = cd_config_new();
  text t = {0};
  rng_state = 15;
  for (size_t i = 0; i < n; i++) {
    cd_analysis *a = cd_analysis_new();
    assert_non_null(a);
    /* every other article with the names pass on the handle's second thread, as a long one is */
    if (i % 2) cd_analysis_set_parallel_from(a, 0);
    text_set(&t, v[i].s, v[i].len);
    check_same(a, &t, v[i].format, config, v[i].name, 0);
    for (size_t step = 1; step <= 40; step++) {
      random_edit(&t);
      check_same(a, &t, v[i].format, config, v[i].name, step);
    }
    cd_analysis_free(a);
  }
  free(t.s);
  cd_config_free(config);
  free_fixtures(v, n);
}

/* A long article (all fixtures of one format end to end): edits far apart, and whole paragraphs
 * pasted from elsewhere, keep the report equal to a fresh one. */
static void test_long_article_edits(void **state) {
  (void)state;
  article *v;
  size_t n = load_fixtures(&v);
  text t = {0};
  for (size_t i = 0; i < n; i++) {
    if (v[i].format != CD_FORMAT_PLAINTEXT) continue;
    text_edit(&t, t.len, 0, v[i].s, v[i].len);
    text_edit(&t, t.len, 0, "\n\n", 2);
  }
  cd_analysis *a = cd_analysis_new();
  rng_state = 1515;
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "long article", 0);
  for (size_t step = 1; step <= 60; step++) {
    random_edit(&t);
    check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "long article", step);
  }
  cd_analysis_free(a);
  free(t.s);
  free_fixtures(v, n);
}

static const char ARTICLE[] =
    "Harbour council backs new footbridge\n"
    "\n"
    "Mayor Alice Brennan said on Tuesday the bridge would open by spring.\n"
    "\n"
    "\"The money is already in the budget,\" Brennan said.\n"
    "\n"
    "Critics say the cost will double. \"It is a vanity project,\" said Tom Reyes, a councillor.\n"
    "\n"
    "The vote is on Monday.\n";

static size_t paragraphs(const cd_report *r) {
  size_t n;
  cd_report_paragraphs(r, &n);
  return n;
}

/* One letter typed into the third paragraph: every other paragraph takes its old tables, and all
 * but the one before it (whose last name may read on into the edited one) its old mentions. */
static void test_untouched_paragraphs_are_reused(void **state) {
  (void)state;
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, ARTICLE, sizeof ARTICLE - 1);
  cd_report *r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(cd_incr_reused(a), 0); /* nothing to reuse the first time */
  size_t np = paragraphs(r);
  assert_int_equal(np, 5);
  cd_report_free(r);
  const char *at = strstr(t.s, "already");
  text_edit(&t, (size_t)(at - t.s), 0, "x", 1);
  r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(cd_incr_reused(a), np - 1);
  assert_int_equal(cd_incr_reused_mentions(a), np - 2);
  assert_int_equal(cd_incr_reused_pairings(a), np - 1);
  cd_report_free(r);
  /* a capitalised word typed mid-sentence in the second paragraph changes what "Critics" at a
   * sentence's start in the fourth may be: that one finds its mentions afresh too */
  at = strstr(t.s, "on Tuesday");
  text_edit(&t, (size_t)(at - t.s), 0, "Critics ", 8);
  r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(cd_incr_reused(a), np - 1);
  assert_int_equal(cd_incr_reused_mentions(a), np - 3);
  cd_report_free(r);
  at = strstr(t.s, "Critics on");
  text_edit(&t, (size_t)(at - t.s), 8, "", 0);
  r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  cd_report_free(r);
  /* a paragraph break typed inside a paragraph: the two halves are new, the rest is kept */
  at = strstr(t.s, " \"It is");
  text_edit(&t, (size_t)(at - t.s), 1, "\n\n", 2);
  r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(paragraphs(r), np + 1);
  assert_int_equal(cd_incr_reused(a), np - 1);
  cd_report_free(r);
  /* the same text again: all of it is kept */
  r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(cd_incr_reused(a), np + 1);
  assert_int_equal(cd_incr_reused_mentions(a), np + 1);
  cd_report_free(r);
  cd_analysis_free(a);
  free(t.s);
}

static const char RUN_ON[] =
    "Ferry strike enters second week\n"
    "\n"
    "\"We have waited long enough for an offer,\n"
    "\n"
    "\"and we will wait longer if we must,\" said Dana Osei, who leads the crews' union.\n"
    "\n"
    "The operator said talks would resume on Friday.\n";

/* Analyses t with the handle and afresh: the same report. */
static void same_as_fresh(cd_analysis *a, const text *t, const char *what) {
  check_same(a, t, CD_FORMAT_PLAINTEXT, NULL, what, 0);
}

/* Quote pairing is kept per paragraph, but a paragraph is paired again when what it read outside
 * itself changes: whether the next paragraph opens with a quotation mark (a quote runs on into it
 * or is unclosed), and whether a quote of the paragraph before runs on into it. */
static void test_pairing_kept_while_neighbours_read_the_same(void **state) {
  (void)state;
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, RUN_ON, sizeof RUN_ON - 1);
  same_as_fresh(a, &t, "run-on quote");
  size_t np = 4;
  assert_int_equal(cd_incr_reused_pairings(a), 0);
  /* a letter in the last paragraph: the others are paired as before, the run-on quote with them */
  const char *at = strstr(t.s, "resume");
  text_edit(&t, (size_t)(at - t.s), 0, "x", 1);
  same_as_fresh(a, &t, "letter after the quote");
  assert_int_equal(cd_incr_reused(a), np - 1);
  assert_int_equal(cd_incr_reused_pairings(a), np - 1);
  /* the second paragraph's opening mark deleted: it is new, and the first, whose bytes are as they
   * were, no longer runs on (its quote is unclosed), so it is paired again too */
  at = strstr(t.s, "\"and we");
  text_edit(&t, (size_t)(at - t.s), 1, "", 0);
  same_as_fresh(a, &t, "opening mark deleted");
  size_t n;
  cd_report *r = cd_analysis_update(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  bool unclosed = false;
  for (size_t i = 0; i < n; i++) unclosed |= strcmp(d[i].code, "quote.unclosed") == 0;
  assert_true(unclosed);
  cd_report_free(r);
  text_edit(&t, (size_t)(strstr(t.s, "and we") - t.s), 0, "\"", 1);
  same_as_fresh(a, &t, "opening mark typed again");
  assert_int_equal(cd_incr_reused(a), np - 1);
  assert_int_equal(cd_incr_reused_pairings(a), np - 2);
  /* the first paragraph's opening mark deleted: the second, unchanged, no longer continues a quote */
  at = strstr(t.s, "\"We have");
  text_edit(&t, (size_t)(at - t.s), 1, "", 0);
  same_as_fresh(a, &t, "first opening mark deleted");
  assert_int_equal(cd_incr_reused(a), np - 1);
  assert_int_equal(cd_incr_reused_pairings(a), np - 2);
  cd_analysis_free(a);
  free(t.s);
}

/* A title ending one paragraph opens no name in the next ("Secretary" / "of State Mara Okafor"):
 * the mentions pass's chains stay inside a paragraph, so a paragraph that takes its old mentions
 * never holds one that the next paragraph, found afresh, makes again (an entity listed the same
 * mention twice after an edit further on). */
static void test_title_ending_a_paragraph_opens_no_name_in_the_next(void **state) {
  (void)state;
  static const char TEXT[] = "Ferry talks\n\nSecretary\n\n of State Mara T. Okafor said the talks would resume.\n\n"
                             "Mayor Tomasz Halberg opened the library.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, TEXT, sizeof TEXT - 1);
  same_as_fresh(a, &t, "title ending a paragraph");
  cd_report *r = cd_analyze(t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  size_t ne, np;
  const cd_entity *e = cd_report_entities(r, &ne);
  const cd_span *paras = cd_report_paragraphs(r, &np);
  for (size_t i = 0; i < ne; i++)
    for (size_t m = 0; m < e[i].n_mentions; m++)
      for (size_t p = 0; p < np; p++) {
        cd_span s = e[i].mentions[m].span;
        if (s.start >= paras[p].start && s.start < paras[p].end) assert_true(s.end <= paras[p].end);
      }
  cd_report_free(r);
  const char *at = strstr(t.s, "opened");
  text_edit(&t, (size_t)(at - t.s), 0, "x", 1);
  same_as_fresh(a, &t, "letter typed after the title");
  cd_analysis_free(a);
  free(t.s);
}

/* "Harold and Betty Kowalczyk" makes Harold a person of Betty's surname; "Harold or Betty" does
 * not, though every mention stays as it was: the kept clustering must not outlive the word between
 * them (a clustering with a couple in either version is never kept). */
static void test_couple_join_follows_the_word_between(void **state) {
  (void)state;
  static const char TEXT[] = "Hardware store closes\n\n"
                             "Harold and Betty Kowalczyk opened the store in 1958. Mr. Kowalczyk ran the counter.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, TEXT, sizeof TEXT - 1);
  same_as_fresh(a, &t, "a couple");
  const char *at = strstr(t.s, " and ");
  text_edit(&t, (size_t)(at - t.s) + 1, 3, "or", 2);
  same_as_fresh(a, &t, "\"and\" made \"or\"");
  at = strstr(t.s, " or ");
  text_edit(&t, (size_t)(at - t.s) + 1, 2, "and", 3);
  same_as_fresh(a, &t, "\"and\" again");
  cd_analysis_free(a);
  free(t.s);
}

/* The entities of a version whose mentions all stay as they were are the previous version's: a
 * letter typed outside every name keeps them, one typed inside a name or a changed list of configured
 * names does not; either way the report equals a fresh one. */
static void test_entities_kept_while_mentions_stay(void **state) {
  (void)state;
  cd_analysis *a = cd_analysis_new();
  cd_config *config = cd_config_new();
  text t = {0};
  text_set(&t, ARTICLE, sizeof ARTICLE - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 0);
  assert_false(cd_incr_entities_taken(a)); /* nothing to take the first time */
  const char *at = strstr(t.s, "already");
  text_edit(&t, (size_t)(at - t.s), 0, "x", 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 1);
  assert_true(cd_incr_entities_taken(a));
  /* a letter inside a surname: that mention is another, and so may be its entity */
  at = strstr(t.s, "Reyes");
  text_edit(&t, (size_t)(at - t.s) + 2, 0, "x", 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 2);
  assert_false(cd_incr_entities_taken(a));
  /* taken out again: the mentions are not the previous version's (they are the one before's) */
  text_edit(&t, (size_t)(at - t.s) + 2, 1, "", 0);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 3);
  assert_false(cd_incr_entities_taken(a));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 4);
  assert_true(cd_incr_entities_taken(a));
  /* a configured name joins "Brennan" and "Reyes": the same text, other entities */
  const char *forms[] = {"Tom Reyes", "Reyes"};
  assert_true(cd_config_add_name(config, "Alice Brennan", forms, 2));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 5);
  assert_false(cd_incr_entities_taken(a));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 6);
  assert_true(cd_incr_entities_taken(a));
  /* a mention that moves into a quotation keeps its bytes, but not its place */
  at = strstr(t.s, "said Tom");
  text_edit(&t, (size_t)(at - t.s), 0, "\"", 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "entities", 7);
  assert_false(cd_incr_entities_taken(a));
  cd_config_free(config);
  cd_analysis_free(a);
  free(t.s);
}

/* "Eleanor Varga, whom everyone in Castelle calls Nell": Nell is Varga, past the place in the
 * clause, when the three are in one sentence. "Eleanor Varga. It is she whom ..." changes no
 * mention, but puts Varga in the sentence before: the kept clustering must not hold then, nor when
 * the comma comes back. */
static void test_entities_follow_the_sentences_between_names(void **state) {
  (void)state;
  static const char TEXT[] = "Harbour festival returns\n\n"
                             "Eleanor Varga, whom everyone in Castelle calls Nell, opened the festival on Friday. "
                             "She has run it for nine years.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, TEXT, sizeof TEXT - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "one sentence", 0);
  size_t at = (size_t)(strstr(t.s, ", whom") - t.s);
  static const char STOP[] = ". It is she";
  text_edit(&t, at, 1, STOP, sizeof STOP - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "a sentence between the names", 1);
  assert_false(cd_incr_entities_taken(a));
  text_edit(&t, at, sizeof STOP - 1, ",", 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "one sentence again", 2);
  assert_false(cd_incr_entities_taken(a));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "unchanged", 3);
  assert_true(cd_incr_entities_taken(a));
  cd_analysis_free(a);
  free(t.s);
}

static size_t mentions_in(const cd_report *r) {
  size_t ne, n = 0;
  const cd_entity *e = cd_report_entities(r, &ne);
  for (size_t i = 0; i < ne; i++) n += e[i].n_mentions;
  return n;
}

/* Analyses t through the handle and afresh; the two reports must be equal. Returns how many
 * mentions the report's entities have. */
static size_t mentions_after(cd_analysis *a, const text *t, const char *what, size_t step) {
  check_same(a, t, CD_FORMAT_PLAINTEXT, NULL, what, step);
  cd_report *r = cd_analyze(t->s, t->len, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(r);
  size_t n = mentions_in(r);
  cd_report_free(r);
  return n;
}

/* A common word capitalised mid-sentence ("met the Critics") makes the same word a name at a
 * sentence's start ("Critics say"). The handle counts such words across versions: the word stays
 * while one use of it is left, and when the last goes, the paragraph that starts with it finds its
 * mentions afresh. Words typed and deleted again, many of them, leave the counts right. */
static void test_capitalised_words_counted(void **state) {
  (void)state;
  static const char TEXT[] = "Harbour council backs new footbridge\n\n"
                             "Mayor Alice Brennan met the Critics on Tuesday.\n\n"
                             "Critics say the cost will double.\n\n"
                             "The vote is on Monday.\n\n"
                             "Officials met the Critics again.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, TEXT, sizeof TEXT - 1);
  size_t m0 = mentions_after(a, &t, "critics", 0);
  /* one use of two deleted: "Critics say" stays a name, and its paragraph keeps its mentions */
  const char *at = strstr(t.s, "Critics on");
  text_edit(&t, (size_t)(at - t.s), 8, "", 0);
  assert_int_equal(mentions_after(a, &t, "critics", 1), m0 - 1);
  assert_int_equal(cd_incr_reused_mentions(a), 3);
  /* the last use deleted: "Critics say" is a common word again, read afresh */
  at = strstr(t.s, "Critics again");
  text_edit(&t, (size_t)(at - t.s), 8, "", 0);
  assert_int_equal(mentions_after(a, &t, "critics", 2), m0 - 3);
  assert_int_equal(cd_incr_reused_mentions(a), 2);
  /* and typed again */
  at = strstr(t.s, "the again");
  text_edit(&t, (size_t)(at - t.s) + 4, 0, "Critics ", 8);
  assert_int_equal(mentions_after(a, &t, "critics", 3), m0 - 1);
  assert_int_equal(cd_incr_reused_mentions(a), 2);
  /* many capitalised words typed and deleted one after another */
  for (size_t k = 0; k < 300; k++) {
    char word[8] = {'Q', (char)('a' + k % 26), (char)('a' + k / 26 % 26), ' ', 0};
    at = strstr(t.s, "on Monday");
    size_t where = (size_t)(at - t.s);
    text_edit(&t, where, 0, word, 4);
    assert_int_equal(mentions_after(a, &t, "typed words", 4 + 2 * k), m0);
    text_edit(&t, where, 4, "", 0);
    assert_int_equal(mentions_after(a, &t, "typed words", 5 + 2 * k), m0 - 1);
  }
  at = strstr(t.s, "Critics again");
  text_edit(&t, (size_t)(at - t.s), 8, "", 0);
  assert_int_equal(mentions_after(a, &t, "critics", 1000), m0 - 3);
  cd_analysis_free(a);
  free(t.s);
}

/* Between versions the format and the configuration change what is prose: a paragraph whose
 * prose bytes differ is analysed afresh, and the reports still equal fresh ones. */
static void test_format_and_configuration_changes(void **state) {
  (void)state;
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, ARTICLE, sizeof ARTICLE - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "plain text", 0);
  check_same(a, &t, CD_FORMAT_MARKDOWN, NULL, "as Markdown", 0);
  cd_config *config = cd_config_new();
  char err[128];
  assert_true(cd_config_add_ignore_pattern(config, "Brennan", err, sizeof err));
  check_same(a, &t, CD_FORMAT_MARKDOWN, config, "with an ignore pattern", 0);
  check_same(a, &t, CD_FORMAT_MARKDOWN, NULL, "without it again", 0);
  text_set(&t, "", 0);
  check_same(a, &t, CD_FORMAT_MARKDOWN, NULL, "emptied", 0);
  text_set(&t, ARTICLE, sizeof ARTICLE - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "refilled", 0);
  cd_config_free(config);
  cd_analysis_free(a);
  free(t.s);
}

/* A verb of saying added to the settings changes which capitalised words start a name ("Smiled
 * Brennan" is a name until "smiled" is a verb of saying): the paragraphs the text leaves alone do not
 * keep the mentions the earlier settings found. */
static void test_speech_verb_setting_changes_mentions(void **state) {
  (void)state;
  static const char TEXT[] = "Council vote\n\nThe council met on Tuesday.\n\nSmiled Brennan and Hale left.\n\n"
                             "Brennan has led the council since March.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, TEXT, sizeof TEXT - 1);
  cd_config *config = cd_config_new();
  assert_true(cd_config_add_speech_verb(config, "smiled"));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "default settings", 0);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "with the verb", 0);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "without it again", 0);
  cd_config_free(config);
  cd_analysis_free(a);
  free(t.s);
}

static const char *first_speaker(const cd_report *r) {
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  return n ? q[0].speaker : NULL;
}

/* Whether a fresh analysis of the text gives its first quote a speaker. */
static bool fresh_has_speaker(const text *t, const cd_config *config) {
  cd_report *r = cd_analyze(t->s, t->len, CD_FORMAT_PLAINTEXT, config);
  assert_non_null(r);
  bool has = first_speaker(r) != NULL;
  cd_report_free(r);
  return has;
}

/* The attribution pass keeps its answers about the words of an unchanged paragraph (a verb of
 * saying? a phrase of saying?). An answer that reads the next paragraph's first word ("shot" and
 * "back" on either side of a paragraph break make a phrase of saying) or the configured verbs
 * ("smiled") must follow them: the quote's speaker comes and goes with them. */
static void test_kept_attribution_answers_follow_what_they_read(void **state) {
  (void)state;
  static const char SHOT[] = "Harbour council backs new footbridge\n\n"
                             "\"The bridge is late and the budget is gone,\" Mayor Alice Brennan shot\n\n"
                             "back at the critics on Tuesday.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, SHOT, sizeof SHOT - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "shot back", 0);
  cd_report *r = cd_analyze(t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_non_null(first_speaker(r));
  assert_string_equal(first_speaker(r), "Alice Brennan");
  cd_report_free(r);
  char *at = strstr(t.s, "back at");
  text_edit(&t, (size_t)(at - t.s), 4, "down", 4);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "shot down", 1);
  assert_int_equal(cd_incr_reused(a), 2); /* the headline and the quote's paragraph are kept */
  assert_false(fresh_has_speaker(&t, NULL));
  at = strstr(t.s, "down at");
  text_edit(&t, (size_t)(at - t.s), 4, "back", 4);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "shot back again", 2);

  static const char SMILED[] = "Harbour council backs new footbridge\n\n"
                               "\"The bridge is late and the budget is gone,\" Mayor Alice Brennan smiled on Tuesday.\n\n"
                               "The vote is on Monday.\n";
  cd_config *config = cd_config_new();
  assert_true(cd_config_add_speech_verb(config, "smiled"));
  text_set(&t, SMILED, sizeof SMILED - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "smiled, no verb", 0);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, config, "smiled, a verb", 0);
  assert_int_equal(cd_incr_reused(a), 3);
  assert_true(fresh_has_speaker(&t, config));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "smiled, no verb again", 0);
  assert_false(fresh_has_speaker(&t, NULL));
  cd_config_free(config);
  cd_analysis_free(a);
  free(t.s);
}

static size_t count_code(const cd_report *r, const char *code) {
  size_t n, k = 0;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  for (size_t i = 0; i < n; i++) k += strcmp(d[i].code, code) == 0;
  return k;
}

/* The claims pass keeps, for an unchanged paragraph, where no phrase can match whole. Where one
 * matched but its context turned it down ("the officials said" is a claim only after unnamed
 * officials), the answer must not be kept: an edit to the paragraph before brings the claim. */
/* Analyses `body` through a handle, then the text with its first `find` replaced by `repl`: both
 * versions equal a fresh analysis, and `reused` paragraphs of the second were kept. Returns a fresh
 * analysis of the edited text (the caller frees it). */
static cd_report *edit_kept(const char *body, const char *find, const char *repl, const char *what, size_t reused) {
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, body, strlen(body));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, what, 0);
  const char *at = strstr(t.s, find);
  assert_non_null(at);
  text_edit(&t, (size_t)(at - t.s), strlen(find), repl, strlen(repl));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, what, 1);
  assert_int_equal(cd_incr_reused(a), reused);
  cd_report *r = cd_analyze(t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  cd_analysis_free(a);
  free(t.s);
  return r;
}

static void test_kept_claim_answers_follow_the_text_before(void **state) {
  (void)state;
  static const char TEXT[] = "Harbour council backs new footbridge\n\n"
                             "The council met on Tuesday.\n\n"
                             "The vote was close, and the officials said the data were sound.\n";
  cd_report *r = cd_analyze(TEXT, sizeof TEXT - 1, CD_FORMAT_PLAINTEXT, NULL);
  assert_int_equal(count_code(r, "claim.anonymous-source"), 0);
  cd_report_free(r);
  /* the headline and the last paragraph are kept */
  r = edit_kept(TEXT, "The council met on Tuesday.", "Officials said the road would reopen.", "officials before", 2);
  assert_int_equal(count_code(r, "claim.anonymous-source"), 2);
  cd_report_free(r);
}

/* A kept paragraph's claims come from the previous version's branch ends at each token (but its
 * first), put to the context checks again in the same order: "according to critics" reaches the
 * ends of five rows, and the first (critics) is the claim; "according to officials" the last. The
 * edit elsewhere must leave them as they were. */
static void test_kept_claim_ends_in_order(void **state) {
  (void)state;
  static const char TEXT[] = "Harbour council backs new footbridge\n\n"
                             "The council met on Tuesday.\n\n"
                             "The bridge, according to critics, will cost twice as much.\n\n"
                             "It will open in May, according to officials.\n";
  /* the headline and the two claims' paragraphs are kept */
  cd_report *r = edit_kept(TEXT, "Tuesday", "Monday", "according to", 3);
  assert_int_equal(count_code(r, "claim.unattributed"), 1);
  assert_int_equal(count_code(r, "claim.anonymous-source"), 1);
  cd_report_free(r);
}

/* A kept answer says whether a one-word row reads the token, so it holds only for the rows of the
 * configuration it was found with. Switching off "critics say" or "scientists believe" leaves the
 * alternation the same (neither has a branch in it, and they sit side by side), but not the words:
 * with "critics say" back on, "experts" in a kept paragraph is a claim again. */
static void test_kept_claim_answers_follow_the_word_rows(void **state) {
  (void)state;
  static const char TEXT[] = "Harbour council backs new footbridge\n\n"
                             "The council met on Tuesday.\n\n"
                             "The vote was close. Experts say the bridge will cost twice as much.\n";
  cd_config *no_critics = cd_config_new(), *no_scientists = cd_config_new();
  assert_true(cd_config_disable_claim_phrase(no_critics, "critics say"));
  assert_true(cd_config_disable_claim_phrase(no_scientists, "scientists believe"));
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, TEXT, sizeof TEXT - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, no_critics, "no critics", 0);
  cd_report *r = cd_analyze(t.s, t.len, CD_FORMAT_PLAINTEXT, no_critics);
  assert_int_equal(count_code(r, "claim.unattributed"), 0);
  cd_report_free(r);
  const char *at = strstr(t.s, "Tuesday");
  text_edit(&t, (size_t)(at - t.s), strlen("Tuesday"), "Monday", strlen("Monday"));
  check_same(a, &t, CD_FORMAT_PLAINTEXT, no_scientists, "critics", 1);
  assert_int_equal(cd_incr_reused(a), 2); /* the headline and the claim's paragraph are kept */
  r = cd_analyze(t.s, t.len, CD_FORMAT_PLAINTEXT, no_scientists);
  assert_int_equal(count_code(r, "claim.unattributed"), 1);
  cd_report_free(r);
  cd_analysis_free(a);
  cd_config_free(no_critics);
  cd_config_free(no_scientists);
  free(t.s);
}

/* A paragraph of invented copy, repeated to make a document long enough that the handle keeps its
 * name keys (a short note keeps none). */
static const char FILLER[] = "The ferry timetable is posted at the harbour office, and the dock opens at six. ";
static void add_filler(text *t, size_t at, size_t times) {
  for (size_t i = 0; i < times; i++) text_edit(t, at, 0, FILLER, sizeof FILLER - 1);
}

/* A note shorter than 4 KB keeps no name keys between versions (they would hold more than its
 * text); a document that grows past it starts keeping them, and drops them when it shrinks again,
 * every report equal to a fresh one. */
static void test_name_keys_kept_for_long_documents_only(void **state) {
  (void)state;
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, ARTICLE, sizeof ARTICLE - 1);
  check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "a short note", 0);
  assert_int_equal(cd_incr_name_keys_held(a), 0);
  for (int round = 0; round < 2; round++) {
    size_t at = t.len;
    add_filler(&t, at, 60);
    text_edit(&t, t.len, 0, "Councillor Mirela Quill agreed.\n", 32);
    check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "grown past 4 KB", 1);
    assert_true(cd_incr_name_keys_held(a) > 0);
    text_edit(&t, 10, 0, "x", 1);
    check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "a keystroke on it", 2);
    assert_true(cd_incr_name_keys_held(a) > 0);
    text_edit(&t, at + 1, t.len - at - 1, "", 0);
    check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "short again", 3);
    assert_int_equal(cd_incr_name_keys_held(a), 0);
  }
  cd_analysis_free(a);
  free(t.s);
}

/* The handle keeps its name keys from version to version (namekey_kept.h). A name retyped with a
 * new spelling on every version (a new key each time) leaves the table bounded, as it starts over,
 * and every report, before and after it starts over, equals a fresh one; the names are ASCII, not
 * ASCII, and longer than a folded key's buffer; one of them is a renamed place. */
static void test_kept_name_keys_stay_bounded(void **state) {
  (void)state;
  static const char HEAD[] = "Harbour council backs new footbridge\n\n"
                             "President Recep Tayyip Erdo\xC4\x9F" "an met Mayor Alice Brennan in Ankara.\n\n"
                             "\"The money is already in the budget,\" Brennan said. Erdogan agreed.\n\n"
                             "Brennan flew from Bombay on Monday. She reached Mumbai at noon.\n\n"
                             "Councillor ";
  static const char TAIL[] = " Quill spoke for the U.S. Chamber Of Commerce And Industry Of The Western Harbour "
                             "Districts Association Of Ferry Operators And Dock Workers Incorporated, the US body.\n";
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  size_t most = 0;
  for (size_t step = 0; step < 1600; step++) {
    char name[8] = "Z";
    size_t n = 1;
    for (size_t x = step; n < 4; x /= 26) name[n++] = (char)('a' + x % 26);
    text_set(&t, HEAD, sizeof HEAD - 1);
    text_edit(&t, t.len, 0, name, n);
    text_edit(&t, t.len, 0, TAIL, sizeof TAIL - 1);
    add_filler(&t, t.len, 52); /* past 4 KB: the keys are kept */
    check_same(a, &t, CD_FORMAT_PLAINTEXT, NULL, "a name retyped", step);
    size_t held = cd_incr_name_keys_held(a);
    if (held > most) most = held;
    assert_true(held <= 1100);
  }
  assert_true(most > 1000); /* the keys were kept until the table started over */
  /* what the handle remembers about a key ("mumbai": a place's current name) held throughout */
  cd_report *r = cd_analyze(t.s, t.len, CD_FORMAT_PLAINTEXT, NULL);
  assert_true(count_code(r, "name.variant") >= 2); /* "Erdoğan" and "Erdogan", "Bombay" and "Mumbai" */
  size_t nd;
  const cd_diagnostic *d = cd_report_diagnostics(r, &nd);
  bool renamed = false;
  for (size_t i = 0; i < nd; i++) renamed |= strstr(d[i].message, "current name of Bombay") != NULL;
  assert_true(renamed);
  cd_report_free(r);
  cd_analysis_free(a);
  free(t.s);
}

/* Reports belong to the caller: they stay readable after later updates and after the handle is
 * freed (ASan and valgrind check the reads). */
static void test_reports_outlive_the_handle(void **state) {
  (void)state;
  cd_analysis *a = cd_analysis_new();
  cd_report *first = cd_analysis_update(a, ARTICLE, sizeof ARTICLE - 1, CD_FORMAT_PLAINTEXT, NULL);
  cd_report *second = cd_analysis_update(a, ARTICLE, sizeof ARTICLE - 1, CD_FORMAT_PLAINTEXT, NULL);
  cd_analysis_free(a);
  cd_report *fresh = cd_analyze(ARTICLE, sizeof ARTICLE - 1, CD_FORMAT_PLAINTEXT, NULL);
  assert_null(report_difference(first, fresh));
  assert_null(report_difference(second, fresh));
  size_t nq;
  cd_report_quotes(second, &nq);
  assert_int_equal(nq, 2);
  cd_report_free(first);
  cd_report_free(second);
  cd_report_free(fresh);
  cd_analysis_free(NULL);
}

/* With the record: the same comparison, record matches included, as the quotes change. */
static void test_record_matches_equal_fresh_analysis(void **state) {
  (void)state;
  static const char TRANSCRIPT[] = "BRENNAN: The money is already in the budget, and the bridge opens in spring.\n"
                                   "REYES: It is a vanity project.\n";
  cd_record_source *src = cd_record_source_new("council.txt", TRANSCRIPT, sizeof TRANSCRIPT - 1);
  assert_non_null(src);
  const cd_record_source *sources[] = {src};
  cd_analysis *a = cd_analysis_new();
  text t = {0};
  text_set(&t, ARTICLE, sizeof ARTICLE - 1);
  rng_state = 7;
  for (size_t step = 0; step <= 30; step++) {
    if (step) random_edit(&t);
    cd_report *inc = cd_analysis_update_with_record(a, t.s, t.len, CD_FORMAT_PLAINTEXT, NULL, sources, 1);
    cd_report *fresh = cd_analyze_with_record(t.s, t.len, CD_FORMAT_PLAINTEXT, NULL, sources, 1);
    const char *diff = report_difference(inc, fresh);
    if (diff) fail_msg("with the record, after edit %zu: the incremental report differs in %s", step, diff);
    size_t ni, nf;
    const cd_record_match *mi = cd_report_record_matches(inc, &ni), *mf = cd_report_record_matches(fresh, &nf);
    assert_int_equal(ni, nf);
    if (step == 0) assert_true(ni > 0); /* the quote is found in the record */
    for (size_t i = 0; i < ni; i++) {
      assert_int_equal(mi[i].quote, mf[i].quote);
      assert_true(span_same(mi[i].passage, mf[i].passage));
      assert_int_equal(mi[i].exact, mf[i].exact);
    }
    cd_report_free(inc);
    cd_report_free(fresh);
  }
  cd_analysis_free(a);
  cd_record_source_free(src);
  free(t.s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_random_edits_equal_fresh_analysis),
      cmocka_unit_test(test_kept_name_keys_stay_bounded),
      cmocka_unit_test(test_name_keys_kept_for_long_documents_only),
      cmocka_unit_test(test_long_article_edits),
      cmocka_unit_test(test_untouched_paragraphs_are_reused),
      cmocka_unit_test(test_pairing_kept_while_neighbours_read_the_same),
      cmocka_unit_test(test_title_ending_a_paragraph_opens_no_name_in_the_next),
      cmocka_unit_test(test_entities_kept_while_mentions_stay),
      cmocka_unit_test(test_couple_join_follows_the_word_between),
      cmocka_unit_test(test_entities_follow_the_sentences_between_names),
      cmocka_unit_test(test_capitalised_words_counted),
      cmocka_unit_test(test_format_and_configuration_changes),
      cmocka_unit_test(test_speech_verb_setting_changes_mentions),
      cmocka_unit_test(test_kept_attribution_answers_follow_what_they_read),
      cmocka_unit_test(test_kept_claim_answers_follow_the_text_before),
      cmocka_unit_test(test_kept_claim_ends_in_order),
      cmocka_unit_test(test_kept_claim_answers_follow_the_word_rows),
      cmocka_unit_test(test_reports_outlive_the_handle),
      cmocka_unit_test(test_record_matches_equal_fresh_analysis),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
