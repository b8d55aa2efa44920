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

#endif
