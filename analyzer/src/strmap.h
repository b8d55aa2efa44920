/* A string -> index hash map whose keys live in an arena: the caller's, or one of its own freed
 * with the map (a pass's scratch map then leaves nothing behind in the report's arena). */
#ifndef CD_STRMAP_H
#define CD_STRMAP_H
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* One slot: a probe reads one cache line, and the hash and length settle most probes without a
 * string compare. */
typedef struct cd_strmap_slot {
  const char *key; /* NULL: empty */
  size_t value;
  uint32_t hash;
  uint32_t len;
} cd_strmap_slot;

typedef struct cd_strmap {
  cd_strmap_slot *slots;
  size_t cap, len;
  cd_arena *arena;
  cd_arena *own; /* the map's own arena for the keys (arena NULL at init), made on first use */
} cd_strmap;

/* Keys are copied into `arena`, or into the map's own when it is NULL. */
void cd_strmap_init(cd_strmap *m, cd_arena *arena);
void cd_strmap_free(cd_strmap *m);
/* The value for key, or CD_NONE ((size_t)-1). */
size_t cd_strmap_get(const cd_strmap *m, const char *key);
/* Sets key (copied) to value. */
void cd_strmap_put(cd_strmap *m, const char *key, size_t value);
/* The same for a key given as n bytes (no NUL inside), e.g. a slice of the text. */
size_t cd_strmap_getn(const cd_strmap *m, const char *key, size_t n);
void cd_strmap_putn(cd_strmap *m, const char *key, size_t n, size_t value);
/* The map's own copy of the n bytes at key, or NULL when absent (nothing is added). */
const char *cd_strmap_key(const cd_strmap *m, const char *key, size_t n);
/* The map's own copy of the key (added, with no value, when absent): equal keys share one copy. */
const char *cd_strmap_intern(cd_strmap *m, const char *key, size_t n);

#endif
