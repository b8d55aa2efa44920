/* Inline controls: disable/enable regions, disable-next-line, the plain-text form, groups
 * ("quote.*"), reasons after "--", controls inside fenced code, and unknown rules reported (with a
 * fix for a near miss). quote.unattributed is the probe: the quote passes exist today. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "copydesk/analyzer.h"

/* A paragraph with one unattributed quote; `tag` makes each one findable. */
#define UQ(tag) "\"We will never accept the " tag " deal that was put before us today,\" a voice shouted.\n"

typedef struct found {
  size_t n;
  const cd_diagnostic *d;
  cd_report *r;
  const char *text;
} found;

static found analyze(const char *text, cd_format fmt) {
  found f = {0, NULL, NULL, text};
  f.r = cd_analyze(text, strlen(text), fmt, NULL);
  assert_non_null(f.r);
  f.d = cd_report_diagnostics(f.r, &f.n);
  return f;
}

/* Is there an unattributed-quote finding whose quote holds `tag`? */
static bool flagged(const found *f, const char *tag) {
  for (size_t i = 0; i < f->n; i++) {
    if (strcmp(f->d[i].code, "quote.unattributed") != 0) continue;
    size_t len = f->d[i].span.end - f->d[i].span.start;
    char *s = strndup(f->text + f->d[i].span.start, len);
    bool hit = strstr(s, tag) != NULL;
    free(s);
    if (hit) return true;
  }
  return false;
}

static size_t count(const found *f, const char *code) {
  size_t k = 0;
  for (size_t i = 0; i < f->n; i++) k += strcmp(f->d[i].code, code) == 0;
  return k;
}

