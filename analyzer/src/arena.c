#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
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
  size_t next_cap; /* the next chunk's size: small first, doubling up to CHUNK_MAX */
};

/* A short text's report fits in the first small chunk: a server keeps one report per open
 * document, and a fixed 64 KB chunk made every tiny document cost ~18 KB of resident memory. */
enum { CHUNK_FIRST = 2 * 1024, CHUNK_MAX = 64 * 1024 };

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

void cd_arena_adopt(cd_arena *into, cd_arena *from) {
  if (!from) return;
  chunk *first = from->head, *last = first;
  free(from);
  if (!first) return;
  while (last->next) last = last->next;
  /* behind the chunk `into` allocates from, which stays its head */
  if (into->head) {
    last->next = into->head->next;
    into->head->next = first;
  } else {
    into->head = first;
  }
}

/* Memory the caller fills at once (strings, copies): not zeroed. `align` is a power of two up to
 * max_align_t's: strings take 1, so a report's many short texts are not each padded to 16 bytes. */
static void *alloc_aligned(cd_arena *arena, size_t size, size_t align) {
  if (size == 0) size = 1;
  chunk *c = arena->head;
  size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
  if (!c || at > c->cap || c->cap - at < size) {
    size_t step = arena->next_cap ? arena->next_cap : CHUNK_FIRST;
    if (step < CHUNK_MAX) arena->next_cap = step * 2;
    size_t cap = size > step ? size : step;
    c = malloc(sizeof(chunk) + cap);
    if (!c) return NULL;
    c->used = 0;
    c->cap = cap;
    c->next = arena->head;
    arena->head = c;
    at = 0;
  }
  void *p = c->data + at;
  c->used = at + size;
  return p;
}

static void *alloc_raw(cd_arena *arena, size_t size) { return alloc_aligned(arena, size, _Alignof(max_align_t)); }

void *cd_arena_alloc(cd_arena *arena, size_t size) {
  void *p = alloc_raw(arena, size);
  if (p) memset(p, 0, size);
  return p;
}

char *cd_arena_strndup(cd_arena *arena, const char *s, size_t n) {
  char *p = alloc_aligned(arena, n + 1, 1);
  if (!p) return NULL;
  if (n) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *cd_arena_join(cd_arena *arena, const cd_piece *p, size_t k) {
  size_t n = 0;
  for (size_t i = 0; i < k; i++) n += p[i].n;
  char *out = alloc_aligned(arena, n + 1, 1);
  if (!out) return NULL;
  for (size_t i = 0, at = 0; i < k; at += p[i].n, i++)
    if (p[i].n) memcpy(out + at, p[i].s, p[i].n);
  out[n] = '\0';
  return out;
}

char *cd_arena_strdup(cd_arena *arena, const char *s) { return cd_arena_strndup(arena, s, strlen(s)); }

void *cd_arena_memdup(cd_arena *arena, const void *p, size_t size) {
  void *q = alloc_raw(arena, size);
  if (q && size) memcpy(q, p, size);
  return q;
}

/* The directives the analyzer's messages use: %s, %.*s, %zu, %c and %%. glibc's vsnprintf costs a few
 * thousand instructions a call and there is a message per finding, so these are formatted here;
 * a format with any other directive goes to vsnprintf. Writes the first `cap` bytes at most (the
 * pieces that fit whole) to out. Returns the whole length, or -1 when the format needs vsnprintf. */
static long format_simple(char *out, size_t cap, const char *fmt, va_list ap) {
  size_t n = 0;
  char digits[24];
  for (const char *f = fmt; *f; f++) {
    const char *piece = f;
    size_t len = 1;
    if (*f != '%') { /* the text up to the next directive, in one piece */
      const char *pct = strchr(f, '%');
      len = pct ? (size_t)(pct - f) : strlen(f);
      f += len - 1;
    } else if (f[1] == '%') {
      f++;
    } else if (f[1] == 's') {
      f++;
      piece = va_arg(ap, const char *);
      len = strlen(piece);
    } else if (f[1] == '.' && f[2] == '*' && f[3] == 's') {
      f += 3;
      int w = va_arg(ap, int);
      piece = va_arg(ap, const char *);
      len = w > 0 ? strnlen(piece, (size_t)w) : 0;
    } else if (f[1] == 'c') {
      f++;
      digits[0] = (char)va_arg(ap, int);
      piece = digits;
    } else if (f[1] == 'z' && f[2] == 'u') {
      f += 2;
      size_t v = va_arg(ap, size_t);
      len = 0;
      do {
        digits[sizeof digits - 1 - len++] = (char)('0' + v % 10);
        v /= 10;
      } while (v);
      piece = digits + sizeof digits - len;
    } else {
      return -1;
    }
    if (n + len <= cap) memcpy(out + n, piece, len);
    n += len;
  }
  return (long)n;
}

char *cd_arena_printf(cd_arena *arena, const char *fmt, ...) {
  va_list ap;
  char buf[512]; /* a message fits: formatted once, then copied */
  va_start(ap, fmt);
  long n = format_simple(buf, sizeof buf, fmt, ap); /* -1: a directive only vsnprintf knows */
  va_end(ap);
  bool simple = n >= 0;
  if (!simple) {
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
  }
  char *p = alloc_aligned(arena, (size_t)n + 1, 1);
  if (!p) return NULL;
  p[n] = '\0';
  if (simple && (size_t)n <= sizeof buf) {
    memcpy(p, buf, (size_t)n);
    return p;
  }
  va_start(ap, fmt);
  if (simple)
    format_simple(p, (size_t)n, fmt, ap);
  else
    vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}
