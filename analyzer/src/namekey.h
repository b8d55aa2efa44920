/* Comparison keys for names: case-folded, diacritics and punctuation dropped, so
 * "U.S." = "US", "Erdoğan" = "Erdogan", "Jong-un" = "Jong Un", "Łukasz" = "Lukasz". */
#ifndef CD_NAMEKEY_H
#define CD_NAMEKEY_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strmap.h"

/* The key of text[0..n) in the arena; "" when nothing is left. */
char *cd_name_key(cd_arena *arena, const char *text, size_t n);
/* The same key, interned in `keys` (its copy lives in the map's arena; never to be written):
 * an article names the same people again and again, and one copy a key keeps that small. */
const char *cd_name_key_in(cd_strmap *keys, const char *text, size_t n);
/* The key of text[0..n) as interned in `keys`, or NULL when it is not: a text whose key was never
 * interned names nothing asked about so far. An ASCII text is looked up without adding its key
 * (the common case: every capitalised word of an article is asked about); another is interned. */
const char *cd_name_key_known(cd_strmap *keys, const char *text, size_t n);
/* The texts whose key is folded in place, byte by byte (cd_name_key_fold_ascii into a buffer of
 * CD_NAME_KEY_ASCII_MAX bytes), and which cd_name_key_known looks up without interning: ASCII and
 * shorter than that. */
enum { CD_NAME_KEY_ASCII_MAX = 128 };
bool cd_name_key_is_ascii(const char *text, size_t n);
/* The key of ASCII text[0..n) into out (n bytes at most), not NUL-ended; returns its length. */
size_t cd_name_key_fold_ascii(char *out, const char *text, size_t n);
/* The canonical key for a built-in alias ("usa" -> "unitedstates"), or the key itself. */
const char *cd_alias_key(const char *key);
/* True when the key is a built-in alias or canonical key of a country or organisation. */
bool cd_alias_known(const char *key);

/* A place's current name for a former one ("bangalore" -> "bengaluru", "kiev" -> "kyiv"), or the key. */
const char *cd_rename_key(const char *key);
/* True when the key is a former or current name in that table. */
bool cd_is_renamed(const char *key);

/* Optimal-string-alignment distance (Damerau: adjacent transpositions count 1) between two byte
 * strings; anything above `limit` is returned as limit + 1. */
size_t cd_edit_distance(const char *a, size_t an, const char *b, size_t bn, size_t limit);
/* Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to four characters). */
double cd_jaro_winkler(const char *a, size_t an, const char *b, size_t bn);
/* A near-miss spelling pair: both keys 5+ bytes and either the same first letter and edit distance
 * <= 2, or Jaro-Winkler >= 0.92. Identical keys are no near miss. */
bool cd_near_miss(const char *a, const char *b);

#endif
