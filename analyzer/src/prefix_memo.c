#include "prefix_memo.h"

#include <stdlib.h>
#include <string.h>

void cd_prefix_memo_init(cd_prefix_memo *m, size_t limit) {
  memset(m, 0, sizeof *m);
  m->limit = limit < (1u << 24) ? limit : (1u << 24) - 1;
}

void cd_prefix_memo_free(cd_prefix_memo *m) {
  free(m->slots);
  free(m->pairs);
  memset(m, 0, sizeof *m);
}

static bool grow(cd_prefix_memo *m) {
  if (!m->pairs) m->pairs = calloc(128 * 128, sizeof *m->pairs); /* none: the walk is not kept */
  size_t cap = m->cap ? 2 * m->cap : 1024;
  uint64_t *slots = calloc(cap, sizeof *slots), *old = m->slots;
  if (!slots) return false;
  size_t old_cap = m->cap;
  m->slots = slots;
  m->cap = cap;
  for (size_t i = 0; i < old_cap; i++) {
    if (!(uint32_t)old[i]) continue;
    size_t h = cd_prefix_memo_slot(m, (uint32_t)old[i] - 1);
    while (slots[h]) h = (h + 1) & (cap - 1);
    slots[h] = old[i];
  }
  free(old);
  return true;
}

/* The slot of the child of `parent` by byte b, made (CD_PREFIX_UNKNOWN) when absent; NULL out of
 * memory. */
static uint64_t *child(cd_prefix_memo *m, uint32_t parent, unsigned char b) {
  if ((m->nodes + 1) * 2 > m->cap && !grow(m)) return NULL;
  uint32_t key = cd_prefix_memo_edge_key(parent, b);
  size_t h = cd_prefix_memo_slot(m, key);
  while (m->slots[h]) {
    if ((uint32_t)m->slots[h] == key + 1) return &m->slots[h];
    h = (h + 1) & (m->cap - 1);
  }
  m->slots[h] = (uint64_t)(key + 1) | (uint64_t)(++m->nodes) << 34;
  return &m->slots[h];
}

static void set_state(uint64_t *slot, unsigned st) { *slot = (*slot & ~(3ull << 32)) | (uint64_t)st << 32; }

/* The k bytes at s end with a whole, well-formed UTF-8 character: more bytes after them cannot
 * change how they read. */
static bool whole_char_end(const char *s, size_t k) {
  unsigned char last = (unsigned char)s[k - 1];
  if (last < 0x80) return true;
  size_t j = k - 1;
  while (j > 0 && k - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
  unsigned char lead = (unsigned char)s[j];
  size_t want = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  return want == k - j;
}

bool cd_prefix_memo_test(cd_prefix_memo *m, const char *s, size_t n, cd_prefix_test test, void *ctx) {
  if (n == 0 || n >= m->limit) return test(ctx, s, n) != CD_PREFIX_NO;
  if (m->nodes + n > m->limit && m->slots) { /* full: start again rather than grow without bound */
    memset(m->slots, 0, m->cap * sizeof *m->slots);
    if (m->pairs) memset(m->pairs, 0, 128 * 128 * sizeof *m->pairs);
    m->nodes = 0;
  }
  /* Most strings are settled by answers kept already: look them up without making nodes, and go
   * the long way (below) only from where one is missing. */
  uint32_t node = 0;
  size_t k = 1;
  if (m->slots) {
    for (; k <= n; k++) {
      uint64_t slot = cd_prefix_memo_edge(m, node, (unsigned char)s[k - 1]);
      if (!slot) break;
      unsigned st = cd_prefix_memo_state_of(slot);
      if (st == CD_PREFIX_FAIL) return false;
      if (st == CD_PREFIX_PASS_ALL) return true;
      if (st == CD_PREFIX_UNKNOWN && (k == n || whole_char_end(s, k))) break; /* to be asked */
      node = cd_prefix_memo_node_of(slot);
    }
    if (k > n) return true;
  }
  bool whole_asked = false;
  int whole = CD_PREFIX_NO; /* the whole string's answer, once asked (it passes: so does every prefix) */
  for (; k <= n; k++) {
    uint64_t *slot = child(m, node, (unsigned char)s[k - 1]);
    if (!slot) return (whole_asked ? whole : test(ctx, s, n)) != CD_PREFIX_NO;
    node = cd_prefix_memo_node_of(*slot);
    unsigned st = cd_prefix_memo_state_of(*slot);
    if (st == CD_PREFIX_FAIL) return false;
    if (st == CD_PREFIX_PASS_ALL) return true;
    if (st == CD_PREFIX_PASS) continue;
    if (!whole_char_end(s, k)) {
      if (k == n) return (whole_asked ? whole : test(ctx, s, n)) != CD_PREFIX_NO; /* asked, not kept */
      continue;
    }
    /* A prefix not asked before. The first one settles most new words; past it the whole string is
     * asked once, and only when that fails is the failing prefix looked for, byte by byte. */
    int r = !whole_asked ? test(ctx, s, k) : k == n ? whole : whole != CD_PREFIX_NO ? CD_PREFIX_YES : test(ctx, s, k);
    set_state(slot, r == CD_PREFIX_NO ? CD_PREFIX_FAIL : r == CD_PREFIX_YES_ALL ? CD_PREFIX_PASS_ALL : CD_PREFIX_PASS);
    if (r != CD_PREFIX_YES) return r == CD_PREFIX_YES_ALL;
    if (!whole_asked && k < n) {
      whole_asked = true;
      whole = test(ctx, s, n);
    }
  }
  return true;
}
