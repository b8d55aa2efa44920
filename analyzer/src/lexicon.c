#include "lexicon.h"

#include <stdint.h>

#include "words.h"

#include "lexicon_tables.inc"

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
  const cd_word_table *t = &cd_lex_tables[list];
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

size_t cd_lex_count(cd_lex_id list) { return cd_lex_tables[list].count; }

const char *cd_lex_entry(cd_lex_id list, size_t i) {
  const cd_word_table *t = &cd_lex_tables[list];
  return i < t->count ? t->chars + t->offsets[i] : NULL;
}

const char *cd_lex_name(cd_lex_id list) { return LEX_NAMES[list]; }
