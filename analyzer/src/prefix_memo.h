/* A memo of a test on byte strings that holds for every prefix of a string it holds for (once a
 * string fails, so does whatever starts with it): "can some phrase of the alternation read these
 * bytes?". The test may also say that a string passes with every string that begins with it (a
 * phrase matched whole within it). The answers are kept per prefix in a trie, so a string is
 * settled by the shortest prefix that fails, or that passes with all that follows, and a new word
 * costs a test only where its bytes leave what was seen: the trie grows with what the test lets
 * through, not with the vocabulary of the text, and stays under a node limit (reached, it is
 * emptied and filled again). Not thread-safe: the caller guards it. */
#ifndef CD_PREFIX_MEMO_H
#define CD_PREFIX_MEMO_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether the n bytes at s pass: CD_PREFIX_NO, CD_PREFIX_YES, or CD_PREFIX_YES_ALL when every
 * string that begins with them passes too; ctx is the caller's. */
enum { CD_PREFIX_NO = 0, CD_PREFIX_YES = 1, CD_PREFIX_YES_ALL = 2 };
typedef int (*cd_prefix_test)(void *ctx, const char *s, size_t n);

typedef struct cd_prefix_memo {
  uint64_t *slots; /* open addressing: edge key + 1 in the low 32 bits (0: empty), node << 2 | state above */
  size_t cap;      /* slots, a power of two */
  size_t nodes;    /* nodes made (the root is node 0 and is not stored) */
  size_t limit;    /* nodes at most; below 2^24 */
  /* Where the walk stands after two ASCII bytes (b0 << 7 | b1), filled in as it is read: 0 not
   * known yet, else the second edge's node << 2 | its state (CD_PREFIX_FAIL also when the first
   * failed). States, once known, stay until the memo is emptied; then so is this. */
  uint32_t *pairs;
} cd_prefix_memo;

void cd_prefix_memo_init(cd_prefix_memo *m, size_t limit);
void cd_prefix_memo_free(cd_prefix_memo *m);
/* test(ctx, s, n), from the answers kept for prefixes of s, asking test for those it lacks. A
 * prefix that ends inside a UTF-8 character, or in bytes that are none, is never kept (more bytes
 * may make them another character). Out of memory, test is asked and nothing kept. */
bool cd_prefix_memo_test(cd_prefix_memo *m, const char *s, size_t n, cd_prefix_test test, void *ctx);

/* The slot layout (prefix_memo.c writes the slots, the lookups below read them): the edge from
 * node p by byte b has the key p << 8 | b, stored + 1 in a slot's low 32 bits; above them the
 * edge's state in two bits, and above those the node it leads to. The root is node 0. After an edge
 * in state CD_PREFIX_PASS_ALL nothing is looked up: whatever follows passes. */
enum { CD_PREFIX_UNKNOWN = 0, CD_PREFIX_PASS = 1, CD_PREFIX_FAIL = 2, CD_PREFIX_PASS_ALL = 3 };
static inline uint32_t cd_prefix_memo_edge_key(uint32_t parent, unsigned char b) { return parent << 8 | b; }
static inline size_t cd_prefix_memo_slot(const cd_prefix_memo *m, uint32_t key) {
  return (size_t)(((uint64_t)key * 0x9e3779b97f4a7c15ull) >> 32) & (m->cap - 1);
}
static inline uint32_t cd_prefix_memo_node_of(uint64_t slot) { return (uint32_t)(slot >> 34); }
static inline unsigned cd_prefix_memo_state_of(uint64_t slot) { return (unsigned)(slot >> 32) & 3u; }

/* The slot of the edge from `node` by byte b, or 0 when the memo has none (m->slots not NULL). */
static inline uint64_t cd_prefix_memo_edge(const cd_prefix_memo *m, uint32_t node, unsigned char b) {
  uint32_t want = cd_prefix_memo_edge_key(node, b) + 1;
  size_t h = cd_prefix_memo_slot(m, want - 1);
  while (m->slots[h] && (uint32_t)m->slots[h] != want) h = (h + 1) & (m->cap - 1);
  return m->slots[h];
}

/* The answer the memo keeps for the n bytes at s, read without a call: 1 they pass, 0 they fail,
 * -1 some prefix's answer is missing (then cd_prefix_memo_test asks). Most strings are settled by
 * their first few bytes, so the callers in hot loops ask this first; the walk over the first two
 * ASCII bytes is kept (pairs), which is why the memo is not const. */
static inline int cd_prefix_memo_known(cd_prefix_memo *m, const char *s, size_t n) {
  if (!m->slots || n == 0 || n >= m->limit) return -1;
  uint32_t node = 0;
  size_t k = 0;
  unsigned char b0 = (unsigned char)s[0], b1 = n > 1 ? (unsigned char)s[1] : 0x80;
  uint32_t *pair = m->pairs && (b0 | b1) < 0x80 ? &m->pairs[b0 << 7 | b1] : NULL;
  if (pair && *pair) {
    unsigned st = *pair & 3u;
    if (st != CD_PREFIX_PASS) return st == CD_PREFIX_FAIL ? 0 : 1;
    node = *pair >> 2;
    k = 2;
  }
  for (; k < n; k++) {
    uint64_t slot = cd_prefix_memo_edge(m, node, (unsigned char)s[k]); /* no slot: state unknown */
    unsigned st = cd_prefix_memo_state_of(slot);
    /* known within the first two bytes: keep where the walk stands */
    if (pair && k < 2 && (k == 1 || st != CD_PREFIX_PASS) && st != CD_PREFIX_UNKNOWN)
      *pair = (k == 1 ? cd_prefix_memo_node_of(slot) << 2 : 0) | st;
    if (st != CD_PREFIX_PASS) return st == CD_PREFIX_FAIL ? 0 : st == CD_PREFIX_PASS_ALL ? 1 : -1;
    node = cd_prefix_memo_node_of(slot);
  }
  return 1;
}

#endif
