/* Slips of four-letter names ("Hlot", "Hollt", "Hol" for "Holt"): four-byte keys indexed under
 * themselves and each one-byte deletion, so that a key of three to five bytes one edit away finds
 * them. Kept apart from the near-miss index of longer keys (names_near.h), whose candidates the
 * many three-byte strings would crowd. */
#ifndef CD_NAMES_SHORT_H
#define CD_NAMES_SHORT_H
#include <stddef.h>

#include "arena.h"
#include "strmap.h"
#include "vec.h"

typedef struct cd_short_index {
  cd_strmap heads; /* variant -> its first link */
  cd_vec links;    /* short_link */
} cd_short_index;

/* Variants are copied into `arena`, which must outlive the index, or into the index's own (NULL). */
void cd_short_init(cd_short_index *ix, cd_arena *arena);
void cd_short_free(cd_short_index *ix);
/* Indexes `key` under `id` when it has four bytes; other keys are ignored. */
void cd_short_add(cd_short_index *ix, const char *key, size_t id);
/* Appends to `out` (a vec of size_t) the ids of the four-byte keys one edit from `key` (three to
 * five bytes) that `out` does not hold yet; nothing when there are more than a handful. */
void cd_short_candidates(const cd_short_index *ix, const char *key, cd_vec *out);

#endif
