#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
  struct chunk *next;
  size_t used, cap;
  _Alignas(max_align_t) unsigned char data[];
} chunk;

struct cd_arena {
  chunk *head;
};

enum { CHUNK_MIN = 64 * 1024 };

cd_arena *cd_arena_new(void) { return calloc(1, sizeof(cd_arena)); }

void cd_arena_free(cd_arena *arena) {
  if (!arena) return;
  chunk *c = arena->head;
  while (c) {
    chunk *next = c->next;
    free(c);
    c = next;
  }
  free(arena);
}

void *cd_arena_alloc(cd_arena *arena, size_t size) {
  const size_t align = _Alignof(max_align_t);
  size = (size + align - 1) & ~(align - 1);
  if (size == 0) size = align;
  chunk *c = arena->head;
  if (!c || c->cap - c->used < size) {
    size_t cap = size > CHUNK_MIN ? size : CHUNK_MIN;
    c = malloc(sizeof(chunk) + cap);
    if (!c) return NULL;
    c->used = 0;
    c->cap = cap;
    c->next = arena->head;
    arena->head = c;
  }
  void *p = c->data + c->used;
  c->used += size;
  memset(p, 0, size);
  return p;
}

char *cd_arena_strndup(cd_arena *arena, const char *s, size_t n) {
  char *p = cd_arena_alloc(arena, n + 1);
  if (p && n) memcpy(p, s, n);
  return p;
}

char *cd_arena_strdup(cd_arena *arena, const char *s) { return cd_arena_strndup(arena, s, strlen(s)); }

void *cd_arena_memdup(cd_arena *arena, const void *p, size_t size) {
  void *q = cd_arena_alloc(arena, size);
  if (q && size) memcpy(q, p, size);
  return q;
}

char *cd_arena_printf(cd_arena *arena, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return NULL;
  char *p = cd_arena_alloc(arena, (size_t)n + 1);
  if (!p) return NULL;
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}
