/* Where a quote comes from, and how it differs from the record.
 *
 * Candidates: the quote's rarest words and word pairs are looked up in each source's index; the
 * stretch of the source where most of them fall (a window a little longer than the quote, longer
 * for each ellipsis) is a candidate passage. Alignment: an edit distance over words, not
 * characters, between the quote and the candidate stretch (plus the quote's length on each side):
 * a different, missing or added word costs 1, the record's words before and after the quote are
 * free, and so are the record's words an ellipsis or a bracket stands for. Work per quote is
 * bounded by the quote's length, not the sources'. */
#include "record_align.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define MAX_KEYS 12        /* rare words and pairs looked up per quote and source */
#define MAX_POSTINGS 2000  /* positions read per key: common words vote no more than that */
#define HIT_BUDGET 6000    /* positions read per quote and source */
#define MAX_WINDOW 3000    /* record words aligned per candidate at most */
#define MAX_ITEMS 400      /* quote words and gaps aligned at most */
#define REC_REGIONS 6      /* candidate stretches aligned per source: near-duplicates need a few */

enum { D_DIAG, D_UP, D_LEFT, D_GAPLEFT, D_GAPUP };

typedef struct key_use {
  size_t count, first;
  uint32_t item;
} key_use;

typedef struct hit {
  uint32_t pos;
  uint32_t key; /* index into the chosen keys */
} hit;

typedef struct region {
  size_t lo, hi;  /* record words [lo, hi) to align against */
  size_t score;   /* distinct keys that fell in it */
} region;

/* ---- the memo of lookups (record_internal.h) ---- */

#define MEMO_SLOTS 4096 /* quotes remembered per source; the table starts again when 3/4 full */

#define MEMO_EXACT 4       /* places a quote stands word for word, remembered; more: scan again */
#define MEMO_EXACT_MANY 255

/* An alignment remembered: a quote that is not word for word in the record is aligned once per
 * source version, not at every keystroke. */
typedef struct memo_alignment {
  rec_op *ops; /* owned by the memo */
  uint32_t n_ops, cost, matched, first, last;
} memo_alignment;

typedef struct memo_entry {
  uint64_t key; /* 0: empty */
  uint8_t n;
  uint8_t n_exact; /* MEMO_EXACT_MANY: more than MEMO_EXACT */
  bool aligned;    /* al[0, n_al) are this source's alignments of the quote */
  uint8_t n_al;
  region r[REC_REGIONS];
  uint32_t exact[MEMO_EXACT]; /* record words where the quote starts word for word */
  memo_alignment al[REC_REGIONS];
} memo_entry;

struct rec_memo {
  memo_entry slots[MEMO_SLOTS];
  size_t used;
};

static void entry_clear_alignments(memo_entry *e) {
  for (size_t i = 0; i < e->n_al; i++) free(e->al[i].ops);
  e->n_al = 0;
  e->aligned = false;
}

static void memo_clear(struct rec_memo *memo) {
  for (size_t i = 0; i < MEMO_SLOTS; i++) entry_clear_alignments(&memo->slots[i]);
  memset(memo, 0, sizeof *memo);
}

void rec_memo_free(struct rec_memo *memo) {
  if (memo) memo_clear(memo);
  free(memo);
}

/* The key of a quote's items: its words' keys and its gaps, in order. */
static uint64_t items_key(const rec_item *items, size_t n) {
  uint64_t h = 0x51ED270B27A1E5A3ull ^ n;
  for (size_t i = 0; i < n; i++) h = rec_pair_key(h, items[i].kind == RT_WORD ? items[i].key : items[i].kind);
  return h ? h : 1;
}

/* The slot of `key`, or NULL (under the lock). */
static memo_entry *memo_find(struct rec_memo *memo, uint64_t key) {
  for (size_t i = key % MEMO_SLOTS; memo; i = (i + 1) % MEMO_SLOTS) {
    memo_entry *e = &memo->slots[i];
    if (e->key == 0) break;
    if (e->key == key) return e;
  }
  return NULL;
}

/* The entry of `key`, without its alignments (out->aligned false: see memo_alignments). */
static bool memo_get(cd_record_source *s, uint64_t key, memo_entry *out) {
  if (!s->memo_lock_ok) return false;
  mtx_lock(&s->memo_lock);
  const memo_entry *e = memo_find(s->memo, key);
  if (e) {
    memcpy(out, e, offsetof(memo_entry, al));
    out->aligned = false;
    out->n_al = 0;
  }
  mtx_unlock(&s->memo_lock);
  return e != NULL;
}

