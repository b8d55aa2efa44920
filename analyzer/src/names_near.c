#include "names_near.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"
#include "namekey.h"

enum { NEAR_MAX = CD_NEAR_MAX_KEY, NEAR_MIN = CD_NEAR_MIN_KEY };
static const uint32_t Q_ONLY = 0x80000000u;

void cd_near_init(cd_near_index *ix) { memset(ix, 0, sizeof *ix); }

void cd_near_free(cd_near_index *ix) {
  free(ix->near);
  free(ix->at);
  free(ix->count);
  memset(ix, 0, sizeof *ix);
}

/* A polynomial hash, so that the hash of a key without one or two of its bytes is a few products
 * of its prefix's and suffix's hashes, then mixed and folded to 32 bits. Variants are told apart by
 * hash alone: a collision only adds a candidate, and callers check every candidate against the key
 * itself. */
static const uint64_t POLY = 1099511628211u;

/* One fold and one product, whose top half depends on every bit of h: the index reads a hash's
 * top bits first (bucket, then slot), and a text with many names makes millions of variants, so a
 * longer finaliser is a fifth of the index's cost for no fewer collisions that matter. */
static uint32_t mix(uint64_t h) {
  h ^= h >> 32;
  h *= 0x9e3779b97f4a7c15u;
  return (uint32_t)(h >> 32);
}

static size_t variants_of_len(size_t n) { return 1 + n + n * (n - 1) / 2; }

size_t cd_near_variants(const char *key) {
  size_t n = strlen(key);
  return n < NEAR_MIN || n > NEAR_MAX ? 0 : variants_of_len(n);
}

enum { VARIANTS_MAX = CD_NEAR_VARIANTS_MAX };

/* POLY^i for i up to NEAR_MAX, so that a key's hashes need no chain of products to find them. */
static const uint64_t POWER[NEAR_MAX + 1] = {
    0x0000000000000001u, 0x00000100000001b3u, 0x000366000002e329u, 0x08a97b0004e7feabu, 0x9ffaac085635bc91u,
    0x0caee32a7d4f6a63u, 0xdc966432edf1c639u, 0xc5527b8a51d3d2dbu, 0x1efac7090aef4a21u, 0x936a555d949af613u,
    0x18a5210383502249u, 0x30b961f8212a420bu, 0xf54383a05ace38b1u, 0x8ff15a7a4c6a54c3u, 0x017180cfd8ae0759u,
    0x21e53a2d2fb67c3bu, 0x4efe15c813151841u, 0x4ed743f86cd83673u, 0xcffef220f3648569u, 0xd2bad6fd93ceb16bu,
    0xe22cbbe2283778d1u, 0x897c124a56424b23u, 0xe01e375092a5ac79u, 0x790476e92f84119bu, 0x26a7a93bbd69ea61u,
    0x18cef182daf942d3u, 0x20e7345a158c8c89u, 0x756a7e129dd2cccbu, 0x56c104a22d31fcf1u, 0x9bf7d092cbf0cd83u,
    0xf6e4ec708a2d3599u, 0xb4335c3acad212fbu, 0x0558b2e6a2f64081u,
};

/* Each variant's hash is the hash of what precedes the gap, shifted past what follows it, plus the
 * hash of what follows: H(x y) = H(x) * POLY^|y| + H(y). Without byte j that is
 *   A[j] = H(key[0, j)) * POLY^(n-j-1) + H(key(j, n)),
 * and without bytes i < j too, since H(key[0, i) key(i, j)) = H(key[0, j)) - (H(key[0, i]) -
 * H(key[0, i))) * POLY^(j-i-1), it is A[j] - B[i] with
 *   B[i] = (H(key[0, i]) - H(key[0, i))) * POLY^(n-i-2):
 * one subtraction each (modulo 2^64, as every product here), no product chained to the one before. */
