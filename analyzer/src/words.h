/* Word lists the passes share: case-insensitive lookups over small static tables and the
 * generated common-English table. */
#ifndef CD_WORDS_H
#define CD_WORDS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "word_hash.h"

/* Compares a text slice with a NUL-terminated ASCII word, ignoring ASCII case. */
bool cd_word_eq(const char *s, size_t n, const char *word);
/* cd_word_eq against a string literal, whose length the compiler knows: most words differ in it,
 * and those are told apart without the call. `n` is read twice. */
#define CD_WORD_IS(s, n, lit) ((n) == sizeof("" lit) - 1 && cd_word_eq((s), (n), (lit)))
/* strcmp(lower(s[0, n)), word) with ASCII case folding, without copying s. */
int cd_word_cmp_folded(const char *s, size_t n, const char *word);
/* Slice in a NULL-terminated list of words (ASCII case-insensitive). */
bool cd_word_in(const char *s, size_t n, const char *const *list);
/* The length of word s[0, n) without a possessive "'s" or "’s"; *poss says whether it had one. */
size_t cd_strip_possessive(const char *s, size_t n, bool *poss);

/* Slice in a NULL-terminated list of lower-case ASCII words sorted by strcmp (binary search).
 * Builds without NDEBUG check the order on every call, so an unsorted list fails the tests. */
bool cd_sorted_word_in(const char *s, size_t n, const char *const *list, size_t count);
#define CD_SORTED_IN(s, n, list) cd_sorted_word_in((s), (n), (list), sizeof(list) / sizeof((list)[0]) - 1)

/* The row of a table sorted by its rows' words (row i's word is table[i * stride]) whose word is
 * the slice, ASCII case folded; CD_NONE when none is. Not checked for order. */
size_t cd_sorted_index(const char *s, size_t n, const char *const *table, size_t count, size_t stride);

/* A relocation-free generated word table (offset_table.cmake, tools/gen_word_index.c): entry i,
 * in sorted order, is the NUL-terminated lower-case string at chars + offsets[i]; `slots` (mask + 1
 * of them) is a hash table over the entries, built with word_hash.h; `filter` has the bit of every
 * entry set (cd_word_filter_bit). */
typedef struct cd_word_table {
  const char *chars;
  const uint32_t *offsets;
  const uint32_t *slots;
  uint32_t count;
  uint32_t mask;
  uint64_t filter[CD_WORD_FILTER_WORDS];
} cd_word_table;

/* The slice is an entry of the table, ASCII case folded. The filter is asked inline: a word it
 * turns away costs no call. */
bool cd_word_table_probe(const cd_word_table *t, const char *s, size_t n);
static inline bool cd_word_table_has(const cd_word_table *t, const char *s, size_t n) {
  if (n == 0) return false;
  uint32_t bit = cd_word_filter_bit(s, n);
  return (t->filter[bit / 64] >> (bit % 64) & 1) && cd_word_table_probe(t, s, n);
}

/* A common lower-case English word ("however", "trump"); slice of any case. */
bool cd_is_common_word(const char *s, size_t n);
/* Abbreviations after which a full stop does not end a sentence ("Mr", "Sen", "Jan"). */
bool cd_is_abbreviation(const char *s, size_t n);
/* Courtesy titles: Mr, Mrs, Ms, Miss, Dr, Mx (with or without a full stop handled by caller). */
bool cd_is_courtesy_title(const char *s, size_t n);
/* Job and rank titles that may precede a name: President, Senator, Gen, Chancellor ... */
bool cd_is_job_title(const char *s, size_t n);
/* Days, months, and other capitalised words that are never names. */
bool cd_is_calendar_word(const char *s, size_t n);
/* A nationality, region or faith (demonyms.txt, or a word in -ian, -ese, -ish, -iot), singular or
 * plural ("Mexicans"), or the last part of a compound ("African-Americans"). `allcaps`: the word
 * is set in capitals (then only the list counts, and "US" may be one). */
bool cd_is_demonym(const char *s, size_t n, bool allcaps);
/* Pronouns that can be a speaker: he, she, they, it, we, I. */
bool cd_is_pronoun(const char *s, size_t n);
/* A pronoun with a verb glued on: "He'd", "she’ll", "They're". */
bool cd_is_contracted_pronoun(const char *s, size_t n);

#endif
