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
/* Appends one zeroed element and returns it. */
void *cd_vec_push(cd_vec *v);
#define CD_VEC_AT(v, T, i) (&((T *)(v)->data)[i])

#endif
