/* A counted set of words without regard to ASCII case (capwords.h). */
#include "capwords.h"

#include <stdlib.h>
#include <string.h>

#include "word_hash.h"

typedef struct capword {
  uint32_t at, len; /* its bytes in the set's `bytes` */
  uint32_t hash;    /* cd_word_hash */
  uint32_t count;
  uint32_t before;  /* the count at cd_capwords_mark, once touched since; else UNTOUCHED */
} capword;
enum { UNTOUCHED = UINT32_MAX, MIN_SLOTS = 64 };

static capword *entry(const cd_capwords *s, uint32_t id) { return CD_VEC_AT(&s->entries, capword, id); }

/* The slot that holds the word, or the empty slot where it would go (the set has slots). */
static size_t find(const cd_capwords *s, const char *w, size_t n, uint32_t hash) {
  size_t mask = s->n_slots - 1, h = hash & mask;
  for (uint32_t id; (id = s->slots[h]) != 0; h = (h + 1) & mask) {
    const capword *e = entry(s, id - 1);
    if (e->hash == hash && cd_capwords_same_word((const char *)s->bytes.data + e->at, e->len, w, n)) break;
  }
  return h;
}

static void place_all(cd_capwords *s, size_t n_slots) {
  uint32_t *slots = calloc(n_slots, sizeof *slots);
  if (!slots) abort(); /* the library's out-of-memory policy inside a pass */
  free(s->slots);
  s->slots = slots;
  s->n_slots = n_slots;
  for (size_t id = 0; id < s->entries.len; id++) {
    size_t h = entry(s, (uint32_t)id)->hash & (n_slots - 1);
    while (slots[h]) h = (h + 1) & (n_slots - 1);
    slots[h] = (uint32_t)id + 1;
  }
}

void cd_capwords_init(cd_capwords *s) {
  memset(s, 0, sizeof *s);
  cd_vec_init(&s->entries, sizeof(capword));
  cd_vec_init(&s->bytes, 1);
  cd_vec_init(&s->touched, sizeof(uint32_t));
}

void cd_capwords_free(cd_capwords *s) {
  free(s->slots);
  s->slots = NULL;
  cd_vec_free(&s->entries);
  cd_vec_free(&s->bytes);
  cd_vec_free(&s->touched);
}

void cd_capwords_clear(cd_capwords *s) {
  if (s->slots) memset(s->slots, 0, s->n_slots * sizeof *s->slots);
  s->entries.len = s->bytes.len = s->touched.len = 0;
  s->live = 0;
  s->tracking = false;
}

static void touch(cd_capwords *s, uint32_t id) {
  capword *e = entry(s, id);
  if (!s->tracking || e->before != UNTOUCHED) return;
  e->before = e->count;
  *(uint32_t *)cd_vec_push_raw(&s->touched) = id;
}

void cd_capwords_add(cd_capwords *s, const char *w, size_t n) {
  uint32_t hash = cd_word_hash(w, n);
  size_t h = s->n_slots ? find(s, w, n, hash) : 0;
  if (s->n_slots && s->slots[h]) {
    uint32_t id = s->slots[h] - 1;
    touch(s, id);
    if (entry(s, id)->count++ == 0) s->live++;
    return;
  }
  if ((s->entries.len + 1) * 2 > s->n_slots) {
    place_all(s, s->n_slots ? s->n_slots * 2 : MIN_SLOTS);
    h = find(s, w, n, hash);
  }
  cd_vec_reserve_more(&s->bytes, n);
  memcpy((char *)s->bytes.data + s->bytes.len, w, n);
  uint32_t id = (uint32_t)s->entries.len;
  *(capword *)cd_vec_push_raw(&s->entries) = (capword){(uint32_t)s->bytes.len, (uint32_t)n, hash, 0, UNTOUCHED};
  s->bytes.len += n;
  s->slots[h] = id + 1;
  touch(s, id);
  entry(s, id)->count = 1;
  s->live++;
}

void cd_capwords_remove(cd_capwords *s, const char *w, size_t n) {
  if (!s->n_slots) return;
  size_t h = find(s, w, n, cd_word_hash(w, n));
  if (!s->slots[h]) return; /* never added: nothing to take out */
  uint32_t id = s->slots[h] - 1;
  capword *e = entry(s, id);
  if (!e->count) return;
  touch(s, id);
  if (--e->count == 0) s->live--;
}

bool cd_capwords_has(const cd_capwords *s, const char *w, size_t n) {
  if (!s->n_slots) return false;
  size_t h = find(s, w, n, cd_word_hash(w, n));
  return s->slots[h] && entry(s, s->slots[h] - 1)->count;
}

/* Drops the entries counted zero times, once they outnumber the others (words typed and deleted
 * again over a long session): the set stays the size of the text's words. */
static void compact(cd_capwords *s) {
  size_t dead = s->entries.len - s->live;
  if (dead <= s->live + MIN_SLOTS) return; /* (and a set that has no slots has no entries) */
  size_t kept = 0, at = 0;
  char *bytes = s->bytes.data;
  for (size_t id = 0; id < s->entries.len; id++) {
    capword e = *entry(s, (uint32_t)id);
    if (!e.count) continue;
    memmove(bytes + at, bytes + e.at, e.len);
    e.at = (uint32_t)at;
    at += e.len;
    *entry(s, (uint32_t)kept++) = e;
  }
  s->entries.len = kept;
  s->bytes.len = at;
  size_t n_slots = MIN_SLOTS;
  while (n_slots < 2 * kept + 2) n_slots *= 2;
  place_all(s, n_slots);
}

void cd_capwords_mark(cd_capwords *s) {
  for (size_t i = 0; i < s->touched.len; i++) entry(s, *CD_VEC_AT(&s->touched, uint32_t, i))->before = UNTOUCHED;
  s->touched.len = 0;
  compact(s);
  s->tracking = true;
}

size_t cd_capwords_changed(const cd_capwords *s, const char **words, size_t *lens, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < s->touched.len; i++) {
    const capword *e = entry(s, *CD_VEC_AT(&s->touched, uint32_t, i));
    if ((e->before > 0) == (e->count > 0)) continue;
    if (n == max) return max + 1;
    words[n] = (const char *)s->bytes.data + e->at;
    lens[n++] = e->len;
  }
  return n;
}
