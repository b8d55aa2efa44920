/* The hash of a word for the generated word tables (words.h): ASCII letters folded to lower case,
 * so a slice of any case hashes as its lower-case entry. Shared by the table generator
 * (tools/gen_word_index.c), which places the entries at build time, and the lookups. */
#ifndef CD_WORD_HASH_H
#define CD_WORD_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "byte_hash.h"

/* Eight bytes with their ASCII capitals in lower case, other bytes as they are: a capital is a
 * byte whose low seven bits reach 'A' but not past 'Z' and whose top bit is clear, and setting
 * its 0x20 bit makes it the small letter. */
static inline uint64_t cd_word_fold8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  uint64_t low7 = x & ~high;
  uint64_t from_a = low7 + (0x80 - 'A') * ones, past_z = low7 + (0x80 - 'Z' - 1) * ones;
  return x | ((from_a & ~past_z & ~x & high) >> 2);
}

static inline uint32_t cd_word_hash(const char *s, size_t n) {
  /* eight folded bytes at a time: a word list's lookups hash every word the passes ask about */
  uint64_t h = cd_hash_blocks(s, n, cd_word_fold8) * 0x2c1b3c6dull;
  return (uint32_t)(h ^ h >> 32);
}

/* A table slot holds the entry's offset in the characters plus one (0: empty) in its low bits and
 * the top bits of the entry's hash above them, so most probes for a word not in the list end
 * without reading any characters. */
enum { CD_WORD_SLOT_OFFSET_BITS = 24 };
#define CD_WORD_SLOT_OFFSET_MASK ((1u << CD_WORD_SLOT_OFFSET_BITS) - 1u)

static inline uint32_t cd_word_slot_tag(uint32_t hash) { return hash & ~CD_WORD_SLOT_OFFSET_MASK; }

/* A table's filter, tested before any hashing: 1,024 bits, and an entry sets the one its length,
 * first and last byte (capitals folded) pick. Most words the passes ask about are not in the list
 * they ask: on real articles four lookups in five end here, without a probe of the slots. */
enum { CD_WORD_FILTER_WORDS = 16 };
static inline uint32_t cd_word_filter_bit(const char *s, size_t n) {
  uint32_t first = (unsigned char)s[0], last = (unsigned char)s[n - 1];
  if (first - 'A' < 26u) first |= 0x20u;
  if (last - 'A' < 26u) last |= 0x20u;
  uint32_t x = (first * 0x45D9u) ^ (last * 0x1B87u) ^ ((uint32_t)(n < 63 ? n : 63) * 0x9E37u);
  return (x * 0x9E3779B1u) >> 22;
}

#endif
