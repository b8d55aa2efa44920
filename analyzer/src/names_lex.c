#include "names_lex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "words.h"

#include "proper_words.inc"

bool cd_is_proper_word(const char *key) {
  if (!key || !*key) return false;
  static const cd_word_table proper = PROPER_WORDS_TABLE;
  size_t n = strlen(key);
  return cd_word_table_has(&proper, key, n) || cd_lex_has(CD_LEX_NEWS_OUTLETS, key, n);
}

bool cd_is_not_person_word(const char *s, size_t n) { return cd_lex_has(CD_LEX_NAME_NOT_PERSON_WORDS, s, n); }

bool cd_is_given_name(const char *s, size_t n) {
  return cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, s, n) || cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, s, n) ||
         cd_lex_has(CD_LEX_GIVEN_NAMES_UNISEX, s, n);
}

int cd_title_gender(const char *s, size_t n) {
  if (n && s[n - 1] == '.') n--;
  if (CD_WORD_IS(s, n, "mr")) return 1;
  if (CD_WORD_IS(s, n, "mrs") || CD_WORD_IS(s, n, "ms") || CD_WORD_IS(s, n, "miss")) return 2;
  return 0;
}

bool cd_is_given_name_title(const char *s, size_t n) { return cd_lex_has(CD_LEX_GIVEN_NAME_TITLES, s, n); }

bool cd_is_person_title(const char *s, size_t n) { return cd_lex_has(CD_LEX_PERSON_TITLES, s, n); }

bool cd_is_name_suffix(const char *s, size_t n) { return cd_lex_has(CD_LEX_NAME_SUFFIXES, s, n); }

bool cd_is_saint_abbreviation(const char *s, size_t n) {
  return (n == 2 && s[0] == 'S' && s[1] == 't') || (n == 3 && memcmp(s, "Ste", 3) == 0);
}

bool cd_is_attributive_head(const char *s, size_t n) { return cd_lex_has(CD_LEX_ATTRIBUTIVE_HEADS, s, n); }
