/* A near-miss index (names_near.h) kept from one version of a document to the next.
 *
 * cd_near_build indexes every key again; on a keystroke the list of keys is nearly the one before
 * (a letter typed into one name replaces one key). The kept index holds, per distinct key, the
 * other keys that share a variant with it, and a table of variant hashes; a new list adds and
 * removes the keys that came and went, and only the keys sharing a variant with those look for
 * their candidates again. It answers as cd_near_build over the same list would: the same
 * candidates for every key and the same crowds (the order of a key's candidates may differ; the
 * callers do not depend on it). */
#ifndef CD_NAMES_NEAR_KEPT_H
#define CD_NAMES_NEAR_KEPT_H
#include <stddef.h>

#include "names_near.h"

typedef struct cd_near_kept cd_near_kept;

/* An empty kept index whose lists are asked from keys of `query_min` bytes (4 or 5), as in
 * cd_near_build. NULL when out of memory. Freed with cd_near_kept_free. */
cd_near_kept *cd_near_kept_new(size_t query_min);
void cd_near_kept_free(cd_near_kept *k);
/* Brings `k` to keys[0, n) and returns the index cd_near_build(ix, keys, n, query_min) would give,
 * owned by `k` and valid until its next update. The same list as the last time costs a comparison. */
const cd_near_index *cd_near_kept_update(cd_near_kept *k, const char *const *keys, size_t n);

#endif