size_t cd_near_hash_variants(const char *key, size_t n, uint32_t out[CD_NEAR_VARIANTS_MAX]) {
  uint64_t suffix[NEAR_MAX + 1], a[NEAR_MAX], b[NEAR_MAX], prefix = 0; /* prefix: H(key[0, j)) */
  suffix[n] = 0; /* suffix[i]: H(key[i, n)) */
  for (size_t i = n; i-- > 0;) suffix[i] = (unsigned char)key[i] * POWER[n - 1 - i] + suffix[i + 1];
  for (size_t j = 0; j < n; j++) {
    a[j] = prefix * POWER[n - j - 1] + suffix[j + 1];
    uint64_t next = prefix * POLY + (unsigned char)key[j];
    if (j + 1 < n) b[j] = (next - prefix) * POWER[n - j - 2];
    prefix = next;
  }
  size_t k = 0;
  out[k++] = mix(prefix);
  for (size_t i = 0; i < n; i++) {
    out[k++] = mix(a[i]); /* without byte i */
    for (size_t j = i + 1; j < n; j++) out[k++] = mix(a[j] - b[i]); /* without bytes i and j */
  }
  return k;
}

static void *alloc_or_abort(size_t n, size_t size) {
  void *p = malloc((n ? n : 1) * size);
  if (!p) abort(); /* the library's out-of-memory policy inside a pass */
  return p;
}

/* Which variant hashes are met more than once. A hash met once is a group of one entry, which
 * meets nobody: most variants are such (a name's deletions seldom spell another's), so they are
 * not stored at all. Two bit sets over the hash folded to its top bits (`shift`): `once` marks a
 * slot met, `twice` one met again. A fold that merges two hashes only keeps an entry that meets
 * nobody; it never drops one that does, so the index is the same. While marking, each word of
 * `once` sits beside the same word of `twice` (`marks`), so that a mark touches one cache line,
 * not two: the sets of a text with many names are megabytes, read in random order.
 * A slot is the hash's top bits, so all the hashes folded into one slot share their top `bucket`
 * bits, the bucket they are kept in: marking counts each bucket's kept entries exactly (two when a
 * slot is met again, one more each later time), and the variants need not be made a third time to
 * count them. */
typedef struct repeats {
  uint64_t *marks; /* once and twice interleaved, word by word, while marking */
  uint64_t *twice;
  unsigned shift;  /* 32 less the slots' bits, which are at least `bucket` */
  unsigned bucket; /* the hash's top bits that name an entry's bucket; they also bound its id */
} repeats;

static bool repeated(const repeats *r, uint32_t h) {
  uint32_t b = h >> r->shift;
  return (r->twice[b / 64] >> (b % 64)) & 1u;
}

/* A kept variant in 32 bits: its bucket holds the hash's top `bucket` bits, so the entry needs only
 * the rest of the hash, above the key's id twice over plus one if it is asked only. Sorting a
 * bucket's entries as numbers then sorts them by hash and, within a hash, by key, as they were
 * placed: a text with many names keeps millions of them, and half the bytes is half its peak. */
static uint32_t packed(const repeats *r, uint32_t h, uint32_t id) {
  uint32_t key = (id & ~Q_ONLY) << 1 | (id & Q_ONLY ? 1u : 0u);
  return (uint32_t)((uint64_t)h << r->bucket) | key;
}

static uint32_t unpacked_id(const repeats *r, uint32_t e) {
  uint32_t key = e & (((uint32_t)1 << r->bucket) - 1);
  return key >> 1 | (key & 1 ? Q_ONLY : 0);
}

/* The variants of every key that is asked and whose hash `r` says is repeated, bucketed by the top
 * bits of their hash, each bucket in key order. With `e` NULL marks `r` and counts them: at[b + 1]
 * is then bucket b's size. */
