#include "names_near_kept.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copydesk/analyzer.h"
#include "keylist.h"
#include "strmap.h"
#include "vec.h"

static const uint32_t NIL = 0xFFFFFFFFu;     /* no key, no link, an unused slot */
static const uint32_t EMPTIED = 0xFFFFFFFEu; /* a slot whose group lost its last key */

/* One distinct key of this or an earlier version. */
typedef struct kkey {
  const char *s; /* the map's copy */
  uint32_t len;
  uint32_t count;           /* ids with this key in the latest list */
  uint32_t seen;            /* the version that last counted it ... */
  uint32_t now;             /* ... and how many ids it had there */
  uint32_t first_id, last_id; /* that version's ids with this key, chained through next_id */
  bool fresh;               /* cand holds for the keys now in the table */
  uint8_t n_cand;           /* keys in cand, or CD_NEAR_CROWDED */
  uint32_t cand[CD_NEAR_CROWD]; /* the indexed keys sharing a variant with it (itself when indexed) */
} kkey;

/* A key in the group of one variant hash; the next one, or NIL. */
typedef struct link {
  uint32_t key, next;
} link;

struct cd_near_kept {
  size_t query_min;
  uint32_t version;
  cd_strmap ids; /* key -> index in keys */
  /* the address a caller's key had (its interned copy, most often the same from version to version)
   * -> index in keys, checked against the key's bytes before it is believed: an address seen once
   * may since hold another key */
  cd_strmap by_addr;
  cd_vec keys;   /* kkey */
  cd_vec live;   /* uint32_t: the keys of the latest list, each once */
  cd_vec now;    /* uint32_t: the same, for the list being taken in */
  cd_vec kid_of; /* uint32_t per id of the list being taken in: its key, or NIL when not asked */
  cd_vec next_id; /* uint32_t per id: the next id with the same key, or NIL */
  /* variant hash -> first link of its group, open addressing */
  uint32_t *hash, *head;
  size_t cap, used;
  cd_vec links; /* link */
  uint32_t free_link;
  cd_near_index ix; /* the latest list's index */
  cd_keylist last;  /* the list it was made from */
};

static void *or_abort(void *p) {
  if (!p) abort(); /* the library's out-of-memory policy inside a pass */
  return p;
}

static kkey *K(const cd_near_kept *k, uint32_t kid) { return CD_VEC_AT(&k->keys, kkey, kid); }
static uint32_t *U32(const cd_vec *v, size_t i) { return CD_VEC_AT(v, uint32_t, i); }
static link *L(const cd_near_kept *k, uint32_t l) { return CD_VEC_AT(&k->links, link, l); }

cd_near_kept *cd_near_kept_new(size_t query_min) {
  cd_near_kept *k = calloc(1, sizeof *k);
  if (!k) return NULL;
  k->query_min = query_min;
  cd_strmap_init(&k->ids, NULL);
  cd_strmap_init_interned(&k->by_addr);
  cd_vec_init(&k->keys, sizeof(kkey));
  cd_vec_init(&k->live, sizeof(uint32_t));
  cd_vec_init(&k->now, sizeof(uint32_t));
  cd_vec_init(&k->kid_of, sizeof(uint32_t));
  cd_vec_init(&k->next_id, sizeof(uint32_t));
  cd_vec_init(&k->links, sizeof(link));
  k->free_link = NIL;
  cd_near_init(&k->ix);
  cd_keylist_init(&k->last);
  return k;
}

void cd_near_kept_free(cd_near_kept *k) {
  if (!k) return;
  cd_strmap_free(&k->ids);
  cd_strmap_free(&k->by_addr);
  cd_vec_free(&k->keys);
  cd_vec_free(&k->live);
  cd_vec_free(&k->now);
  cd_vec_free(&k->kid_of);
  cd_vec_free(&k->next_id);
  cd_vec_free(&k->links);
  free(k->hash);
  free(k->head);
  cd_near_free(&k->ix);
  cd_keylist_free(&k->last);
  free(k);
}

/* Forgets every key (the keys of earlier versions pile up as names are typed letter by letter),
 * and the room they took: the table and the vectors are sized again for the keys that come next,
 * so a long session holds what its documents' latest keys need, not the most they ever needed. */
static void reset(cd_near_kept *k) {
  cd_strmap_free(&k->ids);
  cd_strmap_init(&k->ids, NULL);
  cd_strmap_free(&k->by_addr);
  cd_strmap_init_interned(&k->by_addr);
  cd_vec_free(&k->keys);
  cd_vec_free(&k->live);
  cd_vec_free(&k->links);
  k->free_link = NIL;
  free(k->hash);
  free(k->head);
  k->hash = k->head = NULL;
  k->cap = k->used = 0;
}

/* The slot of hash h: where it is, or the unused slot where it would go. */
static size_t slot_of(const cd_near_kept *k, uint32_t h) {
  size_t i = h & (k->cap - 1);
  while (k->head[i] != NIL && k->hash[i] != h) i = (i + 1) & (k->cap - 1);
  return i;
}

