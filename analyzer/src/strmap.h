/* A string -> index hash map whose keys live in an arena: the caller's, or one of its own freed
 * with the map (a pass's scratch map then leaves nothing behind in the report's arena). */
#ifndef CD_STRMAP_H
#define CD_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* One slot, 16 bytes: four to a cache line. The hash settles most probes without a string
 * compare. Values are indexes and small flags below 2^32 - 16, or one of the sixteen largest
 * size_t values (CD_NONE, ...), which are stored as the sixteen largest uint32_t. */
typedef struct cd_strmap_slot {
  const char *key; /* NULL: empty; NUL-terminated */
  uint32_t hash;
  uint32_t value;
} cd_strmap_slot;

typedef struct cd_strmap {
  cd_strmap_slot *slots;
  size_t cap, len;
  cd_arena *arena;
  cd_arena *own;     /* the map's own arena for the keys (arena NULL at init), made on first use */
  bool borrow_keys;  /* keys are the caller's (cd_strmap_init_borrowed) */
  bool by_pointer;   /* keys are interned: equal when their pointers are (cd_strmap_init_interned) */
} cd_strmap;

/* Keys are copied into `arena`, or into the map's own when it is NULL. */
void cd_strmap_init(cd_strmap *m, cd_arena *arena);
/* A map that stores the key pointers it is given, not copies: for keys that outlive the map
 * (interned name keys, the report's strings); put and intern take NUL-terminated keys only. */
void cd_strmap_init_borrowed(cd_strmap *m);
/* A borrowed map whose keys are interned (equal keys are one pointer: cd_doc_name_key's), hashed
 * and compared by their address, so that neither is read; asked with get and put only. */
void cd_strmap_init_interned(cd_strmap *m);
void cd_strmap_free(cd_strmap *m);
/* Room for n keys in a map that has none yet, so that filling it does not grow and rehash it. */
void cd_strmap_reserve(cd_strmap *m, size_t n);
/* The value for key, or CD_NONE ((size_t)-1). */
static inline size_t cd_strmap_get(const cd_strmap *m, const char *key);
/* Sets key (copied) to value. */
static inline void cd_strmap_put(cd_strmap *m, const char *key, size_t value);
/* The same for a key given as n bytes (no NUL inside), e.g. a slice of the text. */
size_t cd_strmap_getn(const cd_strmap *m, const char *key, size_t n);
void cd_strmap_putn(cd_strmap *m, const char *key, size_t n, size_t value);
/* The map's own copy of the n bytes at key, or NULL when absent (nothing is added). */
const char *cd_strmap_key(const cd_strmap *m, const char *key, size_t n);
/* The map's own copy of the key (added, with no value, when absent): equal keys share one copy. */
const char *cd_strmap_intern(cd_strmap *m, const char *key, size_t n);
/* cd_strmap_intern, giving an added key `value`; `*had` is the key's value (`value` when added). */
const char *cd_strmap_intern_value(cd_strmap *m, const char *key, size_t n, size_t value, size_t *had);

/* The slot a pointer hashes to, and a stored value unpacked: the sixteen largest uint32_t stand for
 * the sixteen largest size_t (CD_NONE, ...). For cd_strmap_get, inline: the passes ask maps of
 * interned keys in their hottest loops, and such a probe is a few instructions. */
enum { CD_STRMAP_TOP_VALUES = 16 };
static inline uint32_t cd_strmap_hash_ptr(const char *s) {
  uint64_t h = (uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ull;
  return (uint32_t)(h >> 32);
}
static inline size_t cd_strmap_unpack(uint32_t v) {
  return v > UINT32_MAX - CD_STRMAP_TOP_VALUES ? (size_t)-1 - (UINT32_MAX - v) : v;
}

/* In a map of interned keys with slots (cap > 0): the slot holding `key`, or the empty slot where
 * it would go. */
static inline size_t cd_strmap_ptr_probe(const cd_strmap *m, const char *key) {
  size_t h = cd_strmap_hash_ptr(key) & (m->cap - 1);
  while (m->slots[h].key && m->slots[h].key != key) h = (h + 1) & (m->cap - 1);
  return h;
}

/* cd_strmap_putn, for the map's keys' own bytes. */
void cd_strmap_put_slow(cd_strmap *m, const char *key, size_t value);

static inline void cd_strmap_put(cd_strmap *m, const char *key, size_t value) {
  /* a map of interned keys with room: the probe, and the key stored as given */
  if (m->by_pointer && (m->len + 1) * 2 <= m->cap && value < UINT32_MAX - CD_STRMAP_TOP_VALUES) {
    cd_strmap_slot *e = &m->slots[cd_strmap_ptr_probe(m, key)];
    if (!e->key) {
      e->key = key;
      e->hash = cd_strmap_hash_ptr(key);
      m->len++;
    }
    e->value = (uint32_t)value;
    return;
  }
  cd_strmap_put_slow(m, key, value);
}

static inline size_t cd_strmap_get(const cd_strmap *m, const char *key) {
  if (!m->by_pointer) return cd_strmap_getn(m, key, strlen(key));
  if (!m->cap) return (size_t)-1;
  const cd_strmap_slot *e = &m->slots[cd_strmap_ptr_probe(m, key)];
  return e->key ? cd_strmap_unpack(e->value) : (size_t)-1;
}

#endif