static void bucket_variants(const char *const *keys, size_t n, size_t query_min, const repeats *r, uint32_t *e,
                            uint32_t *at) {
  uint32_t hv[VARIANTS_MAX];
  unsigned to_bucket = 32 - r->bucket;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(keys[i]);
    if (len < query_min || len > NEAR_MAX) continue;
    uint32_t id = (uint32_t)i | (len < NEAR_MIN ? Q_ONLY : 0);
    size_t k = cd_near_hash_variants(keys[i], len, hv);
    for (size_t v = 0; v < k; v++) {
      if (!e) { /* marking */
        uint32_t b = hv[v] >> r->shift;
        uint64_t bit = (uint64_t)1 << (b % 64), *w = &r->marks[2 * (b / 64)];
        if (w[0] & bit) {
          at[(hv[v] >> to_bucket) + 1] += w[1] & bit ? 1 : 2;
          w[1] |= bit;
        }
        w[0] |= bit;
      } else if (repeated(r, hv[v])) {
        e[at[hv[v] >> to_bucket]++] = packed(r, hv[v], id);
      }
    }
  }
}

static int u32_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Sorts a bucket's packed entries. A bucket holds a handful, placed in key order, and one hash met
 * by many keys comes in sorted already: an insertion sort is linear on both. */
static void sort_bucket(uint32_t *e, size_t n) {
  if (n > 64) {
    qsort(e, n, sizeof *e, u32_cmp); /* equal entries are the same key's: no order to keep */
    return;
  }
  for (size_t i = 1; i < n; i++) {
    uint32_t x = e[i];
    size_t j = i;
    for (; j > 0 && e[j - 1] > x; j--) e[j] = e[j - 1];
    e[j] = x;
  }
}

/* The near lists while they are built. The one-pass build's few keys have sixteen slots each, from
 * the start. In the two-pass build each key's list is a block of 2, 4, 8 or 16 ids in `ix->near` (a
 * block of class k holds 2 << k), moved to one twice as big when full and given back when its key
 * is crowded: a text with many names has most keys crowded or near one or two others, and sixteen
 * slots a key were the index's biggest table after its entries. Free blocks of a class are chained
 * through their first id (1 + the next's place, 0 at the end). */
typedef struct lists {
  cd_near_index *ix;
  size_t len, cap;  /* ids of ix->near in blocks, and room */
  uint32_t free[4]; /* per class: 1 + the first free block's place, or 0 */
} lists;

static unsigned class_of(size_t count) { return count <= 2 ? 0 : count <= 4 ? 1 : count <= 8 ? 2 : 3; }

static uint32_t block_new(lists *l, unsigned k) {
  if (l->free[k]) {
    uint32_t at = l->free[k] - 1;
    l->free[k] = l->ix->near[at];
    return at;
  }
  size_t size = (size_t)2 << k;
  if (l->len + size > l->cap) {
    while (l->len + size > l->cap) l->cap *= 2;
    if (l->cap > UINT32_MAX) abort(); /* four billion listed ids: no document gets here */
    uint32_t *p = realloc(l->ix->near, l->cap * sizeof *p);
    if (!p) abort(); /* the library's out-of-memory policy inside a pass */
    l->ix->near = p;
  }
  l->len += size;
  return (uint32_t)(l->len - size);
}

static void block_free(lists *l, unsigned k, uint32_t at) {
  l->ix->near[at] = l->free[k];
  l->free[k] = at + 1;
}

/* Key q is in a crowd: its list is never read again. */
static void crowded(lists *l, size_t q) {
  uint8_t *c = &l->ix->count[q];
  if (*c == CD_NEAR_CROWDED) return;
  if (*c) block_free(l, class_of(*c), l->ix->at[q]);
  *c = CD_NEAR_CROWDED;
}

/* Gives key q's list, of `count` ids, a block with room for one more: its first, or one twice as
 * big when it is full. */
static uint32_t *grown(lists *l, size_t q, size_t count) {
  cd_near_index *ix = l->ix;
  if (count == 0) {
    ix->at[q] = block_new(l, 0);
  } else if ((count & (count - 1)) == 0 && count >= 2) {
    uint32_t from = ix->at[q], to = block_new(l, class_of(count) + 1);
    memcpy(&ix->near[to], &ix->near[from], count * sizeof *ix->near);
    block_free(l, class_of(count), from);
    ix->at[q] = to;
  }
  return &ix->near[ix->at[q]];
}