static void test_baseline(void **state) {
  (void)state;
  found f = analyze("Headline here\n\n" UQ("alpha") "\n" UQ("beta"), CD_FORMAT_PLAINTEXT);
  assert_true(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
}

static void test_markdown_region(void **state) {
  (void)state;
  found f = analyze("# Headline\n\n" UQ("alpha") "\n<!-- copydesk-disable quote.unattributed -->\n\n" UQ("beta")
                    "\n" UQ("gamma") "\n<!-- copydesk-enable -->\n\n" UQ("delta"),
                    CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  assert_false(flagged(&f, "beta"));
  assert_false(flagged(&f, "gamma"));
  assert_true(flagged(&f, "delta"));
  assert_int_equal(count(&f, "control.unknown-rule"), 0);
  cd_report_free(f.r);
}

/* A region never closed runs to the end; enable naming the rule closes it. */
static void test_region_to_end_and_named_enable(void **state) {
  (void)state;
  found f = analyze("# H\n\n<!-- copydesk-disable quote.unattributed -->\n\n" UQ("alpha") "\n" UQ("beta"),
                    CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_false(flagged(&f, "beta"));
  cd_report_free(f.r);
  f = analyze("# H\n\n<!-- copydesk-disable quote.unattributed -->\n\n" UQ("alpha")
              "\n<!-- copydesk-enable quote.unattributed -->\n\n" UQ("beta"),
              CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
  /* enable naming another rule leaves this one off */
  f = analyze("# H\n\n<!-- copydesk-disable quote.unattributed -->\n\n" UQ("alpha")
              "\n<!-- copydesk-enable name.variant -->\n\n" UQ("beta"),
              CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "beta"));
  cd_report_free(f.r);
  /* everything off, then one rule back on */
  f = analyze("# H\n\n<!-- copydesk-disable -->\n\n" UQ("alpha") "\n<!-- copydesk-enable quote.unattributed -->\n\n"
              UQ("beta"),
              CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
}

/* A disable naming another rule does not touch this one. */
static void test_other_rule_untouched(void **state) {
  (void)state;
  found f = analyze("# H\n\n<!-- copydesk-disable name.courtesy-title -->\n\n" UQ("alpha") "\n<!-- copydesk-enable -->\n",
                    CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  cd_report_free(f.r);
}

static void test_next_line(void **state) {
  (void)state;
  found f = analyze("# H\n\n<!-- copydesk-disable-next-line quote.unattributed -->\n" UQ("alpha") "\n" UQ("beta"),
                    CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
  /* blank lines between the control and the line are skipped */
  f = analyze("# H\n\n<!-- copydesk-disable-next-line -->\n\n\n" UQ("alpha") "\n" UQ("beta"), CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
  /* stacked next-line controls all reach the line below them */
  f = analyze("# H\n\n<!-- copydesk-disable-next-line name.variant -->\n"
              "<!-- copydesk-disable-next-line quote.unattributed -->\n" UQ("alpha") "\n" UQ("beta"),
              CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
  f = analyze("Headline here\n\ncopydesk-disable-next-line quote.unattributed\ncopydesk-disable-next-line name.variant\n"
              UQ("alpha") "\n" UQ("beta"),
              CD_FORMAT_PLAINTEXT);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
  /* a next-line control naming another rule */
  f = analyze("# H\n\n<!-- copydesk-disable-next-line name.variant -->\n" UQ("alpha"), CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  cd_report_free(f.r);
}

static void test_plain_text_form(void **state) {
  (void)state;
  found f = analyze("Headline here\n\n" UQ("alpha") "\ncopydesk-disable quote.unattributed\n\n" UQ("beta")
                    "\ncopydesk-enable\n\n" UQ("gamma") "\ncopydesk-disable-next-line quote.unattributed\n"
                    UQ("delta") "\n" UQ("epsilon"),
                    CD_FORMAT_PLAINTEXT);
  assert_true(flagged(&f, "alpha"));
  assert_false(flagged(&f, "beta"));
  assert_true(flagged(&f, "gamma"));
  assert_false(flagged(&f, "delta"));
  assert_true(flagged(&f, "epsilon"));
  cd_report_free(f.r);
  /* the comment form works in plain text too */
  f = analyze("Headline here\n\n<!-- copydesk-disable-next-line quote.unattributed -->\n" UQ("alpha"),
              CD_FORMAT_PLAINTEXT);
  assert_false(flagged(&f, "alpha"));
  cd_report_free(f.r);
  /* in Markdown the bare form is prose, not a control */
  f = analyze("# H\n\ncopydesk-disable-next-line quote.unattributed\n\n" UQ("alpha"), CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  cd_report_free(f.r);
}

static void test_groups_lists_reasons(void **state) {
  (void)state;
  found f = analyze("# H\n\n<!-- copydesk-disable-next-line quote.* -->\n" UQ("alpha") "\n"
                    "<!-- copydesk-disable-next-line name.variant, quote.unattributed -->\n" UQ("beta") "\n"
                    "<!-- copydesk-disable-next-line quote.unattributed -- checked with the desk, 2026-11-27 -->\n"
                    UQ("gamma") "\n" UQ("delta"),
                    CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_false(flagged(&f, "beta"));
  assert_false(flagged(&f, "gamma"));
  assert_true(flagged(&f, "delta"));
  assert_int_equal(count(&f, "control.unknown-rule"), 0); /* the reason's words are not codes */
  cd_report_free(f.r);
  /* "name.*" does not cover quote rules */
  f = analyze("# H\n\n<!-- copydesk-disable-next-line name.* -->\n" UQ("alpha"), CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  cd_report_free(f.r);
}

static void test_unknown_rule_reported(void **state) {
  (void)state;
  const char *t = "# H\n\n<!-- copydesk-disable-next-line quote.unatributed -->\n" UQ("alpha") "\n"
                  "<!-- copydesk-disable wibble.* -->\n\n<!-- copydesk-enable nonsense -->\n";
  found f = analyze(t, CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha")); /* the typo switched nothing off */
  assert_int_equal(count(&f, "control.unknown-rule"), 3);
  const cd_diagnostic *d = NULL;
  for (size_t i = 0; i < f.n; i++)
    if (strcmp(f.d[i].code, "control.unknown-rule") == 0 && !d) d = &f.d[i];
  assert_non_null(d);
  assert_int_equal(d->severity, CD_SEVERITY_WARNING);
  assert_memory_equal(t + d->span.start, "quote.unatributed", d->span.end - d->span.start);
  assert_non_null(strstr(d->message, "'quote.unatributed' is not a copydesk rule"));
  assert_non_null(strstr(d->message, "Did you mean quote.unattributed?"));
  assert_int_equal(d->n_fixes, 1);
  assert_int_equal(d->fixes[0].n_edits, 1);
  assert_string_equal(d->fixes[0].edits[0].new_text, "quote.unattributed");
  assert_int_equal(d->fixes[0].edits[0].span.start, d->span.start);
  /* no suggestion when nothing is close */
  for (size_t i = 0; i < f.n; i++) {
    if (strcmp(f.d[i].code, "control.unknown-rule") == 0 && f.d + i != d) {
      assert_int_equal(f.d[i].n_fixes, 0);
      assert_null(strstr(f.d[i].message, "Did you mean"));
    }
  }
  cd_report_free(f.r);
  /* plain text too; and the severity of control.unknown-rule follows configuration */
  cd_config *c = cd_config_new();
  cd_config_set_severity(c, "control.unknown-rule", CD_SEVERITY_ERROR);
  const char *p = "Headline here\n\ncopydesk-disable quote.nothing\n";
  cd_report *r = cd_analyze(p, strlen(p), CD_FORMAT_PLAINTEXT, c);
  size_t n;
  const cd_diagnostic *pd = cd_report_diagnostics(r, &n);
  assert_int_equal(n, 1);
  assert_string_equal(pd[0].code, "control.unknown-rule");
  assert_int_equal(pd[0].severity, CD_SEVERITY_ERROR);
  cd_report_free(r);
  cd_config_set_severity(c, "control.unknown-rule", CD_SEVERITY_OFF);
  r = cd_analyze(p, strlen(p), CD_FORMAT_PLAINTEXT, c);
  cd_report_diagnostics(r, &n);
  assert_int_equal(n, 0);
  cd_report_free(r);
  cd_config_free(c);
}

/* A multi-line HTML comment may hold bare control lines. */
static void test_multiline_comment(void **state) {
  (void)state;
  found f = analyze("# H\n\n<!--\n  copydesk-disable-next-line quote.unattributed\n-->\n" UQ("alpha") "\n" UQ("beta"),
                    CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
  /* after the comment closes, bare lines are prose again */
  f = analyze("# H\n\n<!-- a note -->\ncopydesk-disable-next-line quote.unattributed\n\n" UQ("alpha"),
              CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  cd_report_free(f.r);
}

/* Lines that merely look like controls are not controls. */
static void test_not_controls(void **state) {
  (void)state;
  /* a fenced code block showing how to write a control */
  found f = analyze("# H\n\n```\n<!-- copydesk-disable quote.unattributed -->\n<!-- copydesk-disable bogus -->\n```\n\n"
                    UQ("alpha"),
                    CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  assert_int_equal(count(&f, "control.unknown-rule"), 0);
  cd_report_free(f.r);
  /* other words that start the same */
  f = analyze("# H\n\n<!-- copydesk-disabled quote.unattributed -->\n<!-- copydesk-whatever -->\n\n" UQ("alpha"),
              CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  assert_int_equal(count(&f, "control.unknown-rule"), 0);
  cd_report_free(f.r);
  /* a control at the very end, next-line with nothing after it */
  f = analyze("# H\n\n" UQ("alpha") "<!-- copydesk-disable-next-line -->", CD_FORMAT_MARKDOWN);
  assert_true(flagged(&f, "alpha"));
  cd_report_free(f.r);
  f = analyze("copydesk-", CD_FORMAT_PLAINTEXT);
  assert_int_equal(f.n, 0);
  cd_report_free(f.r);
}

/* CRLF files and indentation. */
static void test_crlf(void **state) {
  (void)state;
  found f = analyze("# H\r\n\r\n  <!-- copydesk-disable-next-line quote.unattributed -->\r\n"
                    "\"We will never accept the alpha deal that was put before us today,\" a voice shouted.\r\n\r\n"
                    "\"We will never accept the beta deal that was put before us today,\" a voice shouted.\r\n",
                    CD_FORMAT_MARKDOWN);
  assert_false(flagged(&f, "alpha"));
  assert_true(flagged(&f, "beta"));
  cd_report_free(f.r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_baseline),
      cmocka_unit_test(test_markdown_region),
      cmocka_unit_test(test_region_to_end_and_named_enable),
      cmocka_unit_test(test_other_rule_untouched),
      cmocka_unit_test(test_next_line),
      cmocka_unit_test(test_plain_text_form),
      cmocka_unit_test(test_groups_lists_reasons),
      cmocka_unit_test(test_unknown_rule_reported),
      cmocka_unit_test(test_multiline_comment),
      cmocka_unit_test(test_not_controls),
      cmocka_unit_test(test_crlf),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
