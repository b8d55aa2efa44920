/* A copy of a list of strings (the name keys a kept index was made from), to tell whether the
 * next version asks for the very same list. */
#ifndef CD_KEYLIST_H
#define CD_KEYLIST_H
#include <stdbool.h>
#include <stddef.h>

#include "vec.h"

typedef struct cd_keylist {
  cd_vec bytes; /* char: the strings one after another, each NUL-ended */
  size_t n;
  bool have;
} cd_keylist;

void cd_keylist_init(cd_keylist *l);
void cd_keylist_free(cd_keylist *l);
/* Is keys[0, n) the list last set, string for string? */
bool cd_keylist_same(const cd_keylist *l, const char *const *keys, size_t n);
/* Copies keys[0, n). */
void cd_keylist_set(cd_keylist *l, const char *const *keys, size_t n);

#endif
