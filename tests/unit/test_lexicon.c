/* The word lists in analyzer/lexicon/: every list is sorted, lower case and without duplicates
 * after generation, and lookups fold ASCII case, reject prefixes and extensions, and find phrases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon.h"
#include "speech_verbs.h"

static void test_every_list_sorted_and_folded(void **state) {
  (void)state;
  for (int id = 0; id < CD_LEX_COUNT; id++) {
    size_t n = cd_lex_count((cd_lex_id)id);
    assert_true(n > 0);
    assert_non_null(cd_lex_name((cd_lex_id)id));
    for (size_t i = 0; i < n; i++) {
      const char *e = cd_lex_entry((cd_lex_id)id, i);
      assert_non_null(e);
      for (const char *c = e; *c; c++) assert_false(*c >= 'A' && *c <= 'Z');
      if (i > 0) assert_true(strcmp(cd_lex_entry((cd_lex_id)id, i - 1), e) < 0);
      /* each entry finds itself */
      assert_true(cd_lex_has((cd_lex_id)id, e, strlen(e)));
    }
    assert_null(cd_lex_entry((cd_lex_id)id, n));
  }
}

static void test_lookups(void **state) {
  (void)state;
  const char *text = "Said saidx sai SAID";
  assert_true(cd_lex_has(CD_LEX_SPEECH_VERBS, text, 4));       /* "Said" */
  assert_true(cd_lex_has(CD_LEX_SPEECH_VERBS, text + 15, 4));  /* "SAID" */
  assert_false(cd_lex_has(CD_LEX_SPEECH_VERBS, text + 5, 5));  /* "saidx" */
  assert_false(cd_lex_has(CD_LEX_SPEECH_VERBS, text + 11, 3)); /* "sai" */
  assert_false(cd_lex_has(CD_LEX_SPEECH_VERBS, text, 0));
  assert_true(cd_is_speech_verb(NULL, "told", 4));
  assert_true(cd_is_speech_participle("adding", 6));
  assert_true(cd_is_stance_verb("dismissed", 9));
  assert_false(cd_is_stance_verb("dismiss", 7));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_list_sorted_and_folded),
      cmocka_unit_test(test_lookups),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
