#include "lexicon.h"

#include <stdint.h>

#include "words.h"

typedef struct {
  cd_word_table words;
  const char *name;
} cd_lex_table;

#include "lexicon_tables.inc"

bool cd_lex_has(cd_lex_id list, const char *s, size_t n) {
  return cd_word_table_has(&LEX_TABLES[list].words, s, n);
}

/* The slice followed by a space, against an entry: <0, 0 (the entry's first word) or >0. */
static int cmp_first_word(const char *s, size_t n, const char *entry) {
  for (size_t i = 0; i < n; i++) {
    unsigned char a = (unsigned char)s[i], b = (unsigned char)entry[i];
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a - 'A' + 'a');
    if (a != b) return a < b ? -1 : 1;
  }
  unsigned char b = (unsigned char)entry[n];
  return b == ' ' ? 0 : ' ' < b ? -1 : 1;
}

const char *cd_lex_value(cd_lex_id list, const char *s, size_t n) {
  const cd_word_table *t = &LEX_TABLES[list].words;
  size_t lo = 0, hi = t->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *e = t->chars + t->offsets[mid];
    int c = cmp_first_word(s, n, e);
    if (c == 0) return e + n + 1;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return NULL;
}

size_t cd_lex_count(cd_lex_id list) { return LEX_TABLES[list].words.count; }

const char *cd_lex_entry(cd_lex_id list, size_t i) {
  const cd_word_table *t = &LEX_TABLES[list].words;
  return i < t->count ? t->chars + t->offsets[i] : NULL;
}

const char *cd_lex_name(cd_lex_id list) { return LEX_TABLES[list].name; }
