#include "lexicon.h"

#include <stdint.h>

#include "words.h"

typedef struct {
  const char *chars;        /* entries, each ended by NUL */
  const uint32_t *offsets;  /* where entry i starts in chars */
  size_t count;
  const char *name;
} cd_lex_table;

#include "lexicon_tables.inc"

bool cd_lex_has(cd_lex_id list, const char *s, size_t n) {
  const cd_lex_table *t = &LEX_TABLES[list];
  return cd_offset_table_has(s, n, t->chars, t->offsets, t->count);
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
  const cd_lex_table *t = &LEX_TABLES[list];
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

size_t cd_lex_count(cd_lex_id list) { return LEX_TABLES[list].count; }

const char *cd_lex_entry(cd_lex_id list, size_t i) {
  return i < LEX_TABLES[list].count ? LEX_TABLES[list].chars + LEX_TABLES[list].offsets[i] : NULL;
}

const char *cd_lex_name(cd_lex_id list) { return LEX_TABLES[list].name; }
