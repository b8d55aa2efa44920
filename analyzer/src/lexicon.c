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

size_t cd_lex_count(cd_lex_id list) { return LEX_TABLES[list].words.count; }

const char *cd_lex_entry(cd_lex_id list, size_t i) {
  const cd_word_table *t = &LEX_TABLES[list].words;
  return i < t->count ? t->chars + t->offsets[i] : NULL;
}

const char *cd_lex_name(cd_lex_id list) { return LEX_TABLES[list].name; }