/* Rehashes into a table at most half full with the groups that still have keys; it grows again
 * at three quarters (EMPTIED slots count), so a rehash comes after a quarter of the table's adds.
 * The table is the kept index's largest part: more room would only hold more memory. */
static void grow(cd_near_kept *k) {
  size_t groups = 0;
  for (size_t i = 0; i < k->cap; i++) groups += k->head[i] != NIL && k->head[i] != EMPTIED;
  size_t cap = 64;
  while (cap < 2 * (groups + 1)) cap *= 2;
  uint32_t *oh = k->hash, *ohead = k->head;
  size_t ocap = k->cap;
  k->hash = or_abort(malloc(cap * sizeof *k->hash));
  k->head = or_abort(malloc(cap * sizeof *k->head));
  k->cap = cap;
  k->used = groups;
  for (size_t i = 0; i < cap; i++) k->head[i] = NIL;
  for (size_t i = 0; i < ocap; i++) {
    if (ohead[i] == NIL || ohead[i] == EMPTIED) continue;
    size_t s = slot_of(k, oh[i]);
    k->hash[s] = oh[i];
    k->head[s] = ohead[i];
  }
  free(oh);
  free(ohead);
}

static void group_add(cd_near_kept *k, uint32_t h, uint32_t kid) {
  if (4 * (k->used + 1) > 3 * k->cap) grow(k);
  size_t s = slot_of(k, h);
  if (k->head[s] == NIL) {
    k->hash[s] = h;
    k->head[s] = EMPTIED;
    k->used++;
  }
  /* a key's own variants may repeat a hash ("anna" without either n); they come one after another */
  if (k->head[s] != EMPTIED && L(k, k->head[s])->key == kid) return;
  uint32_t l = k->free_link;
  if (l != NIL)
    k->free_link = L(k, l)->next;
  else {
    cd_vec_push(&k->links);
    l = (uint32_t)(k->links.len - 1);
  }
  *L(k, l) = (link){kid, k->head[s] == EMPTIED ? NIL : k->head[s]};
  k->head[s] = l;
}

static void group_remove(cd_near_kept *k, uint32_t h, uint32_t kid) {
  if (!k->cap) return;
  size_t s = slot_of(k, h);
  if (k->head[s] == NIL || k->head[s] == EMPTIED) return;
  for (uint32_t *at = &k->head[s]; *at != NIL;) {
    link *l = L(k, *at);
    if (l->key != kid) {
      at = &l->next;
      continue;
    }
    uint32_t gone = *at;
    *at = l->next;
    l->next = k->free_link;
    k->free_link = gone;
  }
  if (k->head[s] == NIL) k->head[s] = EMPTIED;
}

/* The first link of the group of hash h, or NIL. */
static uint32_t group(const cd_near_kept *k, uint32_t h) {
  if (!k->cap) return NIL;
  size_t s = slot_of(k, h);
  return k->head[s] == EMPTIED ? NIL : k->head[s];
}

/* Marks stale every key in the groups of the variant hashes hv[0, nv). */
static void touch_neighbours(cd_near_kept *k, const uint32_t *hv, size_t nv) {
  for (size_t v = 0; v < nv; v++)
    for (uint32_t l = group(k, hv[v]); l != NIL; l = L(k, l)->next) K(k, L(k, l)->key)->fresh = false;
}

/* A key that came or went: its variants join or leave the table, and the keys that share one look
 * again. */
static void presence_changed(cd_near_kept *k, uint32_t kid, bool added) {
  uint32_t hv[CD_NEAR_VARIANTS_MAX];
  kkey *kk = K(k, kid);
  size_t nv = cd_near_hash_variants(kk->s, kk->len, hv);
  if (added)
    for (size_t v = 0; v < nv; v++) group_add(k, hv[v], kid);
  touch_neighbours(k, hv, nv);
  if (!added)
    for (size_t v = 0; v < nv; v++) group_remove(k, hv[v], kid);
  kk->fresh = false;
}

/* The indexed keys that share a variant with key `kid`. */
static void find_candidates(const cd_near_kept *k, kkey *kk) {
  uint32_t hv[CD_NEAR_VARIANTS_MAX];
  size_t nv = cd_near_hash_variants(kk->s, kk->len, hv);
  kk->n_cand = 0;
  kk->fresh = true;
  for (size_t v = 0; v < nv; v++) {
    for (uint32_t l = group(k, hv[v]); l != NIL; l = L(k, l)->next) {
      uint32_t other = L(k, l)->key;
      if (K(k, other)->len < CD_NEAR_MIN_KEY) continue; /* asked only, never indexed */
      bool have = false;
      for (size_t x = 0; x < kk->n_cand && !have; x++) have = kk->cand[x] == other;
      if (have) continue;
      if (kk->n_cand == CD_NEAR_CROWD) {
        kk->n_cand = CD_NEAR_CROWDED;
        return;
      }
      kk->cand[kk->n_cand++] = other;
    }
  }
}

