/* A growable array of fixed-size elements. Out of memory aborts: the library's one policy for
 * allocation failure inside a pass, so no pass needs an error path for it. */
#ifndef CD_VEC_H
#define CD_VEC_H
#include <stddef.h>

typedef struct cd_vec {
  void *data;
  size_t len, cap, elem;
} cd_vec;

void cd_vec_init(cd_vec *v, size_t elem);
void cd_vec_free(cd_vec *v);
/* Makes room for at least n elements without moving them later (contents unchanged). Room that is
 * never used costs address space only: large blocks are mapped, and pages are touched on use. */
void cd_vec_reserve(cd_vec *v, size_t n);
/* Room for `extra` elements past len, growing to at least twice the capacity when it grows, so
 * that appending one at a time costs amortised constant time (contents unchanged). */
void cd_vec_reserve_more(cd_vec *v, size_t extra);
/* Appends one zeroed element and returns it. */
void *cd_vec_push(cd_vec *v);
/* Appends one element left as the allocator gave it and returns it, for a caller that writes all
 * of it: a table filled element by element in a hot loop need not zero each one first. */
static inline void *cd_vec_push_raw(cd_vec *v) {
  if (v->len == v->cap) cd_vec_reserve_more(v, 1);
  return (char *)v->data + v->len++ * v->elem;
}
/* Gives back the spare capacity (a kept report holds no room to grow). */
void cd_vec_shrink(cd_vec *v);
#define CD_VEC_AT(v, T, i) (&((T *)(v)->data)[i])

#endif
