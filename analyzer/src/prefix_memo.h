/* A memo of a test on byte strings that holds for every prefix of a string it holds for (once a
 * string fails, so does whatever starts with it): "can some phrase of the alternation read these
 * bytes?". The answers are kept per prefix in a trie, so a string is settled by the shortest
 * prefix that fails, and a new word costs a test only where its bytes leave what was seen: the
 * trie grows with what the test lets through, not with the vocabulary of the text, and stays
 * under a node limit (reached, it is emptied and filled again). Not thread-safe: the caller
 * guards it. */
#ifndef CD_PREFIX_MEMO_H
#define CD_PREFIX_MEMO_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether the n bytes at s pass; ctx is the caller's. */
typedef bool (*cd_prefix_test)(void *ctx, const char *s, size_t n);

typedef struct cd_prefix_memo {
  uint64_t *slots; /* open addressing: edge key + 1 in the low 32 bits (0: empty), node << 2 | state above */
  size_t cap;      /* slots, a power of two */
  size_t nodes;    /* nodes made (the root is node 0 and is not stored) */
  size_t limit;    /* nodes at most; below 2^24 */
} cd_prefix_memo;

void cd_prefix_memo_init(cd_prefix_memo *m, size_t limit);
void cd_prefix_memo_free(cd_prefix_memo *m);
/* test(ctx, s, n), from the answers kept for prefixes of s, asking test for those it lacks. A
 * prefix that ends inside a UTF-8 character, or in bytes that are none, is never kept (more bytes
 * may make them another character). Out of memory, test is asked and nothing kept. */
bool cd_prefix_memo_test(cd_prefix_memo *m, const char *s, size_t n, cd_prefix_test test, void *ctx);

/* The answer the memo keeps for the n bytes at s, read without a call: 1 they pass, 0 they fail,
 * -1 some prefix's answer is missing (then cd_prefix_memo_test asks). Most strings are settled by
 * their first few bytes, so the callers in hot loops ask this first. */
static inline int cd_prefix_memo_known(const cd_prefix_memo *m, const char *s, size_t n) {
  if (!m->slots || n == 0 || n >= m->limit) return -1;
  uint32_t node = 0;
  for (size_t k = 0; k < n; k++) {
    uint32_t want = (node << 8 | (unsigned char)s[k]) + 1; /* the edge's key + 1, as stored */
    size_t h = (size_t)(((uint64_t)(want - 1) * 0x9e3779b97f4a7c15ull) >> 32) & (m->cap - 1);
    while (m->slots[h] && (uint32_t)m->slots[h] != want) h = (h + 1) & (m->cap - 1);
    unsigned st = (unsigned)(m->slots[h] >> 32) & 3u; /* 0 unknown (or no slot), 1 pass, 2 fail */
    if (st != 1) return st == 2 ? 0 : -1;
    node = (uint32_t)(m->slots[h] >> 34);
  }
  return 1;
}

#endif
