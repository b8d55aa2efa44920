#include "strmap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "byte_hash.h"
#include "copydesk/analyzer.h"

static uint32_t hash_n(const char *s, size_t n) {
  uint64_t h = cd_hash_bytes(s, n);
  return (uint32_t)(h ^ (h >> 32));
}

/* A stored key equals the n bytes at s (stored keys are NUL-terminated; s has no NUL inside). */
static bool key_eq(const cd_strmap_slot *e, uint32_t hash, const char *s, size_t n) {
  if (e->hash != hash) return false;
  /* the very copy stored (interned keys are asked by pointer): the bytes agree, the length may not */
  if (e->key == s) return e->key[n] == '\0';
  for (size_t i = 0; i < n; i++) /* stops at the stored key's end: no read past it */
    if (e->key[i] != s[i] || e->key[i] == '\0') return false;
  return e->key[n] == '\0';
}

/* Values near SIZE_MAX (CD_NONE and the like) keep their distance from the top. */
enum { TOP_VALUES = CD_STRMAP_TOP_VALUES };
static uint32_t pack_value(size_t v) {
  if (v >= (size_t)-TOP_VALUES) return (uint32_t)(UINT32_MAX - ((size_t)-1 - v));
  if (v >= (size_t)UINT32_MAX - TOP_VALUES + 1) abort(); /* values are indexes into tables */
  return (uint32_t)v;
}
static size_t unpack_value(uint32_t v) { return cd_strmap_unpack(v); }

void cd_strmap_init(cd_strmap *m, cd_arena *arena) {
  memset(m, 0, sizeof *m);
  m->arena = arena;
}

void cd_strmap_init_borrowed(cd_strmap *m) {
  memset(m, 0, sizeof *m);
  m->borrow_keys = true;
}

void cd_strmap_init_interned(cd_strmap *m) {
  cd_strmap_init_borrowed(m);
  m->by_pointer = true;
}

void cd_strmap_free(cd_strmap *m) {
  cd_arena_free(m->own);
  free(m->slots);
  memset(m, 0, sizeof *m);
}

void cd_strmap_reserve(cd_strmap *m, size_t n) {
  if (m->cap || !n) return;
  size_t cap = 64;
  while (cap < 2 * (n + 1)) cap *= 2; /* at most half full, as slot_for keeps it */
  m->slots = calloc(cap, sizeof *m->slots);
  if (!m->slots) abort(); /* the library's out-of-memory policy inside a pass */
  m->cap = cap;
}

/* The slot holding the n bytes at key, or NULL. */
static const cd_strmap_slot *find(const cd_strmap *m, const char *key, size_t n) {
  if (!m->cap) return NULL;
  if (m->by_pointer) {
    const cd_strmap_slot *e = &m->slots[cd_strmap_ptr_probe(m, key)];
    return e->key ? e : NULL;
  }
  uint32_t hk = hash_n(key, n);
  for (size_t h = hk & (m->cap - 1); m->slots[h].key; h = (h + 1) & (m->cap - 1))
    if (key_eq(&m->slots[h], hk, key, n)) return &m->slots[h];
  return NULL;
}

size_t cd_strmap_getn(const cd_strmap *m, const char *key, size_t n) {
  const cd_strmap_slot *e = find(m, key, n);
  return e ? unpack_value(e->value) : CD_NONE;
}

const char *cd_strmap_key(const cd_strmap *m, const char *key, size_t n) {
  const cd_strmap_slot *e = find(m, key, n);
  return e ? e->key : NULL;
}

/* The slot holding the key, inserted (with value CD_NONE) when absent. */
static cd_strmap_slot *slot_for(cd_strmap *m, const char *key, size_t n) {
  uint32_t hk = m->by_pointer ? cd_strmap_hash_ptr(key) : hash_n(key, n);
  if ((m->len + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    cd_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) abort(); /* the library's out-of-memory policy inside a pass */
    for (size_t i = 0; i < m->cap; i++) { /* the stored hash places the key again */
      const cd_strmap_slot *e = &m->slots[i];
      if (!e->key) continue;
      size_t h = e->hash & (cap - 1);
      while (slots[h].key) h = (h + 1) & (cap - 1);
      slots[h] = *e;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
  }
  size_t h = m->by_pointer ? cd_strmap_ptr_probe(m, key) : hk & (m->cap - 1);
  if (!m->by_pointer)
    while (m->slots[h].key && !key_eq(&m->slots[h], hk, key, n)) h = (h + 1) & (m->cap - 1);
  cd_strmap_slot *e = &m->slots[h];
  if (!e->key) {
    if (m->borrow_keys) {
      e->key = key;
    } else {
      if (!m->arena && !(m->arena = m->own = cd_arena_new())) abort();
      e->key = cd_arena_strndup(m->arena, key, n);
      if (!e->key) abort();
    }
    e->hash = hk;
    e->value = pack_value(CD_NONE);
    m->len++;
  }
  return e;
}

void cd_strmap_putn(cd_strmap *m, const char *key, size_t n, size_t value) { slot_for(m, key, n)->value = pack_value(value); }

const char *cd_strmap_intern(cd_strmap *m, const char *key, size_t n) { return slot_for(m, key, n)->key; }

const char *cd_strmap_intern_value(cd_strmap *m, const char *key, size_t n, size_t value, size_t *had) {
  cd_strmap_slot *e = slot_for(m, key, n);
  if (e->value == pack_value(CD_NONE)) e->value = pack_value(value);
  *had = unpack_value(e->value);
  return e->key;
}

void cd_strmap_put_slow(cd_strmap *m, const char *key, size_t value) {
  cd_strmap_putn(m, key, m->by_pointer ? 0 : strlen(key), value);
}
