/* Near-miss spelling candidates in linear time: every key is indexed under itself and each string
 * made by deleting one or two of its bytes (symmetric deletion), so two keys within edit distance
 * two share an index entry and no pair of keys is ever compared blindly. */
#ifndef CD_NAMES_NEAR_H
#define CD_NAMES_NEAR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vec.h"

/* Built once for a whole set of keys, then asked per key. The build sorts every key's variants by
 * hash, so its cost is one pass over the variants and no table is probed at random. */
typedef struct cd_near_index {
  size_t n;          /* keys */
  uint32_t *near;    /* the lists: key i's, of up to CD_NEAR_CROWD ids in the order they were met, */
  uint32_t *at;      /* is at near + at[i], or with `at` NULL at near + i * CD_NEAR_CROWD */
  uint8_t *count;    /* per key: how many of them are used, or CD_NEAR_CROWDED */
} cd_near_index;

/* A key with more near keys than this (itself included) is in a crowd of similar names (a list of
 * codes, a table): no single one of them is "the" intended spelling. */
enum { CD_NEAR_CROWD = 16, CD_NEAR_CROWDED = 0xFF };

/* Keys of 5 to 32 bytes are indexed; a key has at most CD_NEAR_VARIANTS_MAX variants. */
enum { CD_NEAR_MIN_KEY = 5, CD_NEAR_MAX_KEY = 32, CD_NEAR_VARIANTS_MAX = 1 + 32 + 32 * 31 / 2 };

void cd_near_init(cd_near_index *ix);
void cd_near_free(cd_near_index *ix);
/* How many variants a key of 5 to 32 bytes has: itself and its one- and two-byte deletions. */
size_t cd_near_variants(const char *key);
/* Indexes keys[i] (5 to 32 bytes) under i, and finds for every key of at least `query_min` bytes
 * (4 or 5; at most 32) the indexed keys that share a variant with it. A 4-byte key is asked only,
 * never indexed: it finds the keys one byte longer ("Tump" finds "Trump"). */
void cd_near_build(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min);
/* Up to this many variants (an article's names make a few thousand) the build makes each once and
 * keeps it in a table of about 24 bytes a variant; past it, it makes them twice and keeps only the
 * hashes met again, so that a text with millions of variants needs a bit or two for each. */
enum { CD_NEAR_ONE_PASS_MAX = 1 << 15 };
/* cd_near_build with the one-pass limit given: the index is the same either way (the tests build
 * both and compare). */
void cd_near_build_split(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min,
                         size_t one_pass_max);
/* cd_near_build for the keys with asked[i] only: their lists hold the same ids (in key order, which
 * may not be cd_near_build's), the other keys' are empty. Cheaper when few are asked. */
void cd_near_build_asked(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min, const bool *asked);
/* Appends to `out` (a vec of size_t) the ids of the keys near keys[id], each once, its own id
 * among them when it is indexed; nothing when it has more than a handful of such neighbours (a
 * crowd of similar names). */
void cd_near_candidates(const cd_near_index *ix, size_t id, cd_vec *out);

/* Writes the hashes of key[0, n) (n at most CD_NEAR_MAX_KEY) and of each of its one- and two-byte
 * deletions, the strings two keys must share to be near; returns how many. A hash stands for its
 * string: two keys that share one are candidates (a rare collision only adds one). */
size_t cd_near_hash_variants(const char *key, size_t n, uint32_t out[CD_NEAR_VARIANTS_MAX]);

/* Pairs of keys that are near in spelling but differ for a reason: a suffix ("Korea"/"Korean",
 * "Railway"/"Railways", "Israel"/"Israeli") or a gendered surname ending ("Kowalski"/"Kowalska",
 * "Ivanov"/"Ivanova"). */
bool cd_spelling_explained(const char *a, const char *b);

#endif
