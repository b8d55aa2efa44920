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
  void *p = realloc(v->data, n * v->elem);
  if (!p) abort();
  v->data = p;
  v->cap = n;
}

void *cd_vec_push(cd_vec *v) {
  if (v->len == v->cap) cd_vec_reserve(v, v->cap ? v->cap * 2 : 16);
  void *e = (char *)v->data + v->len * v->elem;
  memset(e, 0, v->elem);
  v->len++;
  return e;
}