/* Adds the indexed ids of one hash group (ids with Q_ONLY, in key order) to the lists of every key
 * in it. `fixed`: each key has its sixteen slots from the start (an article's few keys), and no
 * block is made, moved or given back. */
__attribute__((always_inline)) static inline void meet_in(lists *l, const uint32_t *g, size_t gn, bool fixed) {
  if (g[0] == g[gn - 1]) return; /* one key's own variants (ids ascend): it has itself already */
  cd_near_index *ix = l->ix;
  uint32_t ids[CD_NEAR_CROWD];
  size_t d = 0;
  bool crowd = false;
  for (size_t i = 0; i < gn && !crowd; i++) {
    if (g[i] & Q_ONLY || (i && g[i] == g[i - 1])) continue;
    if (d == CD_NEAR_CROWD) crowd = true;
    else ids[d++] = g[i];
  }
  if (!d) return;
  for (size_t i = 0; i < gn; i++) {
    if (i && g[i] == g[i - 1]) continue;
    size_t q = g[i] & ~Q_ONLY, c = ix->count[q];
    if (c == CD_NEAR_CROWDED) continue;
    if (crowd) {
      if (fixed) ix->count[q] = CD_NEAR_CROWDED;
      else crowded(l, q);
      continue;
    }
    uint32_t *list = &ix->near[fixed ? q * CD_NEAR_CROWD : ix->at[q]];
    size_t k = 0;
    for (; k < d; k++) {
      bool have = false;
      for (size_t x = 0; x < c && !have; x++) have = list[x] == ids[k];
      if (have) continue;
      if (c == CD_NEAR_CROWD) break;
      if (!fixed && (c & (c - 1)) == 0 && c != 1) list = grown(l, q, c); /* none yet, or full */
      list[c++] = ids[k];
    }
    ix->count[q] = k < d ? CD_NEAR_CROWDED : (uint8_t)c;
    if (k < d && !fixed) block_free(l, class_of(c), ix->at[q]);
  }
}

static void meet_fixed(lists *l, const uint32_t *g, size_t gn) { meet_in(l, g, gn, true); }
static void meet(lists *l, const uint32_t *g, size_t gn) { meet_in(l, g, gn, false); }

/* The one-pass build, for a set of keys whose variants fit a small table (an article's names): each
 * variant is made once and looked up in an open-addressed table of hashes, which keeps for each hash
 * the last key that made it and, once a second key makes it, the list of every key that did (in key
 * order). Those hashes are then met in ascending order, as the sorted buckets meet them: the same
 * lists, in the same order. Only a bit set of used slots is zeroed, not the slots: zeroing a table
 * of some ten bytes a variant costs more than making the variants. */
typedef struct one_slot {
  uint32_t hash;
  uint32_t id;    /* the last key that made the hash */
  uint32_t chain; /* 1 + its last link once two keys made it, else 0 */
} one_slot;

typedef struct one_link {
  uint32_t id, prev; /* prev: 1 + the link before, 0 at the first */
} one_link;

typedef struct one_meeting {
  uint32_t hash, slot;
} one_meeting;

static int meeting_cmp(const void *a, const void *b) {
  uint32_t x = ((const one_meeting *)a)->hash, y = ((const one_meeting *)b)->hash;
  return (x > y) - (x < y);
}

