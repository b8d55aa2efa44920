#include "keylist.h"

#include <string.h>

void cd_keylist_init(cd_keylist *l) {
  cd_vec_init(&l->bytes, 1);
  l->n = 0;
  l->have = false;
}

void cd_keylist_free(cd_keylist *l) { cd_vec_free(&l->bytes); }

bool cd_keylist_same(const cd_keylist *l, const char *const *keys, size_t n) {
  if (!l->have || l->n != n) return false;
  const char *kept = l->bytes.data;
  for (size_t i = 0; i < n; i++) { /* the buffer holds exactly n strings, each NUL-ended */
    if (strcmp(kept, keys[i]) != 0) return false;
    kept += strlen(kept) + 1;
  }
  return true;
}

void cd_keylist_set(cd_keylist *l, const char *const *keys, size_t n) {
  size_t size = 0;
  for (size_t i = 0; i < n; i++) size += strlen(keys[i]) + 1;
  cd_vec_reserve(&l->bytes, size + 1);
  char *to = l->bytes.data;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(keys[i]);
    memcpy(to, keys[i], len + 1);
    to += len + 1;
  }
  l->bytes.len = size;
  l->n = n;
  l->have = true;
}
