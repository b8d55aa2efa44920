/* Finding a quote in the record: candidate passages from the n-gram index, then a word-level
 * alignment of the quote against each (record_align.c). */
#ifndef CD_RECORD_ALIGN_H
#define CD_RECORD_ALIGN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record_internal.h"

/* A word of the quote, or a gap: RT_ELLIPSIS or RT_BRACKET, where any number of the record's
 * words may stand (left out, or replaced by the writer's bracketed words). */
typedef struct rec_item {
  uint64_t key;
  size_t start, end; /* bytes in the article */
  uint8_t kind;      /* rec_tok_kind, never RT_FILLER */
} rec_item;

typedef enum rec_op_kind {
  OP_MATCH, /* the same word */
  OP_SUB,   /* a different word in its place */
  OP_INS,   /* a quote word the record does not have there */
  OP_DEL,   /* a record word the quote leaves out with no ellipsis */
  OP_GAP    /* an ellipsis or bracket (and the record words it stands for) */
} rec_op_kind;

typedef struct rec_op {
  uint8_t kind;  /* rec_op_kind */
  uint32_t item; /* quote item (OP_MATCH, OP_SUB, OP_INS, OP_GAP) */
  uint32_t word; /* record word (OP_MATCH, OP_SUB, OP_DEL) */
} rec_op;

typedef struct rec_alignment {
  size_t source;           /* index into the sources */
  rec_op *ops;             /* in text order; malloc'd, rec_alignment_free */
  size_t n_ops;
  size_t cost;             /* OP_SUB + OP_INS + OP_DEL */
  size_t matched;          /* OP_MATCH */
  size_t first, last;      /* record words of the first and last OP_MATCH/OP_SUB */
} rec_alignment;

/* Working memory reused from quote to quote. */
typedef struct rec_scratch {
  uint32_t *cost;
  uint8_t *dir;
  size_t cells;
  void *hits;
  size_t cap_hits;
  bool oom; /* a lookup ran out of memory: its empty answer is not remembered */
} rec_scratch;

void rec_scratch_free(rec_scratch *sc);
void rec_alignment_free(rec_alignment *a);

#define REC_MAX_CANDIDATES 8

/* What a quote's bytes come to, remembered (in the first source's memo) so that an unchanged
 * quote is not read word by word again: its items' key and counts. */
typedef struct rec_shape {
  uint64_t raw;           /* a hash of the quote's inner bytes; 0: none */
  uint64_t key;           /* rec_items_key of its items */
  uint32_t n_items, words;
} rec_shape;

bool rec_shape_get(const cd_record_source *source, uint64_t raw, rec_shape *out);
void rec_shape_put(const cd_record_source *source, const rec_shape *shape);

/* The key the memo knows a quote's items by. */
uint64_t rec_items_key(const rec_item *items, size_t n);

/* rec_align() for a quote known only by its key and length: the answer when every source
 * remembers the quote and it stands word for word in some source (most quotes); 0 otherwise,
 * and then the caller reads the quote's items and calls rec_align(). */
size_t rec_align_known(const cd_record_source *const *sources, size_t n_sources, uint64_t key, size_t n_items,
                       rec_alignment *out);

/* The best alignments of the quote's items against the sources (at most REC_MAX_CANDIDATES,
 * lowest cost first, then most matched words). Returns how many; 0 when no passage shares
 * enough of the quote's words, or when memory runs out. */
size_t rec_align(const cd_record_source *const *sources, size_t n_sources, const rec_item *items, size_t n_items,
                 rec_scratch *sc, rec_alignment *out);

#endif