static void memo_put(cd_record_source *s, const memo_entry *entry) {
  if (!s->memo_lock_ok) return;
  mtx_lock(&s->memo_lock);
  if (!s->memo) s->memo = calloc(1, sizeof *s->memo);
  if (s->memo) {
    if (s->memo->used >= MEMO_SLOTS / 4 * 3) memo_clear(s->memo);
    size_t i = entry->key % MEMO_SLOTS;
    while (s->memo->slots[i].key != 0 && s->memo->slots[i].key != entry->key) i = (i + 1) % MEMO_SLOTS;
    memo_entry *e = &s->memo->slots[i];
    if (e->key == 0) s->memo->used++;
    entry_clear_alignments(e);
    memcpy(e, entry, offsetof(memo_entry, al));
    e->aligned = false;
    e->n_al = 0;
  }
  mtx_unlock(&s->memo_lock);
}

/* Copies of the remembered alignments of `key` appended to out (keep): false when the source
 * has not aligned the quote yet (or memory ran out: then the caller aligns). */
static bool memo_alignments(cd_record_source *s, uint64_t key, size_t source, rec_alignment *out, size_t *n_out);

/* Remembers `a` (n of them, this source's alignments of the quote `key`); takes nothing. */
static void memo_put_alignments(cd_record_source *s, uint64_t key, const rec_alignment *a, size_t n) {
  if (!s->memo_lock_ok) return;
  mtx_lock(&s->memo_lock);
  memo_entry *e = memo_find(s->memo, key);
  if (e && !e->aligned) {
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
      rec_op *ops = malloc(a[i].n_ops * sizeof *ops + 1);
      if (!ops) {
        ok = false;
        break;
      }
      memcpy(ops, a[i].ops, a[i].n_ops * sizeof *ops);
      e->al[e->n_al++] = (memo_alignment){ops, (uint32_t)a[i].n_ops, (uint32_t)a[i].cost, (uint32_t)a[i].matched,
                                          (uint32_t)a[i].first, (uint32_t)a[i].last};
    }
    if (ok) e->aligned = true;
    else entry_clear_alignments(e);
  }
  mtx_unlock(&s->memo_lock);
}

void rec_scratch_free(rec_scratch *sc) {
  free(sc->cost);
  free(sc->dir);
  free(sc->hits);
  memset(sc, 0, sizeof *sc);
}

void rec_alignment_free(rec_alignment *a) {
  free(a->ops);
  a->ops = NULL;
  a->n_ops = 0;
}

static int cmp_key_use(const void *a, const void *b) {
  const key_use *x = a, *y = b;
  return (x->count > y->count) - (x->count < y->count);
}

