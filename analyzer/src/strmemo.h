/* A bounded memo from strings to values, in two generations: a lookup that hits the older one
 * copies the entry into the newer, and when the newer is full the older is dropped and the newer
 * takes its place. Memory stays at two generations' worth however long the memo is used, and
 * what the latest analyses asked survives a turnover (a memo emptied all at once would make the
 * next analysis ask everything again). */
#ifndef CD_STRMEMO_H
#define CD_STRMEMO_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strmap.h"

typedef struct cd_strmemo {
  cd_arena *arena[2]; /* [0] the newer generation, [1] the older */
  cd_strmap map[2];
  size_t limit; /* entries in one generation */
} cd_strmemo;

/* False when out of memory (then cd_strmemo_free is still safe). */
bool cd_strmemo_init(cd_strmemo *m, size_t limit);
void cd_strmemo_free(cd_strmemo *m);
/* The value kept for the n bytes at key (no NUL inside), or CD_NONE. */
size_t cd_strmemo_get(cd_strmemo *m, const char *key, size_t n);
void cd_strmemo_put(cd_strmemo *m, const char *key, size_t n, size_t value);

#endif
