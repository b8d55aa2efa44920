#include "names_short.h"

#include <stdbool.h>
#include <string.h>

#include "copydesk/analyzer.h"

typedef struct short_link {
  size_t id;
  size_t next; /* CD_NONE at the end */
} short_link;

/* More four-letter keys near one key than this: a crowd (a list of codes), no single intended one. */
enum { SHORT_CROWD = 16 };

void cd_short_init(cd_short_index *ix, cd_arena *arena) {
  cd_strmap_init(&ix->heads, arena);
  cd_vec_init(&ix->links, sizeof(short_link));
}

void cd_short_free(cd_short_index *ix) {
  cd_strmap_free(&ix->heads);
  cd_vec_free(&ix->links);
}

/* Calls fn with the key (n of 3 to 5 bytes) and each of its one-byte deletions. */
typedef void (*short_fn)(void *ctx, const char *variant, size_t n);

static void each_variant(const char *key, size_t n, short_fn fn, void *ctx) {
  char buf[8];
  fn(ctx, key, n);
  for (size_t i = 0; i < n; i++) {
    memcpy(buf, key, i);
    memcpy(buf + i, key + i + 1, n - i - 1);
    fn(ctx, buf, n - 1);
  }
}

typedef struct add_ctx {
  cd_short_index *ix;
  size_t id;
} add_ctx;

static void add_one(void *ctx, const char *v, size_t n) {
  add_ctx *a = ctx;
  size_t head = cd_strmap_getn(&a->ix->heads, v, n);
  /* the same key yields some deletions twice ("anna" minus either n): keep one link */
  if (head != CD_NONE && CD_VEC_AT(&a->ix->links, short_link, head)->id == a->id) return;
  short_link *l = cd_vec_push(&a->ix->links);
  l->id = a->id;
  l->next = head;
  cd_strmap_putn(&a->ix->heads, v, n, a->ix->links.len - 1);
}

void cd_short_add(cd_short_index *ix, const char *key, size_t id) {
  if (strlen(key) != 4) return;
  add_ctx a = {ix, id};
  each_variant(key, 4, add_one, &a);
}

typedef struct find_ctx {
  const cd_short_index *ix;
  cd_vec *out;
  size_t from, added;
  bool crowded;
} find_ctx;

static void find_one(void *ctx, const char *v, size_t n) {
  find_ctx *f = ctx;
  for (size_t l = cd_strmap_getn(&f->ix->heads, v, n); l != CD_NONE && !f->crowded;
       l = CD_VEC_AT(&f->ix->links, short_link, l)->next) {
    size_t id = CD_VEC_AT(&f->ix->links, short_link, l)->id;
    bool seen = false;
    for (size_t k = 0; k < f->out->len && !seen; k++) seen = *CD_VEC_AT(f->out, size_t, k) == id;
    if (seen) continue;
    if (++f->added > SHORT_CROWD) {
      f->crowded = true;
      f->out->len = f->from;
      return;
    }
    *(size_t *)cd_vec_push_raw(f->out) = id;
  }
}

void cd_short_candidates(const cd_short_index *ix, const char *key, cd_vec *out) {
  size_t n = strlen(key);
  if (n < 3 || n > 5) return;
  find_ctx f = {ix, out, out->len, 0, false};
  each_variant(key, n, find_one, &f);
}
