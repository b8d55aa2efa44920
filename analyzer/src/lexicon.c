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

size_t cd_lex_count(cd_lex_id list) { return LEX_TABLES[list].count; }

const char *cd_lex_entry(cd_lex_id list, size_t i) {
  return i < LEX_TABLES[list].count ? LEX_TABLES[list].chars + LEX_TABLES[list].offsets[i] : NULL;
}

const char *cd_lex_name(cd_lex_id list) { return LEX_TABLES[list].name; }
