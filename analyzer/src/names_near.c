#include "names_near.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"
#include "namekey.h"

typedef struct near_link {
  size_t id;
  size_t next; /* CD_NONE at the end */
} near_link;

enum { NEAR_MAX = 32 };

void cd_near_init(cd_near_index *ix) {
  memset(ix, 0, sizeof *ix);
  cd_vec_init(&ix->links, sizeof(near_link));
}

void cd_near_free(cd_near_index *ix) {
  free(ix->slots);
  cd_vec_free(&ix->links);
  memset(ix, 0, sizeof *ix);
}

/* FNV-1a, folded to 32 bits. Variants are told apart by hash alone: a collision only adds a
 * candidate, and callers check every candidate against the key itself. */
enum { FNV_PRIME = 1099511628211u };
static const uint64_t FNV_OFFSET = 1469598103934665603u;

static uint64_t feed(uint64_t h, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
  return h;
}

static uint32_t fold(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }

/* The slot of `h`: where it is, or the empty one where it would go. */
static size_t slot(const cd_near_index *ix, uint32_t h) {
  size_t i = h & (ix->cap - 1);
  while (ix->slots[i].head && ix->slots[i].hash != h) i = (i + 1) & (ix->cap - 1);
  return i;
}

/* Rehashes into a table of `cap` slots (a power of two). */
static void resize(cd_near_index *ix, size_t cap) {
  cd_near_slot *slots = calloc(cap, sizeof *slots);
  if (!slots) abort(); /* the library's out-of-memory policy inside a pass */
  cd_near_index bigger = *ix;
  bigger.slots = slots;
  bigger.cap = cap;
  for (size_t i = 0; i < ix->cap; i++)
    if (ix->slots[i].head) slots[slot(&bigger, ix->slots[i].hash)] = ix->slots[i];
  free(ix->slots);
  *ix = bigger;
}

size_t cd_near_variants(const char *key) {
  size_t n = strlen(key);
  return n < 5 || n > NEAR_MAX ? 0 : 1 + n + n * (n - 1) / 2;
}

void cd_near_reserve(cd_near_index *ix, size_t entries) {
  size_t cap = ix->cap ? ix->cap : 256;
  while ((ix->used + entries) * 2 > cap) cap *= 2;
  if (cap != ix->cap) resize(ix, cap);
}

/* Links `id` under `hash`; the caller has reserved room (cd_near_add). */
static void put(cd_near_index *ix, uint64_t hash, size_t id) {
  uint32_t h = fold(hash);
  cd_near_slot *sl = &ix->slots[slot(ix, h)];
  size_t head = sl->head ? sl->head - 1 : CD_NONE;
  /* the same key yields some variants twice ("anna" minus either n): keep one link */
  if (head != CD_NONE && CD_VEC_AT(&ix->links, near_link, head)->id == id) return;
  near_link *l = cd_vec_push(&ix->links);
  l->id = id;
  l->next = head;
  if (!sl->head) ix->used++;
  if (ix->links.len >= UINT32_MAX) abort(); /* four billion variants: no document gets here */
  sl->hash = h;
  sl->head = (uint32_t)ix->links.len; /* the new link's index + 1; 0 marks an empty slot */
}

static size_t first_link(const cd_near_index *ix, uint64_t hash) {
  if (!ix->cap) return CD_NONE;
  const cd_near_slot *sl = &ix->slots[slot(ix, fold(hash))];
  return sl->head ? sl->head - 1 : CD_NONE;
}

/* Calls put or collects with the hash of the key and of every one- and two-byte deletion of it,
 * each continued from the hash of the prefix it shares with the key. */
typedef void (*variant_fn)(void *ctx, uint64_t hash);

static void each_variant(const char *key, variant_fn fn, void *ctx) {
  size_t n = strlen(key);
  if (n > NEAR_MAX) return;
  uint64_t prefix[NEAR_MAX + 1];
  prefix[0] = FNV_OFFSET;
  for (size_t i = 0; i < n; i++) prefix[i + 1] = feed(prefix[i], key + i, 1);
  fn(ctx, prefix[n]);
  for (size_t i = 0; i < n; i++) {
    fn(ctx, feed(prefix[i], key + i + 1, n - i - 1)); /* without byte i */
    uint64_t h = prefix[i];                          /* key[0, i) then key(i, k) */
    for (size_t k = i + 1; k < n; k++) {
      fn(ctx, feed(h, key + k + 1, n - k - 1)); /* without bytes i and k */
      h = feed(h, key + k, 1);
    }
  }
}

typedef struct add_ctx {
  cd_near_index *ix;
  size_t id;
} add_ctx;

static void add_one(void *ctx, uint64_t hash) {
  add_ctx *a = ctx;
  put(a->ix, hash, a->id);
}

void cd_near_add(cd_near_index *ix, const char *key, size_t id) {
  if (strlen(key) < 5) return;
  cd_near_reserve(ix, cd_near_variants(key));
  add_ctx a = {ix, id};
  each_variant(key, add_one, &a);
}

void cd_near_add_all(cd_near_index *ix, const char *const *keys, size_t n) {
  size_t variants = 0;
  for (size_t i = 0; i < n; i++) variants += cd_near_variants(keys[i]);
  cd_near_reserve(ix, variants);
  for (size_t i = 0; i < n; i++) cd_near_add(ix, keys[i], i);
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

static void find_one(void *ctx, uint64_t hash) {
  find_ctx *f = ctx;
  if (f->crowded) return;
  for (size_t l = first_link(f->ix, hash); l != CD_NONE;
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

void cd_near_candidates(const cd_near_index *ix, const char *key, cd_vec *out) { cd_near_candidates_min(ix, key, 5, out); }

void cd_near_candidates_min(const cd_near_index *ix, const char *key, size_t min_len, cd_vec *out) {
  if (strlen(key) < min_len) return;
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