static void build_one_pass(lists *out, const char *const *keys, size_t n, size_t query_min, size_t variants) {
  unsigned bits = 4;
  while (((size_t)1 << bits) < 2 * variants) bits++;
  size_t mask = ((size_t)1 << bits) - 1;
  one_slot *t = alloc_or_abort(mask + 1, sizeof *t);
  uint64_t *used = calloc((mask + 64) / 64, sizeof *used);
  if (!used) abort(); /* the library's out-of-memory policy inside a pass */
  cd_vec links, meetings;
  cd_vec_init(&links, sizeof(one_link));
  cd_vec_init(&meetings, sizeof(one_meeting));
  uint32_t hv[VARIANTS_MAX];
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(keys[i]);
    if (len < query_min || len > NEAR_MAX) continue;
    uint32_t id = (uint32_t)i | (len < NEAR_MIN ? Q_ONLY : 0);
    if (len >= NEAR_MIN) { /* every indexed key is near itself */
      out->ix->near[i * CD_NEAR_CROWD] = (uint32_t)i;
      out->ix->count[i] = 1;
    }
    size_t k = cd_near_hash_variants(keys[i], len, hv);
    for (size_t v = 0; v < k; v++) {
      size_t at = hv[v] >> (32 - bits);
      while ((used[at / 64] >> (at % 64) & 1) && t[at].hash != hv[v]) at = (at + 1) & mask;
      one_slot *x = &t[at];
      if (!(used[at / 64] >> (at % 64) & 1)) {
        used[at / 64] |= (uint64_t)1 << (at % 64);
        *x = (one_slot){hv[v], id, 0};
        continue;
      }
      if (x->id == id) continue; /* the key's own variant again ("aab" without either a) */
      if (!x->chain) {
        *(one_link *)cd_vec_push_raw(&links) = (one_link){x->id, 0};
        *(one_meeting *)cd_vec_push_raw(&meetings) = (one_meeting){hv[v], (uint32_t)at};
        x->chain = (uint32_t)links.len;
      }
      *(one_link *)cd_vec_push_raw(&links) = (one_link){id, x->chain};
      x->chain = (uint32_t)links.len;
      x->id = id;
    }
  }
  one_meeting *ms = meetings.data;
  if (meetings.len > 128) qsort(ms, meetings.len, sizeof *ms, meeting_cmp);
  else /* an article's few: an insertion sort costs less than the call */
    for (size_t a = 1; a < meetings.len; a++) {
      one_meeting x = ms[a];
      size_t b = a;
      for (; b > 0 && ms[b - 1].hash > x.hash; b--) ms[b] = ms[b - 1];
      ms[b] = x;
    }
  uint32_t few[64]; /* an article's groups are a few keys: no allocation for them */
  cd_vec group;
  cd_vec_init(&group, sizeof(uint32_t));
  for (size_t m = 0; m < meetings.len; m++) {
    const one_meeting *mt = CD_VEC_AT(&meetings, one_meeting, m);
    size_t gn = 0;
    for (uint32_t l = t[mt->slot].chain; l; l = CD_VEC_AT(&links, one_link, l - 1)->prev) gn++;
    if (gn > 64) cd_vec_reserve(&group, gn);
    uint32_t *g = gn > 64 ? group.data : few;
    size_t at = gn; /* the chain runs back: filled from the end, the group is in key order */
    for (uint32_t l = t[mt->slot].chain; l; l = CD_VEC_AT(&links, one_link, l - 1)->prev)
      g[--at] = CD_VEC_AT(&links, one_link, l - 1)->id;
    meet_fixed(out, g, gn);
  }
  cd_vec_free(&group);
  cd_vec_free(&meetings);
  cd_vec_free(&links);
  free(used);
  free(t);
}

/* The two-pass build, for many variants: they are made twice (marked and counted, then placed)
 * rather than stored, as a text with many names has millions of them. */
