/* The text model: what is prose in Markdown, headlines, paragraphs, sentence splitting and
 * apostrophes. Reads the report's internal tables (doc.h) for sentences, tokens and the prose mask, which
 * cd_doc_analyze_keep_tables keeps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/analyzer.h"
#include "test_report.h"
#include "doc.h"

static cd_report *analyze(const char *text, cd_format format) {
  cd_report *r = cd_doc_analyze_keep_tables(text, strlen(text), format, NULL);
  assert_non_null(r);
  return r;
}

static size_t offset_of(const char *text, const char *needle) {
  const char *p = strstr(text, needle);
  if (!p) fail_msg("test text lacks \"%s\"", needle);
  return (size_t)(p - text);
}

/* The inner text of every quote, in order, joined by "|". */
static void quote_texts(const cd_report *r, const char *text, char *out, size_t size) {
  size_t n, k = 0;
  const cd_quote *q = cd_report_quotes(r, &n);
  out[0] = 0;
  for (size_t i = 0; i < n; i++) {
    int w = snprintf(out + k, size - k, "%s%.*s", i ? "|" : "", (int)(q[i].inner.end - q[i].inner.start),
                     text + q[i].inner.start);
    assert_true(w >= 0 && (size_t)w < size - k);
    k += (size_t)w;
  }
}

static void assert_quotes(const cd_report *r, const char *text, const char *expected) {
  char got[4096];
  quote_texts(r, text, got, sizeof got);
  assert_string_equal(got, expected);
}

static bool has_entity(const cd_report *r, const char *name) {
  size_t n;
  const cd_entity *e = cd_report_entities(r, &n);
  for (size_t i = 0; i < n; i++)
    if (strcmp(e[i].name, name) == 0) return true;
  for (size_t i = 0; i < n; i++)
    for (size_t m = 0; m < e[i].n_mentions; m++)
      if (strstr(e[i].mentions[m].text, name)) return true;
  return false;
}

/* Every byte of `needle` (first occurrence) is outside prose. */
static void assert_not_prose(const cd_report *r, const char *text, const char *needle) {
  size_t start = offset_of(text, needle), end = start + strlen(needle);
  for (size_t i = start; i < end; i++)
    if (r->prose[i]) fail_msg("byte %zu of \"%s\" is taken as prose", i - start, needle);
}

static void assert_prose(const cd_report *r, const char *text, const char *needle) {
  size_t start = offset_of(text, needle), end = start + strlen(needle);
  for (size_t i = start; i < end; i++)
    if (!r->prose[i]) fail_msg("byte %zu of \"%s\" is not taken as prose", i - start, needle);
}

/* ---- Markdown: what is not prose ---- */

static const char MD_REGIONS[] =
    "---\n"
    "title: \"Front matter quote\" said Alan Frontmatter\n"
    "tags: [reportedly]\n"
    "---\n"
    "\n"
    "# Council \"saves\" the pier\n"
    "\n"
    "First paragraph, with `\"inline code quote,\" said Cody Inline` and nothing else. Critics say it is late.\n"
    "\n"
    "```\n"
    "\"Fenced code quote,\" said Fenn Coder. Reportedly fenced.\n"
    "```\n"
    "\n"
    "    \"Indented code quote,\" said Indy Dent.\n"
    "\n"
    "<!-- \"Comment quote,\" said Hugh Comment. reportedly -->\n"
    "\n"
    "A link to [the report](https://example.com/\"dest-quote\" \"Link title quote\") and "
    "<https://example.com/'auto'> and <span class=\"x\">inline html</span> here.\n"
    "\n"
    "\"Prose quote,\" said Paula Prose.\n"
    "\n"
    "~~~python\n"
    "print(\"tilde fenced\") # reportedly\n"
    "~~~\n";

