/* House style drives the name findings' quick fixes: applying the fix of each finding gives the
 * house form. What is checked is the text after the fix, not the fix's title. A case whose finding
 * the names pass does not report is skipped (the config-* fixtures check the findings). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config_json.h"

/* Analyses `text` with `settings`; finds the first `code` diagnostic whose span contains
 * `needle`, applies its preferred (else first) fix, and returns the new text (NULL: no such
 * diagnostic, so the case is skipped). */
static char *fixed(const char *settings, const char *text, const char *code, const char *needle, bool *had_fix) {
  json_error_t je;
  json_t *j = json_loads(settings, 0, &je);
  assert_non_null(j);
  char err[512];
  cd_config *c = cd_config_from_json(j, err, sizeof err);
  json_decref(j);
  assert_string_equal(err, "");
  cd_report *r = cd_analyze(text, strlen(text), CD_FORMAT_PLAINTEXT, c);
  assert_non_null(r);
  size_t n;
  const cd_diagnostic *d = cd_report_diagnostics(r, &n);
  char *out = NULL;
  *had_fix = false;
  for (size_t i = 0; i < n && !out; i++) {
    if (strcmp(d[i].code, code) != 0) continue;
    size_t len = d[i].span.end - d[i].span.start;
    char *span = strndup(text + d[i].span.start, len);
    bool hit = strstr(span, needle) != NULL;
    free(span);
    if (!hit) continue;
    const cd_fix *fix = d[i].n_fixes ? &d[i].fixes[0] : NULL;
    for (size_t k = d[i].n_fixes; k > 0; k--)
      if (d[i].fixes[k - 1].preferred) fix = &d[i].fixes[k - 1]; /* the first preferred one */
    if (!fix) {
      out = strdup(text);
      break;
    }
    *had_fix = true;
    /* apply the edits, last first (they do not overlap) */
    out = strdup(text);
    for (size_t e = fix->n_edits; e > 0; e--) {
      const cd_edit *ed = &fix->edits[e - 1];
      size_t olen = strlen(out), nlen = strlen(ed->new_text);
      char *next = malloc(olen - (ed->span.end - ed->span.start) + nlen + 1);
      assert_non_null(next);
      memcpy(next, out, ed->span.start);
      memcpy(next + ed->span.start, ed->new_text, nlen);
      strcpy(next + ed->span.start + nlen, out + ed->span.end);
      free(out);
      out = next;
    }
  }
  cd_report_free(r);
  cd_config_free(c);
  return out;
}

static void expect_fix(const char *settings, const char *text, const char *code, const char *needle,
                       const char *want, const char *unwanted) {
  bool had_fix;
  char *out = fixed(settings, text, code, needle, &had_fix);
  if (!out) {
    skip(); /* the names pass does not report this yet */
    return;
  }
  if (!had_fix) fail_msg("%s on '%s' has no fix", code, needle);
  if (!strstr(out, want)) fail_msg("after the fix, '%s' not in:\n%s", want, out);
  if (unwanted && strstr(out, unwanted)) fail_msg("after the fix, '%s' still in:\n%s", unwanted, out);
  free(out);
}

#define PUTIN_MR                                                                                                 \
  "Putin meets Macron in Moscow\n\nVladimir Putin met Emmanuel Macron in Moscow on Monday.\n\n"                  \
  "Mr Putin said the talks had been useful. Mr Macron said little as he left.\n"

static void test_courtesy_none_drops_title(void **state) {
  (void)state;
  expect_fix("{\"style\": {\"courtesyTitles\": \"none\"}}", PUTIN_MR, "name.courtesy-title", "Mr Putin",
             "\nPutin said the talks", "Mr Putin");
}

static void test_courtesy_after_first_adds_title(void **state) {
  (void)state;
  expect_fix("{\"style\": {\"courtesyTitles\": \"after-first-reference\", \"titlePeriod\": \"Mr\"}}",
             "Putin meets Macron in Moscow\n\nVladimir Putin met Emmanuel Macron in Moscow on Monday.\n\n"
             "Putin said the talks had been useful. Mr Macron said little as he left.\n",
             "name.courtesy-title", "Putin", "Mr Putin said the talks", NULL);
}

static void test_title_period_writes_full_stop(void **state) {
  (void)state;
  expect_fix("{\"style\": {\"titlePeriod\": \"Mr.\"}}",
             "Putin meets Macron in Moscow\n\nVladimir Putin met Emmanuel Macron in Moscow on Monday.\n\n"
             "Mr. Putin said the talks had been useful. Mr Macron said little as he left.\n",
             "name.courtesy-title", "Mr Macron", "Mr. Macron said little", "Mr Macron");
}

static void test_preferred_form_is_the_fix(void **state) {
  (void)state;
  expect_fix("{\"style\": {\"preferredForms\": {\"United States\": \"U.S.\"}}}",
             "Trade talks stall\n\nThe United States and China ended two days of talks in Geneva on Tuesday.\n\n"
             "U.S. negotiators said the gap on tariffs remained wide.\n",
             "name.variant", "United States", "The U.S. and China ended", "United States");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_courtesy_none_drops_title),
      cmocka_unit_test(test_courtesy_after_first_adds_title),
      cmocka_unit_test(test_title_period_writes_full_stop),
      cmocka_unit_test(test_preferred_form_is_the_fix),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
