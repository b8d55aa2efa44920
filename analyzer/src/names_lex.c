#include "names_lex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

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

static bool given_name_listed(const char *s, size_t n) {
  return cd_lex_has(CD_LEX_GIVEN_NAMES_MALE, s, n) || cd_lex_has(CD_LEX_GIVEN_NAMES_FEMALE, s, n) ||
         cd_lex_has(CD_LEX_GIVEN_NAMES_UNISEX, s, n);
}

/* The word's letters without their accents, when that leaves ASCII ("María": "Maria", "Íñigo":
 * "Inigo"); 0 otherwise. The lists are written without accents. */
static size_t strip_accents(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t c, d[4];
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
    if (len <= 0) return 0;
    i += (size_t)len;
    utf8proc_ssize_t nd = c < 0x80 ? (d[0] = c, 1) : utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, NULL);
    if (nd <= 0 || nd > 4) return 0;
    for (utf8proc_ssize_t j = 0; j < nd; j++) {
      if (d[j] >= 0x80 || k == cap) return 0;
      out[k++] = (char)d[j];
    }
  }
  return k;
}

bool cd_is_given_name(const char *s, size_t n) {
  if (given_name_listed(s, n)) return true;
  char plain[32];
  size_t k;
  for (size_t i = 0; i < n; i++) /* an accented letter: asked only then */
    if ((unsigned char)s[i] >= 0x80) return (k = strip_accents(s, n, plain, sizeof plain)) > 0 && given_name_listed(plain, k);
  return false;
}

int cd_title_gender(const char *s, size_t n) {
  if (n && s[n - 1] == '.') n--;
  /* (and India's Shri, Smt. and Kum.) */
  if (CD_WORD_IS(s, n, "mr") || CD_WORD_IS(s, n, "shri")) return 1;
  if (CD_WORD_IS(s, n, "mrs") || CD_WORD_IS(s, n, "ms") || CD_WORD_IS(s, n, "miss") || CD_WORD_IS(s, n, "smt") ||
      CD_WORD_IS(s, n, "kum"))
    return 2;
  return 0;
}

bool cd_is_given_name_title(const char *s, size_t n) { return cd_lex_has(CD_LEX_GIVEN_NAME_TITLES, s, n); }

bool cd_is_person_title(const char *s, size_t n) { return cd_lex_has(CD_LEX_PERSON_TITLES, s, n); }

bool cd_is_name_suffix(const char *s, size_t n) { return cd_lex_has(CD_LEX_NAME_SUFFIXES, s, n); }

bool cd_is_saint_abbreviation(const char *s, size_t n) {
  return (n == 2 && s[0] == 'S' && s[1] == 't') || (n == 3 && memcmp(s, "Ste", 3) == 0);
}

bool cd_is_attributive_head(const char *s, size_t n) { return cd_lex_has(CD_LEX_ATTRIBUTIVE_HEADS, s, n); }

bool cd_is_initials(const char *w, size_t n) {
  /* places and bodies written with stops: "U.S. Steel", "D.C. United", "L.A. Galaxy" */
  static const char *const PLACES[] = {"U.S", "U.K", "U.N", "E.U", "D.C", "L.A", "N.Y", "N.J", "S.F", "U.A.E", "N.Z", NULL};
  if (n > 0 && w[n - 1] == '.') n--;
  if (n < 3 || n % 2 == 0) return false;
  for (size_t k = 0; k < n; k++)
    if (k % 2 ? w[k] != '.' : !(w[k] >= 'A' && w[k] <= 'Z')) return false;
  for (size_t k = 0; PLACES[k]; k++)
    if (strlen(PLACES[k]) == n && memcmp(PLACES[k], w, n) == 0) return false;
  return true;
}