static void test_markdown_non_prose(void **state) {
  (void)state;
  const char *t = MD_REGIONS;
  cd_report *r = analyze(t, CD_FORMAT_MARKDOWN);
  assert_quotes(r, t, "saves|Prose quote,");
  const cd_quote *q = cd_report_quotes(r, &(size_t){0});
  assert_true(q[0].headline);
  assert_string_equal(q[1].speaker, "Paula Prose");
  assert_false(q[1].headline);

  assert_not_prose(r, t, "title: \"Front matter quote\" said Alan Frontmatter");
  assert_not_prose(r, t, "\"inline code quote,\" said Cody Inline");
  assert_not_prose(r, t, "\"Fenced code quote,\" said Fenn Coder. Reportedly fenced.");
  assert_not_prose(r, t, "\"Indented code quote,\" said Indy Dent.");
  assert_not_prose(r, t, "\"Comment quote,\" said Hugh Comment. reportedly");
  assert_not_prose(r, t, "https://example.com/\"dest-quote\"");
  assert_not_prose(r, t, "https://example.com/'auto'");
  assert_not_prose(r, t, "class=\"x\"");
  assert_not_prose(r, t, "print(\"tilde fenced\") # reportedly");
  assert_prose(r, t, "and nothing else");
  assert_prose(r, t, "the report");
  assert_prose(r, t, "inline html");
  assert_prose(r, t, "Prose quote");

  /* Only the prose claim is reported; no names come from code, comments or front matter. */
  assert_int_equal(count_code(r, "claim.unattributed"), 1);
  assert_int_equal(count_code(r, "quote.unclosed"), 0);
  assert_int_equal(count_code(r, "quote.unattributed"), 0);
  assert_true(has_entity(r, "Paula Prose"));
  static const char *const hidden[] = {"Frontmatter", "Cody", "Fenn", "Indy", "Hugh"};
  for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
    if (has_entity(r, hidden[i])) fail_msg("a name from a non-prose region was found: %s", hidden[i]);

  /* Paragraphs are prose only: the headline, the first paragraph, the link line, the quote. */
  size_t np;
  const cd_span *p = cd_report_paragraphs(r, &np);
  assert_int_equal(np, 4);
  assert_int_equal(p[0].start, offset_of(t, "Council"));
  assert_int_equal(p[3].start, offset_of(t, "\"Prose quote"));
  cd_report_free(r);
}

/* The same bytes as plain text: everything is prose (no Markdown rules apply). */
static void test_plaintext_is_all_prose(void **state) {
  (void)state;
  const char *t = "Harbour news\n\n`\"Code-looking quote,\" said Cody Inline.`\n\n<!-- \"Comment,\" Hugh Comment said. -->\n";
  cd_report *r = analyze(t, CD_FORMAT_PLAINTEXT);
  assert_quotes(r, t, "Code-looking quote,|Comment,");
  cd_report_free(r);
}

/* ---- headlines ---- */

static void test_markdown_headings(void **state) {
  (void)state;
  const char *t = "---\nlayout: post\n---\n\n"
                  "# \"No surrender,\" says mayor\n\n"
                  "The mayor of Eastfield spoke on Monday.\n\n"
                  "## Why the \"pier tax\" failed\n\n"
                  "Setext \"heading\" here\n---------------------\n\n"
                  "\"It failed,\" said Ana Ruiz.\n";
  cd_report *r = analyze(t, CD_FORMAT_MARKDOWN);
  cd_span h = cd_report_headline(r);
  assert_int_equal(h.start, offset_of(t, "\"No surrender"));
  assert_int_equal(h.end, offset_of(t, "\n\nThe mayor"));
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_quotes(r, t, "No surrender,|pier tax|heading|It failed,");
  assert_true(q[0].headline);
  assert_true(q[1].headline);
  assert_true(q[2].headline);
  assert_false(q[3].headline);
  /* A quote in a headline is never reported as unattributed. */
  assert_int_equal(count_code(r, "quote.unattributed"), 0);
  cd_report_free(r);
}

static void test_plaintext_first_line(void **state) {
  (void)state;
  const char *t = "\n\n  Mayor \"will not resign\"\nEastfield, Monday\n\n\"I am staying,\" said Ana Ruiz.\n";
  cd_report *r = analyze(t, CD_FORMAT_PLAINTEXT);
  cd_span h = cd_report_headline(r);
  assert_int_equal(h.start, offset_of(t, "Mayor"));
  assert_int_equal(h.end, offset_of(t, "\nEastfield"));
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_int_equal(n, 2);
  assert_true(q[0].headline);
  assert_false(q[1].headline);
  assert_string_equal(q[1].speaker, "Ana Ruiz");
  const cd_span *p = cd_report_paragraphs(r, &n);
  assert_true(n >= 2);
  assert_int_equal(p[0].start, h.start);
  cd_report_free(r);
}

/* The first line is a headline only when it looks like one: not a one-line text, not a long
 * lede, not a sentence that runs on into its paragraph. */