static void build_two_pass(lists *l, const char *const *keys, size_t n, size_t query_min, size_t variants) {
  repeats r;
  r.bucket = 8; /* enough bits for an entry's id (twice the key, and a flag), and at least a byte */
  while (((size_t)1 << r.bucket) < 2 * n) r.bucket++;
  size_t bits = 256;
  unsigned shift = 24;
  while ((bits < 2 * variants || 32 - shift < r.bucket) && shift > 0) bits *= 2, shift--;
  r.shift = shift;
  size_t buckets = (size_t)1 << r.bucket;
  r.marks = calloc(2 * (bits / 64), sizeof(uint64_t));
  r.twice = malloc(bits / 64 * sizeof(uint64_t));
  uint32_t *at = calloc(buckets + 1, sizeof *at);
  if (!r.marks || !r.twice || !at) abort(); /* the library's out-of-memory policy inside a pass */
  bucket_variants(keys, n, query_min, &r, NULL, at);
  for (size_t w = 0; w < bits / 64; w++) r.twice[w] = r.marks[2 * w + 1];
  free(r.marks);
  r.marks = NULL;
  size_t total = 0;
  for (size_t b = 1; b <= buckets; b++) {
    total += at[b];
    if (total > UINT32_MAX) abort(); /* four billion kept variants: no document gets here */
    at[b] = (uint32_t)total;
  }
  uint32_t *e = alloc_or_abort(total, sizeof *e);
  bucket_variants(keys, n, query_min, &r, e, at); /* leaves at[b] at bucket b's end */
  free(r.twice);
  uint32_t hash_of = ~(uint32_t)0 << r.bucket; /* an entry's bits that hold (part of) its hash */
  for (size_t b = 0, begin = 0; b < buckets; begin = at[b++]) {
    uint32_t *be = e + begin;
    size_t bn = at[b] - begin;
    sort_bucket(be, bn);
    for (size_t g = 0; g < bn;) {
      size_t h = g + 1;
      while (h < bn && (be[h] & hash_of) == (be[g] & hash_of)) h++;
      for (size_t x = g; x < h; x++) be[x] = unpacked_id(&r, be[x]);
      meet(l, be + g, h - g);
      g = h;
    }
  }
  free(at);
  free(e);
}

void cd_near_build_split(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min,
                         size_t one_pass_max) {
  cd_near_free(ix);
  if (n >= Q_ONLY / 2) abort(); /* a billion names (an entry holds twice the id): no document gets here */
  ix->n = n;
  size_t variants = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(keys[i]);
    if (len >= query_min && len <= NEAR_MAX) variants += variants_of_len(len);
  }
  bool one_pass = variants <= one_pass_max && variants < (size_t)1 << 28; /* its slots are a hash's top bits */
  lists l = {.ix = ix, .cap = one_pass ? (n ? n : 1) * CD_NEAR_CROWD : 2 * n + 64};
  ix->near = alloc_or_abort(l.cap, sizeof *ix->near);
  ix->count = calloc(n ? n : 1, sizeof *ix->count);
  if (!ix->count) abort(); /* the library's out-of-memory policy inside a pass */
  if (!one_pass) { /* the one-pass build lists each key itself as it meets it */
    ix->at = calloc(n ? n : 1, sizeof *ix->at);
    if (!ix->at) abort();
    for (size_t i = 0; i < n; i++) {
      size_t len = strlen(keys[i]);
      if (len < NEAR_MIN || len > NEAR_MAX) continue;
      *grown(&l, i, 0) = (uint32_t)i; /* every indexed key is near itself */
      ix->count[i] = 1;
    }
  }
  if (one_pass)
    build_one_pass(&l, keys, n, query_min, variants);
  else
    build_two_pass(&l, keys, n, query_min, variants);
}

void cd_near_build(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min) {
  cd_near_build_split(ix, keys, n, query_min, CD_NEAR_ONE_PASS_MAX);
}

/* The asked keys' variants, by hash: the build below looks every indexed key's variants up in it.
 * Open addressing over a power of two at least twice the variants; a slot's `head` is 1 + its last
 * link (0: empty), and each link names an asked key and the link before. */
typedef struct asked_slot {
  uint32_t hash, head;
} asked_slot;

typedef struct asked_link {
  uint32_t id, prev;
} asked_link;

/* The slot of hash h in the asked table of 1 << bits slots: its own, or the empty one where it
 * would go. */
static size_t asked_slot_of(const asked_slot *t, unsigned bits, uint32_t h) {
  size_t mask = ((size_t)1 << bits) - 1, at = h >> (32 - bits);
  while (t[at].head && t[at].hash != h) at = (at + 1) & mask;
  return at;
}

/* The asked keys' variants, against the index's: worth it when they are fewer (most of an
 * article's names are in the dictionary or named in full, and are never asked about), and kept to
 * a table the size of the one-pass build's. */
enum { ASKED_MAX = 4 * CD_NEAR_ONE_PASS_MAX };

