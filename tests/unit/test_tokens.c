/* The token pass: where words, numbers, marks and punctuation start and end, and their case flags,
 * on invented sentences, in plain text and where markup cuts the prose (Markdown). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/analyzer.h"
#include "doc.h"

/* `text` through the source and token passes, in `doc` (close_doc frees it). */
static void tokenize(cd_doc *doc, const char *text, cd_format format) {
  memset(doc, 0, sizeof *doc);
  size_t len = strlen(text);
  doc->config = cd_config_new();
  doc->arena = cd_arena_new();
  doc->prose = malloc(len + 1);
  assert_true(doc->config && doc->arena && doc->prose);
  doc->text = text;
  doc->len = len;
  doc->format = format;
  doc->headline.start = doc->headline.end = CD_NONE;
  cd_vec_init(&doc->paras, sizeof(cd_para));
  cd_vec_init(&doc->tokens, sizeof(cd_token));
  cd_vec_init(&doc->invalid, sizeof(cd_span));
  cd_pass_source(doc);
  cd_pass_tokens(doc);
}

static void close_doc(cd_doc *doc) {
  cd_vec_free(&doc->paras);
  cd_vec_free(&doc->tokens);
  cd_vec_free(&doc->invalid);
  free(doc->prose);
  cd_arena_free(doc->arena);
  cd_config_free((cd_config *)doc->config);
}

/* The tokens of `text` as one string: each token's bytes, then '#' for a number, '^' in capitals,
 * '~' for an invalid byte, '*' when it starts a line, joined by '|'. */
static char *tokens_of(const char *text, cd_format format) {
  cd_doc doc;
  tokenize(&doc, text, format);
  char *out = calloc(4 * doc.len + 2, 1);
  assert_non_null(out);
  size_t o = 0;
  for (size_t i = 0; i < doc.tokens.len; i++) {
    const cd_token *t = CD_VEC_AT(&doc.tokens, cd_token, i);
    if (i) out[o++] = '|';
    memcpy(out + o, text + t->start, t->len);
    o += t->len;
    if (t->kind == TOK_NUMBER) out[o++] = '#';
    if (t->flags & TF_ALLCAPS) out[o++] = '^';
    if (t->flags & TF_INVALID) out[o++] = '~';
    if (t->flags & TF_LINE_BEFORE) out[o++] = '*';
  }
  close_doc(&doc);
  return out;
}

static void expect(const char *text, cd_format format, const char *want) {
  char *got = tokens_of(text, format);
  assert_string_equal(got, want);
  free(got);
}

/* What joins bytes into one word: an apostrophe or hyphen between letters, a stop or comma between
 * digits, an ampersand between capitals, stops between single letters ("A. B." are not one). */
static void test_words_and_joiners(void **state) {
  (void)state;
  expect("The U.S. and AT&T paid 3.5 or 1,000 dollars, NATO said.", CD_FORMAT_PLAINTEXT,
         "The|U.S.^|and|AT&T^|paid|3.5#|or|1,000#|dollars|,|NATO^|said|.");
  expect("Kim Jong-un's aide didn't. A. B. Smith, e.g. here, 6'2\" tall", CD_FORMAT_PLAINTEXT,
         "Kim|Jong-un's|aide|didn't|.|A|.|B|.|Smith|,|e.g.|here|,|6'2\"#|tall");
  expect("Ends with a comma, 2, 3. and x-, -y, A&b, 4.x", CD_FORMAT_PLAINTEXT,
         "Ends|with|a|comma|,|2#|,|3#|.|and|x|-|,|-|y|,|A|&|b|,|4#|.|x");
  /* capitals: two or more and no small letter, whatever letters they are */
  expect("BBC Ab ÉTÉ Élan I OK1 X1Y ÀB", CD_FORMAT_PLAINTEXT, "BBC^|Ab|ÉTÉ^|Élan|I|OK1^|X1Y^|ÀB^");
  expect("Müller’s café 12th «Yes»", CD_FORMAT_PLAINTEXT, "Müller’s|café|12th#|«|Yes|»");
}

/* Markup is not prose: a word ends where it starts, even with no space between. */
static void test_words_cut_by_markup(void **state) {
  (void)state;
  expect("A **bold**word and `code`x, [link](http://a.b/c) end\nof it.\n\nNext line", CD_FORMAT_MARKDOWN,
         "A|bold|word|and|x|,|link|end|of*|it|.|Next|line");
}

/* A token holds at most CD_TOKEN_MAX_LEN bytes: a longer run of letters (é is two bytes, so the
 * cut falls between characters whichever byte the limit lands on) is cut into tokens that follow
 * each other with nothing between them, the first with the space before it, and every byte of the
 * run in one of them; the word after it is a token of its own. */
static void test_word_longer_than_a_token(void **state) {
  (void)state;
  size_t run = 2 * CD_TOKEN_MAX_LEN + 1001;
  char *text = malloc(run + 16);
  assert_non_null(text);
  memcpy(text, "Go ", 3);
  for (size_t i = 0; i < run; i += 2) memcpy(text + 3 + i, i + 2 <= run ? "\xc3\xa9" : "e", i + 2 <= run ? 2 : 1);
  strcpy(text + 3 + run, " now");
  char *got = tokens_of(text, CD_FORMAT_PLAINTEXT);
  /* five tokens: Go, the three pieces, now */
  size_t bars = 0;
  for (const char *c = got; *c; c++) bars += *c == '|';
  assert_int_equal(bars, 4);
  assert_memory_equal(got, "Go|", 3);
  assert_string_equal(got + strlen(got) - 4, "|now");
  free(got);

  cd_doc doc;
  tokenize(&doc, text, CD_FORMAT_PLAINTEXT);
  assert_int_equal(doc.tokens.len, 5);
  for (size_t i = 1; i < 4; i++) {
    const cd_token *t = CD_VEC_AT(&doc.tokens, cd_token, i);
    assert_true(t->len > 0 && t->len <= CD_TOKEN_MAX_LEN);
    assert_true((text[t->start] & 0xC0) != 0x80); /* a piece starts a character */
    if (i > 1) assert_int_equal(t->start, cd_tok_end(CD_VEC_AT(&doc.tokens, cd_token, i - 1)));
    assert_int_equal((t->flags & TF_SPACE_BEFORE) != 0, i == 1);
  }
  assert_int_equal(cd_tok_end(CD_VEC_AT(&doc.tokens, cd_token, 3)), 3 + run);
  close_doc(&doc);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_words_and_joiners),
      cmocka_unit_test(test_words_cut_by_markup),
      cmocka_unit_test(test_word_longer_than_a_token),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
