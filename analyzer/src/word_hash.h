/* The hash of a word for the generated word tables (words.h): ASCII letters folded to lower case,
 * so a slice of any case hashes as its lower-case entry. Shared by the table generator
 * (tools/gen_word_index.c), which places the entries at build time, and the lookups. */
#ifndef CD_WORD_HASH_H
#define CD_WORD_HASH_H
#include <stddef.h>
#include <stdint.h>

static inline uint32_t cd_word_hash(const char *s, size_t n) {
  uint32_t h = 2166136261u ^ (uint32_t)n; /* FNV-1a over the folded bytes, then a final mix */
  for (size_t i = 0; i < n; i++) {
    uint32_t c = (unsigned char)s[i];
    if (c - 'A' < 26u) c |= 0x20u;
    h = (h ^ c) * 16777619u;
  }
  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;
  return h;
}

/* A table slot holds the entry's offset in the characters plus one (0: empty) in its low bits and
 * the top bits of the entry's hash above them, so most probes for a word not in the list end
 * without reading any characters. */
enum { CD_WORD_SLOT_OFFSET_BITS = 24 };
#define CD_WORD_SLOT_OFFSET_MASK ((1u << CD_WORD_SLOT_OFFSET_BITS) - 1u)

static inline uint32_t cd_word_slot_tag(uint32_t hash) { return hash & ~CD_WORD_SLOT_OFFSET_MASK; }

#endif