void cd_near_build_asked(cd_near_index *ix, const char *const *keys, size_t n, size_t query_min, const bool *asked) {
  size_t all = 0, some = 0, n_asked = 0;
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(keys[i]);
    if (len < query_min || len > NEAR_MAX) continue;
    all += variants_of_len(len);
    if (asked[i]) some += variants_of_len(len), n_asked++;
  }
  if (n >= Q_ONLY / 2 || some > ASKED_MAX || 2 * some > all) { /* as many asked as not: the whole index */
    cd_near_build(ix, keys, n, query_min);
    return;
  }
  cd_near_free(ix);
  ix->n = n;
  ix->count = calloc(n ? n : 1, sizeof *ix->count);
  ix->at = calloc(n ? n : 1, sizeof *ix->at);
  ix->near = alloc_or_abort(n_asked * CD_NEAR_CROWD, sizeof *ix->near);
  if (!ix->count || !ix->at) abort(); /* the library's out-of-memory policy inside a pass */
  if (!n_asked) return; /* nobody asks: every list stays empty */
  unsigned bits = 4;
  while (((size_t)1 << bits) < 2 * some) bits++;
  asked_slot *t = calloc((size_t)1 << bits, sizeof *t);
  asked_link *links = alloc_or_abort(some, sizeof *links);
  if (!t) abort();
  size_t n_links = 0, place = 0;
  uint32_t hv[VARIANTS_MAX];
  for (size_t i = 0; i < n; i++) {
    size_t len = strlen(keys[i]);
    if (!asked[i] || len < query_min || len > NEAR_MAX) continue;
    ix->at[i] = (uint32_t)(place++ * CD_NEAR_CROWD);
    size_t k = cd_near_hash_variants(keys[i], len, hv);
    for (size_t v = 0; v < k; v++) {
      size_t at = asked_slot_of(t, bits, hv[v]);
      if (t[at].head && links[t[at].head - 1].id == i) continue; /* the key's own variant again */
      links[n_links] = (asked_link){(uint32_t)i, t[at].head};
      t[at] = (asked_slot){hv[v], (uint32_t)++n_links};
    }
  }
  /* every indexed key, in key order, joins the lists of the asked keys it shares a variant with:
   * each list holds the same ids as cd_near_build's, and is crowded past as many */
  for (size_t u = 0; u < n; u++) {
    size_t len = strlen(keys[u]);
    if (len < NEAR_MIN || len > NEAR_MAX) continue;
    size_t k = cd_near_hash_variants(keys[u], len, hv);
    for (size_t v = 0; v < k; v++) {
      size_t at = asked_slot_of(t, bits, hv[v]);
      for (uint32_t l = t[at].head; l; l = links[l - 1].prev) {
        uint32_t q = links[l - 1].id;
        uint8_t *c = &ix->count[q];
        uint32_t *list = &ix->near[ix->at[q]];
        if (*c == CD_NEAR_CROWDED || (*c && list[*c - 1] == u)) continue; /* met already */
        if (*c == CD_NEAR_CROWD) *c = CD_NEAR_CROWDED;
        else list[(*c)++] = (uint32_t)u;
      }
    }
  }
  free(links);
  free(t);
}

void cd_near_candidates(const cd_near_index *ix, size_t id, cd_vec *out) {
  if (id >= ix->n || ix->count[id] == CD_NEAR_CROWDED) return;
  const uint32_t *list = &ix->near[ix->at ? ix->at[id] : id * CD_NEAR_CROWD];
  for (size_t x = 0; x < ix->count[id]; x++) *(size_t *)cd_vec_push_raw(out) = list[x];
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
  /* Irish and Scottish Gaelic lenition: an "h" after the first consonant ("Pádraig", "Mac Giolla
   * Phádraig"; "Súilleabháin", "Ní Shúilleabháin") is the same name in another case */
  if (bn == an + 1 && an >= 3 && (b[1] == 'h' || b[1] == 'H') && a[0] == b[0] && memcmp(a + 1, b + 2, an - 1) == 0 &&
      strchr("bcdfgmpstBCDFGMPST", a[0]))
    return true;
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
