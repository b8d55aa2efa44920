#include "strmap.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"

static size_t hash_n(const char *s, size_t n) {
  size_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

/* A stored key equals the n bytes at s. */
static bool key_eq(const char *key, const char *s, size_t n) { return strncmp(key, s, n) == 0 && key[n] == '\0'; }

void cd_strmap_init(cd_strmap *m, cd_arena *arena) {
  memset(m, 0, sizeof *m);
  m->arena = arena;
}

void cd_strmap_free(cd_strmap *m) {
  cd_arena_free(m->own);
  free(m->keys);
  free(m->values);
  free(m->hashes);
  memset(m, 0, sizeof *m);
}

size_t cd_strmap_getn(const cd_strmap *m, const char *key, size_t n) {
  if (!m->cap) return CD_NONE;
  size_t hk = hash_n(key, n), h = hk & (m->cap - 1);
  while (m->keys[h]) {
    if (m->hashes[h] == hk && key_eq(m->keys[h], key, n)) return m->values[h];
    h = (h + 1) & (m->cap - 1);
  }
  return CD_NONE;
}

size_t cd_strmap_get(const cd_strmap *m, const char *key) { return cd_strmap_getn(m, key, strlen(key)); }

static void insert(const char **keys, size_t *values, size_t *hashes, size_t cap, const char *key, size_t hk,
                   size_t value) {
  size_t h = hk & (cap - 1);
  while (keys[h] && !(hashes[h] == hk && strcmp(keys[h], key) == 0)) h = (h + 1) & (cap - 1);
  keys[h] = key;
  values[h] = value;
  hashes[h] = hk;
}

/* The slot holding the key, inserted (with value CD_NONE) when absent. */
static size_t slot_for(cd_strmap *m, const char *key, size_t n) {
  if ((m->len + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 64;
    const char **keys = calloc(cap, sizeof *keys);
    size_t *values = calloc(cap, sizeof *values);
    size_t *hashes = calloc(cap, sizeof *hashes);
    if (!keys || !values || !hashes) abort(); /* the library's out-of-memory policy inside a pass */
    for (size_t i = 0; i < m->cap; i++)
      if (m->keys[i]) insert(keys, values, hashes, cap, m->keys[i], m->hashes[i], m->values[i]);
    free(m->keys);
    free(m->values);
    free(m->hashes);
    m->keys = keys;
    m->values = values;
    m->hashes = hashes;
    m->cap = cap;
  }
  size_t hk = hash_n(key, n), h = hk & (m->cap - 1);
  while (m->keys[h] && !(m->hashes[h] == hk && key_eq(m->keys[h], key, n))) h = (h + 1) & (m->cap - 1);
  if (!m->keys[h]) {
    if (!m->arena && !(m->arena = m->own = cd_arena_new())) abort();
    m->keys[h] = cd_arena_strndup(m->arena, key, n);
    if (!m->keys[h]) abort();
    m->hashes[h] = hk;
    m->values[h] = CD_NONE;
    m->len++;
  }
  return h;
}

void cd_strmap_putn(cd_strmap *m, const char *key, size_t n, size_t value) {
  size_t h = slot_for(m, key, n); /* before reading m->values: it may move */
  m->values[h] = value;
}

const char *cd_strmap_intern(cd_strmap *m, const char *key, size_t n) {
  size_t h = slot_for(m, key, n);
  return m->keys[h];
}

void cd_strmap_put(cd_strmap *m, const char *key, size_t value) { cd_strmap_putn(m, key, strlen(key), value); }