static void test_plaintext_headline_rule(void **state) {
  (void)state;
  const char *one = "\"We will win,\" she said.\n";
  cd_report *r = analyze(one, CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_report_headline(r).start, CD_NONE);
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_int_equal(n, 1);
  assert_false(q[0].headline);
  assert_int_equal(q[0].method, CD_ATTR_PRONOUN);
  cd_report_free(r);
  const char *runs_on = "\"We will win,\" she said.\nThe vote is on Sunday.\n";
  r = analyze(runs_on, CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_report_headline(r).start, CD_NONE);
  cd_report_free(r);
  const char *lede = "The harbour board voted on Tuesday night to close the old ferry pier for good after two "
                     "winters of storm damage.\n\nRepairs were too costly.\n";
  r = analyze(lede, CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_report_headline(r).start, CD_NONE);
  cd_report_free(r);
  const char *headline = "Harbour pier to close for good\n\nThe harbour board voted on Tuesday.\n";
  r = analyze(headline, CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_report_headline(r).start, 0);
  cd_report_free(r);
  const char *stop_blank = "Harbour pier to close for good.\n\nThe harbour board voted on Tuesday.\n";
  r = analyze(stop_blank, CD_FORMAT_PLAINTEXT);
  assert_int_equal(cd_report_headline(r).start, 0);
  cd_report_free(r);
}

/* ---- sentences ---- */

static void assert_sentences(const char *text, cd_format format, const char *const *expected, size_t n_expected) {
  cd_report *r = analyze(text, format);
  size_t n = r->sentences.len;
  for (size_t i = 0; i < n && i < n_expected; i++) {
    const cd_sentence *s = CD_VEC_AT(&r->sentences, cd_sentence, i);
    size_t len = s->span.end - s->span.start;
    if (len != strlen(expected[i]) || memcmp(text + s->span.start, expected[i], len) != 0)
      fail_msg("sentence %zu is \"%.*s\", expected \"%s\"", i, (int)len, text + s->span.start, expected[i]);
  }
  if (n != n_expected) fail_msg("%zu sentences, expected %zu", n, n_expected);
  cd_report_free(r);
}

static void test_sentence_abbreviations(void **state) {
  (void)state;
  const char *t = "Mayor visits flood zone\n\n"
                  "Mr. Smith and Mrs. Jones met Dr. Patel on St. Mary's Road in the U.S. capital on Jan. 5 at "
                  "No. 10. Sen. Ortiz, Gov. Lane, Rep. Diaz and Gen. Holt joined them. J. R. R. Tolkien was not "
                  "there. The meeting ended at noon. Was it useful? Nobody knew! Then it rained.\n";
  static const char *const expected[] = {
      "Mayor visits flood zone",
      "Mr. Smith and Mrs. Jones met Dr. Patel on St. Mary's Road in the U.S. capital on Jan. 5 at No. 10.",
      "Sen. Ortiz, Gov. Lane, Rep. Diaz and Gen. Holt joined them.",
      "J. R. R. Tolkien was not there.",
      "The meeting ended at noon.",
      "Was it useful?",
      "Nobody knew!",
      "Then it rained.",
  };
  assert_sentences(t, CD_FORMAT_PLAINTEXT, expected, sizeof expected / sizeof expected[0]);
}

/* A quote's closing mark after its own full stop or comma does not end the sentence before the
 * attribution; a paragraph break always ends one. */
static void test_sentences_and_quotes(void **state) {
  (void)state;
  const char *t = "Pier news\n\n"
                  "\"We will win,\" he said. She left. He said, \"We won.\" Then he left. "
                  "\"Is it over?\" asked Ana Ruiz.\n\n"
                  "A paragraph without a full stop\n\n"
                  "Another one.\n";
  static const char *const expected[] = {
      "Pier news",
      "\"We will win,\" he said.",
      "She left.",
      "He said, \"We won.\"",
      "Then he left.",
      "\"Is it over?\" asked Ana Ruiz.",
      "A paragraph without a full stop",
      "Another one.",
  };
  assert_sentences(t, CD_FORMAT_PLAINTEXT, expected, sizeof expected / sizeof expected[0]);
}

/* Sentences and tokens cover prose only and stay inside their paragraphs. */
static void test_tables_consistent(void **state) {
  (void)state;
  const char *t = MD_REGIONS;
  cd_report *r = analyze(t, CD_FORMAT_MARKDOWN);
  size_t len = strlen(t);
  for (size_t i = 0; i < doc_ntok(r); i++) {
    const cd_token *k = doc_tok(r, i);
    assert_true(k->start < cd_tok_end(k) && cd_tok_end(k) <= len);
    if (i) assert_true(cd_tok_end(doc_tok(r, i - 1)) <= k->start);
    for (size_t b = k->start; b < cd_tok_end(k); b++) assert_true(r->prose[b]);
    const cd_para *p = CD_VEC_AT(&r->paras, cd_para, doc_tok_para(r, k));
    assert_true(p->span.start <= k->start && cd_tok_end(k) <= p->span.end);
  }
  for (size_t i = 0; i < r->sentences.len; i++) {
    const cd_sentence *s = CD_VEC_AT(&r->sentences, cd_sentence, i);
    const cd_para *p = CD_VEC_AT(&r->paras, cd_para, s->para);
    assert_true(p->span.start <= s->span.start && s->span.end <= p->span.end);
    assert_true(s->first_tok < s->end_tok);
  }
  cd_report_free(r);
}

