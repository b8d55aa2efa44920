/* Near-miss spelling candidates in linear time: every key is indexed under itself and each string
 * made by deleting one or two of its bytes (symmetric deletion), so two keys within edit distance
 * two share an index entry and no pair of keys is ever compared blindly. */
#ifndef CD_NAMES_NEAR_H
#define CD_NAMES_NEAR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vec.h"

typedef struct cd_near_slot {
  uint32_t hash; /* a variant's hash */
  uint32_t head; /* its first link + 1 (0: an empty slot) */
} cd_near_slot;

typedef struct cd_near_index {
  cd_near_slot *slots; /* open addressing, at most half full */
  size_t cap, used;
  cd_vec links; /* near_link */
} cd_near_index;

void cd_near_init(cd_near_index *ix);
void cd_near_free(cd_near_index *ix);
/* How many entries indexing `key` may add, and room for that many: a caller that reserves for all
 * its keys first spares the table its rehashes. */
size_t cd_near_variants(const char *key);
void cd_near_reserve(cd_near_index *ix, size_t entries);
/* Indexes `key` (5+ bytes, at most 32) under `id`. */
void cd_near_add(cd_near_index *ix, const char *key, size_t id);
/* Indexes keys[i] under i for all n, with room reserved once for all of them. */
void cd_near_add_all(cd_near_index *ix, const char *const *keys, size_t n);
/* Appends to `out` (a vec of size_t) the ids of keys that share a variant with `key`, each once;
 * nothing when the key has more than a handful of such neighbours (a crowd of similar names). */
void cd_near_candidates(const cd_near_index *ix, const char *key, cd_vec *out);
/* The same for a key of at least `min_len` bytes (at least 4): a shorter key finds the indexed keys
 * one byte longer ("Tump" finds "Trump"); keys under 5 bytes are never indexed themselves. */
void cd_near_candidates_min(const cd_near_index *ix, const char *key, size_t min_len, cd_vec *out);

/* Pairs of keys that are near in spelling but differ for a reason: a suffix ("Korea"/"Korean",
 * "Railway"/"Railways", "Israel"/"Israeli") or a gendered surname ending ("Kowalski"/"Kowalska",
 * "Ivanov"/"Ivanova"). */
bool cd_spelling_explained(const char *a, const char *b);

#endif