/* Finds the key of each id of keys[0, n) (adding the new ones), counts and chains each key's ids,
 * and lists the keys met in k->now. */
static void take_list(cd_near_kept *k, const char *const *keys, size_t n) {
  cd_vec_reserve(&k->kid_of, n + 1);
  cd_vec_reserve(&k->next_id, n + 1);
  k->kid_of.len = k->next_id.len = n;
  k->now.len = 0;
  /* addresses of keys gone pile up: start the address map over when they outnumber the keys */
  if (k->by_addr.len > 2 * (k->keys.len + n) + 64) {
    cd_strmap_free(&k->by_addr);
    cd_strmap_init_interned(&k->by_addr);
  }
  for (size_t i = 0; i < n; i++) {
    *U32(&k->next_id, i) = NIL;
    *U32(&k->kid_of, i) = NIL;
    size_t kid = cd_strmap_get(&k->by_addr, keys[i]), len;
    if (kid != CD_NONE && strcmp(K(k, (uint32_t)kid)->s, keys[i]) == 0) {
      len = K(k, (uint32_t)kid)->len;
    } else {
      len = strlen(keys[i]);
      if (len < k->query_min || len > CD_NEAR_MAX_KEY) continue;
      kid = cd_strmap_getn(&k->ids, keys[i], len);
      if (kid == CD_NONE) {
        kid = k->keys.len;
        kkey *kk = cd_vec_push(&k->keys);
        kk->s = cd_strmap_intern(&k->ids, keys[i], len);
        kk->len = (uint32_t)len;
        cd_strmap_putn(&k->ids, keys[i], len, kid);
      }
      cd_strmap_put(&k->by_addr, keys[i], kid);
    }
    kkey *kk = K(k, (uint32_t)kid);
    if (kk->seen != k->version) {
      kk->seen = k->version;
      kk->now = 0;
      kk->first_id = NIL;
      *(uint32_t *)cd_vec_push_raw(&k->now) = (uint32_t)kid;
    }
    if (kk->first_id == NIL)
      kk->first_id = (uint32_t)i;
    else
      *U32(&k->next_id, kk->last_id) = (uint32_t)i;
    kk->last_id = (uint32_t)i;
    kk->now++;
    *U32(&k->kid_of, i) = (uint32_t)kid;
  }
}

const cd_near_index *cd_near_kept_update(cd_near_kept *k, const char *const *keys, size_t n) {
  if (n >= EMPTIED) abort(); /* four billion names: no document gets here */
  if (cd_keylist_same(&k->last, keys, n)) return &k->ix;
  cd_keylist_set(&k->last, keys, n);
  if (k->keys.len > 2 * n + 64) reset(k);
  if (++k->version == 0) { /* wrapped: no key may look counted by this version already */
    for (size_t i = 0; i < k->keys.len; i++) K(k, (uint32_t)i)->seen = 0;
    k->version = 1;
  }
  take_list(k, keys, n);
  /* keys that went: in the latest list, not counted by this one */
  for (size_t i = 0; i < k->live.len; i++) {
    uint32_t kid = *U32(&k->live, i);
    kkey *kk = K(k, kid);
    if (kk->seen == k->version) continue;
    kk->seen = k->version;
    kk->now = 0;
    kk->first_id = NIL;
    presence_changed(k, kid, false);
    kk->count = 0;
  }
  for (size_t i = 0; i < k->now.len; i++) {
    uint32_t kid = *U32(&k->now, i);
    kkey *kk = K(k, kid);
    if (kk->count == 0) presence_changed(k, kid, true);
    kk->count = kk->now;
  }
  cd_vec t = k->live;
  k->live = k->now;
  k->now = t;

  cd_near_index *ix = &k->ix;
  cd_near_free(ix);
  ix->n = n;
  ix->near = or_abort(malloc((n ? n : 1) * CD_NEAR_CROWD * sizeof *ix->near));
  ix->count = or_abort(calloc(n ? n : 1, sizeof *ix->count));
  for (size_t i = 0; i < n; i++) {
    uint32_t kid = *U32(&k->kid_of, i);
    if (kid == NIL) continue;
    kkey *kk = K(k, kid);
    if (!kk->fresh) find_candidates(k, kk);
    uint8_t *c = &ix->count[i];
    if (kk->n_cand == CD_NEAR_CROWDED) {
      *c = CD_NEAR_CROWDED;
      continue;
    }
    uint32_t *list = &ix->near[i * CD_NEAR_CROWD];
    for (size_t x = 0; x < kk->n_cand && *c != CD_NEAR_CROWDED; x++)
      for (uint32_t j = K(k, kk->cand[x])->first_id; j != NIL; j = *U32(&k->next_id, j)) {
        if (*c == CD_NEAR_CROWD) {
          *c = CD_NEAR_CROWDED;
          break;
        }
        list[(*c)++] = j;
      }
  }
  return ix;
}
