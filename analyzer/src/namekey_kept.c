/* Name keys kept across versions: an interned table whose keys carry the version that last asked
 * for them, and two span memos (this version's and the previous one's) told apart by a stamp, so
 * that neither is cleared between versions. */
#include "namekey_kept.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "copydesk/analyzer.h"
#include "namekey.h"
#include "strmap.h"
#include "vec.h"

typedef cd_kept_entry entry;

/* One memo slot: the span [start, start + n) of version `stamp` has the key entries[entry >> 1];
 * the low bit says whether the span's bytes are ASCII and under 128 (cd_name_key_known looks such
 * a key up without interning it). Stamp 0: empty. */
typedef struct slot {
  uint32_t start, n, stamp, entry;
} slot;

/* A slot's entry for a span whose key is in no table (it was only asked whether it is known). */
#define NO_ENTRY ((UINT32_MAX >> 1) - 1)

struct cd_keys_kept {
  cd_keys_kept_front f; /* the entries, this version's stamp and how many it stamped */
  cd_strmap keys;  /* key -> index in entries; the keys in the map's own arena */
  slot *memo[2];   /* by stamp parity: this version's and the previous one's */
  size_t mask[2];  /* slots - 1, or 0 without a table */
  uint32_t memo_stamp; /* this_memo sized the version's memo for memo_mentions mentions */
  size_t memo_mentions;
  bool shared;     /* the previous version's memo may be read */
  size_t prefix, suffix_from, old_len, len; /* the text shared with the previous version */
  size_t used_before; /* entries stamped by the previous version */
  uint32_t epoch;    /* how many times the table started over */
  cd_arena *scratch; /* this version's folds of non-ASCII spans */
  uint32_t *by_ptr;  /* entry + 1 by the address of its key (0: empty), at most half full */
  size_t ptr_mask;   /* slots - 1, or 0 without a table */
};

cd_keys_kept *cd_keys_kept_new(void) {
  cd_keys_kept *k = calloc(1, sizeof *k);
  if (!k) return NULL;
  cd_strmap_init(&k->keys, NULL);
  cd_vec_init(&k->f.entries, sizeof(entry));
  return k;
}

static void drop_memos(cd_keys_kept *k) {
  for (size_t i = 0; i < 2; i++) {
    free(k->memo[i]);
    k->memo[i] = NULL;
    k->mask[i] = 0;
  }
  k->memo_stamp = 0;
}

void cd_keys_kept_free(cd_keys_kept *k) {
  if (!k) return;
  free(k->by_ptr);
  cd_strmap_free(&k->keys);
  cd_vec_free(&k->f.entries);
  drop_memos(k);
  cd_arena_free(k->scratch);
  free(k);
}

/* Forgets every key (their copies too) and both memos. */
static void start_over(cd_keys_kept *k) {
  cd_strmap_free(&k->keys);
  cd_strmap_init(&k->keys, NULL);
  k->f.entries.len = 0;
  free(k->by_ptr);
  k->by_ptr = NULL;
  k->ptr_mask = 0;
  drop_memos(k);
  k->f.used = 0;
  k->f.stamp = 0;
  k->epoch++;
}

void cd_keys_kept_version(cd_keys_kept *k, bool shared, size_t prefix, size_t suffix, size_t old_len, size_t len) {
  k->used_before = k->f.used;
  k->f.used = 0;
  /* bounded: keys of words typed and gone pile up; once they are three in four, start over (the
   * next version folds its keys afresh, as a plain analysis does) */
  if (k->f.entries.len > 1024 && k->f.entries.len > 4 * k->used_before) {
    start_over(k);
    shared = false;
  }
  if (k->f.stamp >= UINT32_MAX - 1) { /* the stamps would wrap */
    start_over(k);
    shared = false;
  }
  k->f.stamp++;
  k->shared = shared && k->f.stamp > 1;
  k->prefix = prefix;
  k->suffix_from = len - suffix;
  k->old_len = old_len;
  k->len = len;
  if (k->scratch) {
    cd_arena_free(k->scratch);
    k->scratch = NULL;
  }
}

static size_t slot_index(size_t start, size_t n, size_t mask) {
  uint64_t h = ((uint64_t)start * 0x9e3779b97f4a7c15ull) ^ ((uint64_t)n * 0xc2b2ae3d27d4eb4full);
  return (size_t)(h ^ (h >> 29)) & mask;
}

