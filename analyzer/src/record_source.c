/* A source of the record: a copy of its bytes, parsed once (record_parse.c) and indexed once.
 *
 * The index holds every word (unigram) and every pair of adjacent words (bigram) with its
 * position, sorted by key: a quote looks up its rarest words and pairs to find where it may come
 * from, so checking a quote costs a few binary searches per source, not a scan of the source. */
#include <stdlib.h>
#include <string.h>

#include "record_internal.h"

/* Positions are 32-bit: a source larger than this is indexed up to here. */
#define REC_MAX_BYTES ((size_t)1 << 31)

static const char *const KIND_NAMES[] = {"text", "transcript", "webvtt", "srt"};

const char *cd_record_kind_name(cd_record_kind kind) {
  return (unsigned)kind < sizeof KIND_NAMES / sizeof KIND_NAMES[0] ? KIND_NAMES[kind] : "text";
}

/* Sorts by key, keeping the order of equal keys (positions arrive in order): an LSD radix sort
 * over 16-bit digits, linear in the postings where a comparison sort was most of the indexing. */
static bool sort_postings(rec_posting *p, size_t n) {
  rec_posting *tmp = malloc(n * sizeof *tmp);
  size_t *count = malloc(65536 * sizeof *count);
  if (!tmp || !count) {
    free(tmp);
    free(count);
    return false;
  }
  rec_posting *from = p, *to = tmp;
  for (unsigned shift = 0; shift < 64; shift += 16) {
    memset(count, 0, 65536 * sizeof *count);
    for (size_t i = 0; i < n; i++) count[(from[i].key >> shift) & 0xFFFF]++;
    size_t sum = 0;
    for (size_t d = 0; d < 65536; d++) {
      size_t c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) to[count[(from[i].key >> shift) & 0xFFFF]++] = from[i];
    rec_posting *t = from;
    from = to;
    to = t;
  }
  /* four passes: the result is back in p */
  free(tmp);
  free(count);
  return true;
}

static bool build_index(cd_record_source *s) {
  if (s->n_words == 0) return true;
  s->index = malloc((2 * s->n_words - 1) * sizeof *s->index);
  if (!s->index) return false;
  size_t k = 0;
  for (size_t i = 0; i < s->n_words; i++) {
    s->index[k++] = (rec_posting){s->words[i].key, (uint32_t)i};
    if (i + 1 < s->n_words) s->index[k++] = (rec_posting){rec_pair_key(s->words[i].key, s->words[i + 1].key), (uint32_t)i};
  }
  s->n_index = k;
  return sort_postings(s->index, k);
}

size_t rec_lookup(const cd_record_source *s, uint64_t key, size_t *first) {
  size_t lo = 0, hi = s->n_index;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->index[mid].key < key) lo = mid + 1;
    else hi = mid;
  }
  *first = lo;
  size_t end = lo;
  /* the count by a second search: common words have long runs */
  hi = s->n_index;
  while (end < hi) {
    size_t mid = end + (hi - end) / 2;
    if (s->index[mid].key <= key) end = mid + 1;
    else hi = mid;
  }
  return end - lo;
}

cd_record_source *cd_record_source_new(const char *name, const char *bytes, size_t len) {
  cd_record_source *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  if (!bytes) len = 0;
  if (len > REC_MAX_BYTES) len = REC_MAX_BYTES;
  s->name = strdup(name ? name : "");
  s->text = malloc(len + 1);
  if (!s->name || !s->text) goto fail;
  if (len) memcpy(s->text, bytes, len);
  s->text[len] = 0;
  s->len = len;
  s->memo_lock_ok = mtx_init(&s->memo_lock, mtx_plain) == thrd_success;
  if (!rec_parse(s) || !build_index(s)) goto fail;
  /* kept for as long as the source: no spare capacity */
  if (s->n_words) {
    rec_word *w = realloc(s->words, s->n_words * sizeof *w);
    if (w) s->words = w;
  }
  if (s->n_turns) {
    rec_turn *t = realloc(s->turns, s->n_turns * sizeof *t);
    if (t) s->turns = t;
  }
  return s;
fail:
  cd_record_source_free(s);
  return NULL;
}

void cd_record_source_free(cd_record_source *s) {
  if (!s) return;
  free(s->name);
  free(s->text);
  free(s->words);
  free(s->turns);
  free(s->index);
  rec_memo_free(s->memo);
  if (s->memo_lock_ok) mtx_destroy(&s->memo_lock);
  free(s);
}

const char *cd_record_source_name(const cd_record_source *s) { return s->name; }

const char *cd_record_source_text(const cd_record_source *s, size_t *len) {
  if (len) *len = s->len;
  return s->text;
}

cd_record_kind cd_record_source_kind(const cd_record_source *s) { return s->kind; }

size_t cd_record_source_words(const cd_record_source *s) { return s->n_words; }
