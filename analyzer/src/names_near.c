#include "names_near.h"

#include <string.h>

#include "copydesk/analyzer.h"
#include "namekey.h"

typedef struct near_link {
  size_t id;
  size_t next; /* CD_NONE at the end */
} near_link;

enum { NEAR_MAX = 32 };

void cd_near_init(cd_near_index *ix, cd_arena *arena) {
  cd_strmap_init(&ix->heads, arena);
  cd_vec_init(&ix->links, sizeof(near_link));
}

void cd_near_free(cd_near_index *ix) {
  cd_strmap_free(&ix->heads);
  cd_vec_free(&ix->links);
}

static void put(cd_near_index *ix, const char *variant, size_t id) {
  size_t head = cd_strmap_get(&ix->heads, variant);
  /* the same key yields some variants twice ("anna" minus either n): keep one link */
  if (head != CD_NONE && CD_VEC_AT(&ix->links, near_link, head)->id == id) return;
  near_link *l = cd_vec_push(&ix->links);
  l->id = id;
  l->next = head;
  cd_strmap_put(&ix->heads, variant, ix->links.len - 1);
}

/* Calls put or collects for the key and every one- and two-byte deletion of it. */
typedef void (*variant_fn)(void *ctx, const char *variant);

static void each_variant(const char *key, variant_fn fn, void *ctx) {
  size_t n = strlen(key);
  char buf[NEAR_MAX + 1];
  if (n > NEAR_MAX) return;
  fn(ctx, key);
  for (size_t i = 0; i < n; i++) {
    memcpy(buf, key, i);
    memcpy(buf + i, key + i + 1, n - i); /* includes the NUL */
    fn(ctx, buf);
    for (size_t j = i; j + 1 < n; j++) {
      char buf2[NEAR_MAX + 1];
      memcpy(buf2, buf, j);
      memcpy(buf2 + j, buf + j + 1, n - 1 - j);
      fn(ctx, buf2);
    }
  }
}

typedef struct add_ctx {
  cd_near_index *ix;
  size_t id;
} add_ctx;

static void add_one(void *ctx, const char *variant) {
  add_ctx *a = ctx;
  put(a->ix, variant, a->id);
}

void cd_near_add(cd_near_index *ix, const char *key, size_t id) {
  if (strlen(key) < 5) return;
  add_ctx a = {ix, id};
  each_variant(key, add_one, &a);
}

/* A key with more near neighbours than this is in a crowd of similar names (a list of codes, a
 * table): no single one of them is "the" intended spelling, and the work per key stays bounded. */
enum { NEAR_CROWD = 16 };

typedef struct find_ctx {
  const cd_near_index *ix;
  cd_vec *out;
  size_t from; /* ids collected by this call start here */
  bool crowded;
} find_ctx;

static void find_one(void *ctx, const char *variant) {
  find_ctx *f = ctx;
  if (f->crowded) return;
  for (size_t l = cd_strmap_get(&f->ix->heads, variant); l != CD_NONE;
       l = CD_VEC_AT(&f->ix->links, near_link, l)->next) {
    if (f->out->len - f->from > NEAR_CROWD) {
      f->crowded = true;
      f->out->len = f->from;
      return;
    }
    size_t id = CD_VEC_AT(&f->ix->links, near_link, l)->id;
    bool seen = false;
    for (size_t k = f->from; k < f->out->len && !seen; k++) seen = *CD_VEC_AT(f->out, size_t, k) == id;
    if (!seen) *(size_t *)cd_vec_push(f->out) = id;
  }
}

void cd_near_candidates(const cd_near_index *ix, const char *key, cd_vec *out) {
  if (strlen(key) < 5) return;
  find_ctx f = {ix, out, out->len, false};
  each_variant(key, find_one, &f);
}

static bool ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static const char *const SUFFIXES[] = {"s", "es", "n", "an", "ian", "i", "is", "ese", "ans", "ns", "ish", "e", NULL};

static const char *const GENDERED[][2] = {{"ski", "ska"}, {"cki", "cka"}, {"dzki", "dzka"}, {"ov", "ova"},
                                          {"ev", "eva"},   {"in", "ina"},   {"sky", "ska"},   {"y", "a"},
                                          {"ow", "owa"},   {"ovic", "ovica"}};

bool cd_spelling_explained(const char *a, const char *b) {
  if (strcmp(cd_rename_key(a), cd_rename_key(b)) == 0) return true; /* "Mysore", "Mysuru": a renaming */
  size_t an = strlen(a), bn = strlen(b);
  if (an > bn) {
    const char *t = a;
    a = b;
    b = t;
    size_t tn = an;
    an = bn;
    bn = tn;
  }
  /* b = a + suffix */
  if (memcmp(a, b, an) == 0)
    for (const char *const *s = SUFFIXES; *s; s++)
      if (strcmp(b + an, *s) == 0) return true;
  /* a common stem with gendered endings */
  for (size_t g = 0; g < sizeof GENDERED / sizeof GENDERED[0]; g++) {
    for (int flip = 0; flip < 2; flip++) {
      const char *x = GENDERED[g][flip], *y = GENDERED[g][!flip];
      size_t xn = strlen(x), yn = strlen(y);
      if (ends_with(a, an, x) && ends_with(b, bn, y) && an - xn == bn - yn && an - xn >= 3 &&
          memcmp(a, b, an - xn) == 0)
        return true;
    }
  }
  return false;
}