/* This version's memo, eight slots per mention: the spans asked about are mentions, their words and
 * surnames, and every capitalised word (with four slots, a tenth of the keys the previous version
 * had were lost to collisions and folded again); at most 65,536 (1 MB). */
static slot *this_memo(cd_keys_kept *k, size_t n_mentions) {
  size_t t = k->f.stamp & 1;
  k->memo_stamp = k->f.stamp;
  k->memo_mentions = n_mentions;
  size_t cap = 256;
  while (cap < 8 * n_mentions && cap < ((size_t)1 << 16)) cap *= 2;
  if (!k->memo[t] || k->mask[t] + 1 < cap || k->mask[t] + 1 > 4 * cap) {
    free(k->memo[t]);
    k->memo[t] = calloc(cap, sizeof(slot));
    k->mask[t] = k->memo[t] ? cap - 1 : 0;
  }
  return k->memo[t];
}

/* The entry the previous version's memo gives the span (offset `start` in this version), with the
 * memo's ASCII bit, or UINT32_MAX. */
static uint32_t previous(const cd_keys_kept *k, size_t start, size_t n) {
  size_t t = (k->f.stamp - 1) & 1;
  if (!k->shared || !k->memo[t]) return UINT32_MAX;
  size_t os;
  if (start + n <= k->prefix)
    os = start;
  else if (start >= k->suffix_from)
    os = start - k->len + k->old_len;
  else
    return UINT32_MAX;
  const slot *s = &k->memo[t][slot_index(os, n, k->mask[t])];
  if (s->stamp != k->f.stamp - 1 || s->start != os || s->n != n) return UINT32_MAX;
  return s->entry;
}

static const char *stamped(cd_keys_kept *k, uint32_t e) {
  entry *x = CD_VEC_AT(&k->f.entries, entry, e);
  if (x->stamp != k->f.stamp) {
    x->stamp = k->f.stamp;
    k->f.used++;
  }
  return x->key;
}

static size_t ptr_slot(const char *key, size_t mask) {
  uint64_t h = (uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15ull;
  return (size_t)(h >> 32) & mask;
}

static void ptr_put(uint32_t *t, size_t mask, const char *key, uint32_t e) {
  size_t h = ptr_slot(key, mask);
  while (t[h]) h = (h + 1) & mask;
  t[h] = e + 1;
}

/* Indexes the newest entry by its key's address. False when out of memory. */
static bool index_newest(cd_keys_kept *k) {
  size_t n = k->f.entries.len;
  if (2 * n > k->ptr_mask) { /* at most half full: rebuild twice the size */
    size_t cap = k->ptr_mask ? 2 * (k->ptr_mask + 1) : 1024;
    while (2 * n > cap - 1) cap *= 2;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t) return false;
    for (uint32_t e = 0; e + 1 < n; e++) ptr_put(t, cap - 1, CD_VEC_AT(&k->f.entries, entry, e)->key, e);
    free(k->by_ptr);
    k->by_ptr = t;
    k->ptr_mask = cap - 1;
  }
  ptr_put(k->by_ptr, k->ptr_mask, CD_VEC_AT(&k->f.entries, entry, n - 1)->key, (uint32_t)(n - 1));
  return true;
}

cd_key_memo *cd_keys_kept_memo(cd_keys_kept *k, const char *key) {
  if (!k || !k->by_ptr) return NULL;
  for (size_t h = ptr_slot(key, k->ptr_mask); k->by_ptr[h]; h = (h + 1) & k->ptr_mask) {
    entry *x = CD_VEC_AT(&k->f.entries, entry, k->by_ptr[h] - 1);
    if (x->key == key) return &x->memo;
  }
  return NULL;
}

/* The entry of the key in the table, added when absent; UINT32_MAX when out of memory. */
static uint32_t intern(cd_keys_kept *k, const char *key, size_t n) {
  size_t e = cd_strmap_getn(&k->keys, key, n);
  if (e != CD_NONE) return (uint32_t)e;
  if (k->f.entries.len >= NO_ENTRY) return UINT32_MAX; /* an entry and its bit fit 32 bits */
  entry *x = cd_vec_push(&k->f.entries);
  x->key = cd_strmap_intern(&k->keys, key, n);
  cd_strmap_putn(&k->keys, key, n, k->f.entries.len - 1);
  if (!index_newest(k)) { /* unindexed, the key would have no memo: none is kept at all */
    free(k->by_ptr);
    k->by_ptr = NULL;
    k->ptr_mask = 0;
  }
  return (uint32_t)(k->f.entries.len - 1);
}

