/* The word lists in analyzer/lexicon, one id per file (speech_verbs.txt is
 * CD_LEX_SPEECH_VERBS). Entries are lower case and sorted at build time; lookups fold ASCII case.
 * A list entry may be a phrase: its words are separated by single spaces. */
#ifndef CD_LEXICON_H
#define CD_LEXICON_H
#include <stdbool.h>
#include <stddef.h>

#include "lexicon_ids.h"
#include "words.h"

/* The lists' tables, in id order (generated; lexicon.c). */
extern const cd_word_table cd_lex_tables[CD_LEX_COUNT];

/* The slice is an entry of the list (ASCII case-insensitive). Inline: the passes ask it about most
 * words, and most answers are the filter's. */
static inline bool cd_lex_has(cd_lex_id list, const char *s, size_t n) {
  return cd_word_table_has(&cd_lex_tables[list], s, n);
}
/* For a list of rows "WORD VALUE...": the VALUE of the row whose first word is the slice (ASCII
 * case-insensitive), NUL-terminated and static; NULL when no row starts with it. */
const char *cd_lex_value(cd_lex_id list, const char *s, size_t n);
/* How many entries the list has, and entry i (lower case, NUL-terminated, static). */
size_t cd_lex_count(cd_lex_id list);
const char *cd_lex_entry(cd_lex_id list, size_t i);
/* The list's file name without ".txt", for messages and tests. */
const char *cd_lex_name(cd_lex_id list);

#endif
