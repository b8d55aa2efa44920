/* A bump allocator: every string and array of one report lives in one arena, freed at once. */
#ifndef CD_ARENA_H
#define CD_ARENA_H
#include <stddef.h>
#include <string.h>

typedef struct cd_arena cd_arena;

cd_arena *cd_arena_new(void);
void cd_arena_free(cd_arena *arena);
/* Moves every block of `from` into `into` (freed with it) and frees `from`: what was allocated
 * in it stays where it is. */
void cd_arena_adopt(cd_arena *into, cd_arena *from);
/* Zeroed memory, aligned for any type. NULL when memory runs out. */
void *cd_arena_alloc(cd_arena *arena, size_t size);
char *cd_arena_strndup(cd_arena *arena, const char *s, size_t n);
char *cd_arena_strdup(cd_arena *arena, const char *s);
/* printf into the arena. */
char *cd_arena_printf(cd_arena *arena, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A piece of a string: n bytes at s (no NUL needed after them). */
typedef struct cd_piece {
  const char *s;
  size_t n;
} cd_piece;
/* A C string as a piece. */
static inline cd_piece cd_cstr_piece(const char *s) { return (cd_piece){s, strlen(s)}; }
/* The k pieces one after another, NUL-terminated: a message put together without a format string
 * (one a finding, per version of a document being edited). NULL when memory runs out. */
char *cd_arena_join(cd_arena *arena, const cd_piece *p, size_t k);
/* Copies `n` elements of `size` bytes. */
void *cd_arena_memdup(cd_arena *arena, const void *p, size_t size);

#endif