size_t cd_keys_kept_count(const cd_keys_kept *k) { return k ? k->f.entries.len : 0; }

uint32_t cd_keys_kept_epoch(const cd_keys_kept *k) { return k->epoch; }

static const char *key_entry(cd_keys_kept *k, const char *s, size_t start, size_t n, size_t n_mentions, bool known,
                             uint32_t *out);

const char *cd_keys_kept_key(cd_keys_kept *k, const char *s, size_t start, size_t n, size_t n_mentions, bool known) {
  uint32_t e;
  return key_entry(k, s, start, n, n_mentions, known, &e);
}

const char *cd_keys_kept_key_entry(cd_keys_kept *k, const char *s, size_t start, size_t n, size_t n_mentions,
                                   uint32_t *out) {
  return key_entry(k, s, start, n, n_mentions, false, out);
}

/* cd_keys_kept_key, and the key's entry in *out (UINT32_MAX with no key). */
static const char *key_entry(cd_keys_kept *k, const char *s, size_t start, size_t n, size_t n_mentions, bool known,
                             uint32_t *out) {
  slot *at = NULL;
  *out = UINT32_MAX;
  uint32_t e = UINT32_MAX;
  if (start < UINT32_MAX && n < UINT32_MAX) { /* in the text, and a slot holds 32-bit spans */
    slot *memo = k->memo_stamp == k->f.stamp && k->memo_mentions == n_mentions ? k->memo[k->f.stamp & 1]
                                                                             : this_memo(k, n_mentions);
    if (memo) {
      at = &memo[slot_index(start, n, k->mask[k->f.stamp & 1])];
      if (at->stamp == k->f.stamp && at->start == start && at->n == n) { /* asked before in this version */
        if (at->entry >> 1 != NO_ENTRY) {
          entry *x = CD_VEC_AT(&k->f.entries, entry, at->entry >> 1);
          if (known && x->stamp != k->f.stamp && (at->entry & 1)) return NULL; /* only looked up so far */
          *out = at->entry >> 1;
          if (x->stamp == k->f.stamp) return x->key;
          return stamped(k, at->entry >> 1);
        }
        if (known) return NULL;
      } else {
        e = previous(k, start, n);
      }
    }
  }
  bool fast;
  if (e != UINT32_MAX && (e >> 1 != NO_ENTRY || known)) {
    fast = e & 1;
    e >>= 1;
    /* a fast key is known only when this version interned it: looked up, not interned */
    if (known && fast && (e == NO_ENTRY || CD_VEC_AT(&k->f.entries, entry, e)->stamp != k->f.stamp)) {
      *at = (slot){(uint32_t)start, (uint32_t)n, k->f.stamp, e << 1 | 1u};
      return NULL;
    }
  } else {
    fast = cd_name_key_is_ascii(s, n); /* cd_name_key_known looks such a key up only */
    if (fast) {
      char buf[CD_NAME_KEY_ASCII_MAX];
      size_t kn = cd_name_key_fold_ascii(buf, s, n);
      if (known) {
        size_t x = cd_strmap_getn(&k->keys, buf, kn);
        e = x == CD_NONE ? NO_ENTRY : (uint32_t)x;
        if (at) *at = (slot){(uint32_t)start, (uint32_t)n, k->f.stamp, e << 1 | 1u};
        if (e == NO_ENTRY || CD_VEC_AT(&k->f.entries, entry, e)->stamp != k->f.stamp) return NULL;
      } else {
        e = intern(k, buf, kn);
      }
    } else {
      if (!k->scratch && !(k->scratch = cd_arena_new())) return NULL;
      const char *key = cd_name_key(k->scratch, s, n);
      if (!key) return NULL;
      e = intern(k, key, strlen(key));
    }
    if (e == UINT32_MAX) return NULL;
  }
  const char *key = stamped(k, e);
  if (at) *at = (slot){(uint32_t)start, (uint32_t)n, k->f.stamp, e << 1 | (fast ? 1u : 0u)};
  *out = e;
  return key;
}

const char *cd_keys_kept_intern(cd_keys_kept *k, const char *key, size_t n) {
  uint32_t e = intern(k, key, n);
  return e == UINT32_MAX ? NULL : stamped(k, e);
}

const char *cd_keys_kept_find(const cd_keys_kept *k, const char *key, size_t n) { return cd_strmap_key(&k->keys, key, n); }