static int cmp_hit(const void *a, const void *b) {
  const hit *x = a, *y = b;
  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The best few non-overlapping windows of hits in one source (at least 3/4 as good as the
 * best). The exclusion is against the padded regions already taken. */
static size_t find_regions(const cd_record_source *s, const rec_item *items, size_t n_items, size_t words,
                           size_t ellipses, rec_scratch *sc, region *out) {
  key_use uses[2 * MAX_ITEMS];
  size_t n_uses = 0;
  for (size_t i = 0; i < n_items; i++) {
    if (items[i].kind != RT_WORD) continue;
    size_t first, n = rec_lookup(s, items[i].key, &first);
    if (n) uses[n_uses++] = (key_use){n, first, (uint32_t)i};
    if (i + 1 < n_items && items[i + 1].kind == RT_WORD) {
      n = rec_lookup(s, rec_pair_key(items[i].key, items[i + 1].key), &first);
      if (n) uses[n_uses++] = (key_use){n, first, (uint32_t)i};
    }
  }
  if (n_uses < 2) return 0;
  qsort(uses, n_uses, sizeof *uses, cmp_key_use);
  if (n_uses > MAX_KEYS) n_uses = MAX_KEYS;
  /* the rarest keys first, until the budget of positions is spent (but never fewer than three) */
  size_t n_hits = 0, kept = 0;
  for (; kept < n_uses; kept++) {
    size_t c = uses[kept].count < MAX_POSTINGS ? uses[kept].count : MAX_POSTINGS;
    if (kept >= 3 && n_hits + c > HIT_BUDGET) break;
    n_hits += c;
  }
  n_uses = kept;
  if (n_hits > sc->cap_hits) {
    hit *h = realloc(sc->hits, n_hits * sizeof *h);
    if (!h) {
      sc->oom = true;
      return 0;
    }
    sc->hits = h;
    sc->cap_hits = n_hits;
  }
  hit *hits = sc->hits;
  size_t h = 0;
  for (size_t k = 0; k < n_uses; k++) {
    size_t n = uses[k].count < MAX_POSTINGS ? uses[k].count : MAX_POSTINGS;
    for (size_t x = 0; x < n; x++) hits[h++] = (hit){s->index[uses[k].first + x].pos, (uint32_t)k};
  }
  qsort(hits, h, sizeof *hits, cmp_hit);

  size_t width = 2 * words + 20 + 80 * ellipses;
  size_t found = 0;
  for (int round = 0; round < REC_REGIONS; round++) {
    unsigned in_window[MAX_KEYS] = {0};
    size_t distinct = 0, best = 0, best_a = 0, best_b = 0, a = 0;
    for (size_t b = 0; b < h; b++) {
      bool taken = false;
      for (size_t t = 0; t < found && !taken; t++)
        taken = hits[b].pos + width >= out[t].lo && hits[b].pos <= out[t].hi + width;
      if (taken) { /* the window starts again after a region already taken */
        for (; a < b; a++)
          if (--in_window[hits[a].key] == 0) distinct--;
        a = b + 1;
        continue;
      }
      if (in_window[hits[b].key]++ == 0) distinct++;
      while (hits[b].pos - hits[a].pos > width) {
        if (--in_window[hits[a].key] == 0) distinct--;
        a++;
      }
      /* an earlier hit of a key seen again later adds nothing: the tightest window wins ties,
       * which is where an ellipsis left out the fewest words */
      while (a < b && in_window[hits[a].key] > 1) {
        in_window[hits[a].key]--;
        a++;
      }
      if (distinct > best || (distinct == best && hits[b].pos - hits[a].pos < hits[best_b].pos - hits[best_a].pos)) {
        best = distinct;
        best_a = a;
        best_b = b;
      }
    }
    if (best < 2 || (found > 0 && best * 4 < out[0].score * 3)) break;
    size_t lo = hits[best_a].pos, hi = hits[best_b].pos + 2;
    size_t pad = words + 4;
    out[found].lo = lo > pad ? lo - pad : 0;
    out[found].hi = hi + pad < s->n_words ? hi + pad : s->n_words;
    if (out[found].hi - out[found].lo > MAX_WINDOW) out[found].hi = out[found].lo + MAX_WINDOW;
    out[found].score = best;
    found++;
  }
  return found;
}

/* Word-level alignment of the items against record words [lo, hi). */
static bool align_region(const cd_record_source *s, const rec_item *items, size_t m, size_t lo, size_t hi,
                         rec_scratch *sc, rec_alignment *out) {
  size_t n = hi - lo, w = n + 1, cells = (m + 1) * w;
  if (cells > sc->cells) {
    uint32_t *c = realloc(sc->cost, cells * sizeof *c);
    if (!c) return false;
    sc->cost = c;
    uint8_t *d = realloc(sc->dir, cells);
    if (!d) return false;
    sc->dir = d;
    sc->cells = cells;
  }
  uint32_t *D = sc->cost;
  uint8_t *dir = sc->dir;
  for (size_t j = 0; j <= n; j++) D[j] = 0;
  for (size_t i = 1; i <= m; i++) {
    const rec_item *it = &items[i - 1];
    uint32_t *row = D + i * w, *up = D + (i - 1) * w;
    uint8_t *drow = dir + i * w;
    bool gap = it->kind != RT_WORD;
    row[0] = gap ? up[0] : up[0] + 1;
    drow[0] = gap ? D_GAPUP : D_UP;
    for (size_t j = 1; j <= n; j++) {
      if (gap) {
        bool left = row[j - 1] < up[j];
        row[j] = left ? row[j - 1] : up[j];
        drow[j] = left ? D_GAPLEFT : D_GAPUP;
        continue;
      }
      uint32_t diag = up[j - 1] + !rec_same_word(s->words[lo + j - 1].key, it->key);
      uint32_t del = row[j - 1] + 1, ins = up[j] + 1;
      uint32_t best = diag;
      uint8_t d = D_DIAG;
      if (del < best) best = del, d = D_LEFT;
      if (ins < best) best = ins, d = D_UP;
      row[j] = best;
      drow[j] = d;
    }
  }
  size_t end = 0;
  const uint32_t *last = D + m * w;
  for (size_t j = 1; j <= n; j++)
    if (last[j] < last[end]) end = j;
  /* walk back */
  size_t cap = m + n + 1, k = cap;
  rec_op *ops = malloc(cap * sizeof *ops);
  if (!ops) return false;
  size_t i = m, j = end, cost = 0, matched = 0, first = SIZE_MAX, lastw = 0;
  while (i > 0) {
    uint8_t d = dir[i * w + j];
    rec_op op = {0, (uint32_t)(i - 1), (uint32_t)(lo + (j ? j - 1 : 0))};
    if (d == D_DIAG) {
      bool same = rec_same_word(s->words[lo + j - 1].key, items[i - 1].key);
      op.kind = same ? OP_MATCH : OP_SUB;
      cost += !same;
      matched += same;
      if (first == SIZE_MAX) lastw = lo + j - 1;
      first = lo + j - 1;
      i--, j--;
    } else if (d == D_LEFT) {
      op.kind = OP_DEL;
      cost++;
      j--;
    } else if (d == D_UP) {
      op.kind = OP_INS;
      cost++;
      i--;
    } else if (d == D_GAPLEFT) {
      j--;
      continue; /* a record word the gap stands for */
    } else {
      op.kind = OP_GAP;
      i--;
    }
    ops[--k] = op;
  }
  memmove(ops, ops + k, (cap - k) * sizeof *ops);
  out->ops = ops;
  out->n_ops = cap - k;
  out->cost = cost;
  out->matched = matched;
  out->first = first == SIZE_MAX ? lo : first;
  out->last = first == SIZE_MAX ? lo : lastw;
  return true;
}

static bool better(const rec_alignment *a, const rec_alignment *b) {
  if (a->cost != b->cost) return a->cost < b->cost;
  return a->matched > b->matched;
}

/* Keeps `a` among the best REC_MAX_CANDIDATES of out[0, *n), sorted; frees it otherwise. */
static void keep(rec_alignment *out, size_t *n, rec_alignment *a) {
  size_t at = *n;
  while (at > 0 && better(a, &out[at - 1])) at--;
  if (at >= REC_MAX_CANDIDATES) {
    rec_alignment_free(a);
    return;
  }
  if (*n == REC_MAX_CANDIDATES) rec_alignment_free(&out[--*n]);
  memmove(out + at + 1, out + at, (*n - at) * sizeof *out);
  out[at] = *a;
  (*n)++;
}

static bool memo_alignments(cd_record_source *s, uint64_t key, size_t source, rec_alignment *out, size_t *n_out) {
  if (!s->memo_lock_ok) return false;
  rec_alignment copies[REC_REGIONS];
  size_t n = 0;
  bool found = false;
  mtx_lock(&s->memo_lock);
  const memo_entry *e = memo_find(s->memo, key);
  if (e && e->aligned) {
    found = true;
    for (size_t i = 0; i < e->n_al && found; i++) {
      const memo_alignment *m = &e->al[i];
      rec_op *ops = malloc(m->n_ops * sizeof *ops + 1);
      if (!ops) {
        found = false;
        break;
      }
      memcpy(ops, m->ops, m->n_ops * sizeof *ops);
      copies[n++] = (rec_alignment){source, ops, m->n_ops, m->cost, m->matched, m->first, m->last};
    }
  }
  mtx_unlock(&s->memo_lock);
  for (size_t i = 0; i < n; i++) {
    if (found) keep(out, n_out, &copies[i]);
    else rec_alignment_free(&copies[i]);
  }
  return found;
}

/* Where in record words [lo, hi) the quote's words (a quote without gaps) stand word for word,
 * from `from` on; SIZE_MAX when nowhere. Most quotes are exact: this spares them the alignment. */
static size_t exact_at(const cd_record_source *s, const rec_item *items, size_t m, size_t from, size_t hi) {
  for (size_t j = from; j + m <= hi; j++) {
    size_t i = 0;
    while (i < m && rec_same_word(s->words[j + i].key, items[i].key)) i++;
    if (i == m) return j;
  }
  return SIZE_MAX;
}

/* An alignment of every item with the record's words from `at` on. */
static bool exact_alignment(size_t source, const rec_item *items, size_t m, size_t at, rec_alignment *a) {
  (void)items;
  rec_op *ops = malloc(m * sizeof *ops);
  if (!ops) return false;
  for (size_t i = 0; i < m; i++) ops[i] = (rec_op){OP_MATCH, (uint32_t)i, (uint32_t)(at + i)};
  *a = (rec_alignment){source, ops, m, 0, m, at, at + m - 1};
  return true;
}

size_t rec_align(const cd_record_source *const *sources, size_t n_sources, const rec_item *items, size_t n_items,
                 rec_scratch *sc, rec_alignment *out) {
  uint64_t key = 0;
  if (n_items > MAX_ITEMS) n_items = MAX_ITEMS;
  size_t words = 0, ellipses = 0;
  for (size_t i = 0; i < n_items; i++) {
    if (items[i].kind == RT_WORD) words++;
    else ellipses++;
  }
  region *regions = malloc(n_sources * REC_REGIONS * sizeof *regions);
  size_t *nr = malloc(n_sources * sizeof *nr);
  if (!regions || !nr) {
    free(regions);
    free(nr);
    return 0;
  }
  size_t n_out = 0;
  for (size_t si = 0; si < n_sources; si++) {
    region *r = regions + si * REC_REGIONS;
    /* the memo is a cache inside an immutable source: writing it changes no answer */
    cd_record_source *memo_owner = (cd_record_source *)sources[si];
    if (!key) key = items_key(items, n_items);
    memo_entry e;
    if (!memo_get(memo_owner, key, &e)) {
      memset(&e, 0, sizeof e);
      sc->oom = false;
      e.key = key;
      e.n = (uint8_t)find_regions(sources[si], items, n_items, words, ellipses, sc, e.r);
      /* every place a quote with no gap stands word for word */
      for (size_t k = 0; ellipses == 0 && k < e.n && e.n_exact != MEMO_EXACT_MANY; k++)
        for (size_t j = e.r[k].lo; (j = exact_at(sources[si], items, n_items, j, e.r[k].hi)) != SIZE_MAX; j++) {
          if (e.n_exact == MEMO_EXACT) {
            e.n_exact = MEMO_EXACT_MANY;
            break;
          }
          e.exact[e.n_exact++] = (uint32_t)j;
        }
      if (!sc->oom) memo_put(memo_owner, &e);
    }
    nr[si] = e.n;
    memcpy(r, e.r, e.n * sizeof *r);
    /* found word for word: nothing can do better than that (every place it stands is kept, for
     * the speakers to choose) */
    if (e.n_exact == MEMO_EXACT_MANY) {
      for (size_t k = 0; k < e.n; k++)
        for (size_t j = r[k].lo; (j = exact_at(sources[si], items, n_items, j, r[k].hi)) != SIZE_MAX; j++) {
          rec_alignment a;
          if (exact_alignment(si, items, n_items, j, &a)) keep(out, &n_out, &a);
        }
    } else {
      for (size_t x = 0; x < e.n_exact; x++) {
        rec_alignment a;
        if (exact_alignment(si, items, n_items, e.exact[x], &a)) keep(out, &n_out, &a);
      }
    }
  }
  bool exact = n_out > 0;
  for (size_t si = 0; !exact && si < n_sources; si++) {
    cd_record_source *memo_owner = (cd_record_source *)sources[si];
    if (memo_alignments(memo_owner, key, si, out, &n_out)) continue;
    rec_alignment mine[REC_REGIONS];
    size_t n_mine = 0;
    bool complete = true;
    for (size_t k = 0; k < nr[si]; k++) {
      mine[n_mine] = (rec_alignment){si, NULL, 0, 0, 0, 0, 0};
      const region *r = regions + si * REC_REGIONS + k;
      if (align_region(sources[si], items, n_items, r->lo, r->hi, sc, &mine[n_mine])) n_mine++;
      else complete = false; /* out of memory: not remembered */
    }
    if (complete) memo_put_alignments(memo_owner, key, mine, n_mine);
    for (size_t k = 0; k < n_mine; k++) keep(out, &n_out, &mine[k]);
  }
  free(regions);
  free(nr);
  return n_out;
}
