/* Name keys kept from one version of a document to the next (cd_doc_name_key for a cd_analysis).
 *
 * A keystroke's passes ask for the keys of every mention, word and surname again; folding and
 * hashing them all was a tenth of a keystroke's instructions. The kept table interns each key once
 * for as long as the handle lives (bounded: it starts over when it holds four times the keys a
 * version asked for), and a memo per version gives the key of each span of the text asked about.
 * A span of the new version inside the text the two versions share at their start or end finds
 * its key in the previous version's memo, so only the spans an edit touched are folded again.
 *
 * Each key carries the version that last asked for it, so that "known" (cd_name_key_known) still
 * means interned by this version: the same answers as a table made afresh for the version. */
#ifndef CD_NAMEKEY_KEPT_H
#define CD_NAMEKEY_KEPT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vec.h"

typedef struct cd_keys_kept cd_keys_kept;

/* NULL when out of memory. */
cd_keys_kept *cd_keys_kept_new(void);
void cd_keys_kept_free(cd_keys_kept *k);

/* A new version of `len` bytes. With `shared`, its first `prefix` bytes are the previous version's
 * first, and its last `suffix` bytes the previous version's (of `old_len` bytes) last; without, the
 * previous version's memo is not read. */
void cd_keys_kept_version(cd_keys_kept *k, bool shared, size_t prefix, size_t suffix, size_t old_len, size_t len);

/* The key of s[0, n), interned for as long as the version is analysed (at least), as
 * cd_name_key_in would intern it; with `known`, as cd_name_key_known answers for the keys this
 * version interned so far. `start` is the span's offset in the version's text, or SIZE_MAX when
 * the bytes are not the text's (they are then not remembered); `n_mentions` sizes the memo. NULL
 * when out of memory, or for `known` when the key is not interned. */
const char *cd_keys_kept_key(cd_keys_kept *k, const char *s, size_t start, size_t n, size_t n_mentions, bool known);
/* cd_keys_kept_key (not `known`), also giving in *entry the key's entry (UINT32_MAX with NULL). */
const char *cd_keys_kept_key_entry(cd_keys_kept *k, const char *s, size_t start, size_t n, size_t n_mentions,
                                   uint32_t *entry);
/* The table's copy of key[0, n), bytes already folded (an alias's canonical key), added when absent
 * and asked by this version; NULL when out of memory. */
const char *cd_keys_kept_intern(cd_keys_kept *k, const char *key, size_t n);
/* The table's copy of key[0, n), or NULL when it holds none (nothing is added). */
const char *cd_keys_kept_find(const cd_keys_kept *k, const char *key, size_t n);
/* Changes when the table starts over and its entries go: kept entries hold within one epoch only. */
uint32_t cd_keys_kept_epoch(const cd_keys_kept *k);

/* What the passes remember about a key, a function of its bytes alone (the answers of namekey.h
 * and the word tables): `flags` are the callers' (0 when the key was added), `alias` NULL until set. */
typedef struct cd_key_memo {
  uint8_t flags;
  const char *alias;
} cd_key_memo;

/* One key of the table: its interned copy, the version that last asked for it, and what the passes
 * remember about it (cd_keys_kept_memo). */
typedef struct cd_kept_entry {
  const char *key;
  uint32_t stamp;
  cd_key_memo memo;
} cd_kept_entry;

/* The start of the table (namekey_kept.c owns it), for cd_keys_kept_entry_key inline. */
typedef struct cd_keys_kept_front {
  cd_vec entries; /* cd_kept_entry */
  uint32_t stamp; /* this version's (from 1) */
  size_t used;    /* entries stamped by this version */
} cd_keys_kept_front;

/* The key of an entry cd_keys_kept_key_entry gave, for this version or an earlier one of the same
 * epoch, as this version asks it (the key then counts as interned by this version): a caller that
 * keeps a span's entry from version to version finds its key without the span memo. Inline: the
 * passes ask it for every mention and name word. */
static inline const char *cd_keys_kept_entry_key(cd_keys_kept *k, uint32_t e) {
  cd_keys_kept_front *f = (cd_keys_kept_front *)(void *)k; /* its first member */
  cd_kept_entry *x = &((cd_kept_entry *)f->entries.data)[e];
  if (x->stamp != f->stamp) {
    x->stamp = f->stamp;
    f->used++;
  }
  return x->key;
}

/* The memo of `key` when it is one of the table's keys (the very pointer it handed out), else NULL.
 * Valid until the next key is added. */
cd_key_memo *cd_keys_kept_memo(cd_keys_kept *k, const char *key);

/* How many keys the table holds (for tests: it stays bounded). */
size_t cd_keys_kept_count(const cd_keys_kept *k);

#endif
