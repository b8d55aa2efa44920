#include "vec.h"

#include <stdlib.h>
#include <string.h>

void cd_vec_init(cd_vec *v, size_t elem) {
  v->data = NULL;
  v->len = v->cap = 0;
  v->elem = elem;
}

void cd_vec_free(cd_vec *v) {
  free(v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

void cd_vec_reserve(cd_vec *v, size_t n) {
  if (n <= v->cap) return;
  /* an empty table has nothing to move: a realloc that cannot grow in place would copy its old
   * room all the same (a keystroke's tokens, reserved twice, came to a copy of 200 KB) */
  if (!v->len) {
    free(v->data);
    v->data = NULL;
    v->cap = 0;
  }
  void *p = realloc(v->data, n * v->elem);
  if (!p) abort();
  v->data = p;
  v->cap = n;
}

void cd_vec_reserve_more(cd_vec *v, size_t extra) {
  if (extra <= v->cap - v->len) return;
  size_t doubled = v->cap ? v->cap * 2 : 16;
  cd_vec_reserve(v, v->len + extra > doubled ? v->len + extra : doubled);
}

void *cd_vec_push(cd_vec *v) {
  void *e = cd_vec_push_raw(v);
  memset(e, 0, v->elem);
  return e;
}

void cd_vec_shrink(cd_vec *v) {
  if (v->cap == v->len) return;
  if (v->len == 0) {
    cd_vec_free(v);
    return;
  }
  void *p = realloc(v->data, v->len * v->elem);
  if (!p) return; /* keeping the larger block is fine */
  v->data = p;
  v->cap = v->len;
}