/* ---- apostrophes ---- */

static void test_apostrophes(void **state) {
  (void)state;
  const char *t = "Band plays on\n\n"
                  "Trump's rally in the '90s featured rock 'n' roll all night. \"We were runnin' late,\" said Ann "
                  "Jones. The band borrowed Jones' van and the Joneses' trailer for the drummer's '60s tour. "
                  "\"My mother said 'never again' twice,\" Jones said. It's open 'til midnight, y'all.\n\n"
                  "\xE2\x80\x9CWe\xE2\x80\x99re back,\xE2\x80\x9D said Ann Jones of the band\xE2\x80\x99s "
                  "\xE2\x80\x99"
                  "80s sound.\n";
  cd_report *r = analyze(t, CD_FORMAT_PLAINTEXT);
  assert_quotes(r, t, "We were runnin' late,|My mother said 'never again' twice,|never again|"
                      "We\xE2\x80\x99re back,");
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_string_equal(q[0].speaker, "Ann Jones");
  assert_string_equal(q[1].speaker, "Ann Jones");
  assert_int_equal(q[1].level, 0);
  assert_int_equal(q[2].level, 1);
  assert_string_equal(q[3].speaker, "Ann Jones");
  assert_int_equal(count_code(r, "quote.unclosed"), 0);
  assert_int_equal(count_code(r, "quote.unattributed"), 0);

  /* Each of these marks (at byte `at` of the words) is an apostrophe, never a quotation mark. */
  static const struct {
    const char *words;
    size_t at;
  } apostrophes[] = {{"'90s", 0},    {"'n' roll", 0}, {"'n' roll", 2}, {"runnin'", 6},     {"Jones' van", 5},
                     {"Joneses'", 7}, {"'60s", 0},     {"'til", 0},     {"\xE2\x80\x99" "80s", 0}};
  for (size_t a = 0; a < sizeof apostrophes / sizeof apostrophes[0]; a++) {
    size_t off = offset_of(t, apostrophes[a].words) + apostrophes[a].at;
    for (size_t i = 0; i < doc_ntok(r); i++) {
      const cd_token *k = doc_tok(r, i);
      if (k->start != off || k->kind != TOK_MARK) continue;
      if (k->role != MR_APOS)
        fail_msg("the mark in \"%s\" is read as a quotation mark (role %d)", apostrophes[a].words, k->role);
    }
    for (size_t i = 0; i < n; i++)
      if (q[i].span.start == off || q[i].span.end == off + 1)
        fail_msg("a quote starts or ends at the apostrophe of \"%s\"", apostrophes[a].words);
  }
  cd_report_free(r);
}

/* Two apostrophes in a row are a double quotation mark, as archives and typewritten copy write
 * them; three hold a single mark too, first where the run closes a quote and last where it opens
 * one; a height's inches stay a number's. */
static void test_double_apostrophes(void **state) {
  (void)state;
  const char *t = "Port reopens\n\n"
                  "''The harbour is ours again,'' said Mara Quint, the port's director. ''I told them, 'not yet,''' "
                  "she added. '''Not now,' he wrote,'' Quint said of the old keeper, who stood 5'11'' tall.\n";
  cd_report *r = analyze(t, CD_FORMAT_PLAINTEXT);
  assert_quotes(r, t, "The harbour is ours again,|I told them, 'not yet,'|not yet,|'Not now,' he wrote,|Not now,");
  size_t n;
  const cd_quote *q = cd_report_quotes(r, &n);
  assert_string_equal(q[0].speaker, "Mara Quint");
  assert_string_equal(q[1].speaker, "Mara Quint");
  assert_int_equal(q[1].level, 0);
  assert_int_equal(q[2].level, 1);
  assert_int_equal(count_code(r, "quote.unclosed"), 0);
  assert_int_equal(count_code(r, "quote.unattributed"), 0);
  cd_report_free(r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_markdown_non_prose),
      cmocka_unit_test(test_plaintext_is_all_prose),
      cmocka_unit_test(test_markdown_headings),
      cmocka_unit_test(test_plaintext_first_line),
      cmocka_unit_test(test_plaintext_headline_rule),
      cmocka_unit_test(test_sentence_abbreviations),
      cmocka_unit_test(test_sentences_and_quotes),
      cmocka_unit_test(test_tables_consistent),
      cmocka_unit_test(test_apostrophes),
      cmocka_unit_test(test_double_apostrophes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
